using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Data;

// Used only by `dotnet ef migrations add`; connection strings here are never opened.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteShegongDb>
{
    public SqliteShegongDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShegongDb>().UseSqlite("Data Source=design.db").Options, RegionScope.System("design-time", audited: false));
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresShegongDb>
{
    public PostgresShegongDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresShegongDb>().UseNpgsql("Host=localhost;Database=design").Options, RegionScope.System("design-time", audited: false));
}
