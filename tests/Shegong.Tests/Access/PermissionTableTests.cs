using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Access;

/// <summary>
/// The permission table fails closed (a kind of record it does not list is written by nobody, the
/// write guard refuses it) and docs/architecture.md renders exactly the table the code holds.
/// </summary>
public class PermissionTableTests
{
    [Fact]
    public void A_kind_of_record_missing_from_the_table_may_not_be_written_or_read_by_anyone()
    {
        Assert.Null(AccessTable.Find(typeof(Probe)));
        foreach (var role in Enum.GetValues<AccountRole>())
        {
            Assert.All(Enum.GetValues<AccessAction>(), action => Assert.False(AccessTable.Allows(role, typeof(Probe), action)));
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_write_guard_refuses_a_kind_of_record_missing_from_the_table_to_every_role(AccountRole role)
    {
        using var db = new ProbeDb();
        var user = new CurrentUser();
        user.Fill(new Account { Id = "probe", UserName = "probe", DisplayName = "探针", Role = role, RegionCode = AccountBootstrap.DefaultProvinceCode }, null);
        db.Add(new Probe { Id = 1, Name = "未登记的实体" });

        var refused = Assert.Throws<RequestProblem>(() => new WriteGuard(user, ProvinceScope()).Check(db));
        Assert.Equal(403, refused.Status);
    }

    /// <summary>The whole province, but not the system scope (which the guard lets through).</summary>
    private static RegionScope ProvinceScope()
    {
        var scope = new RegionScope();
        scope.AllowProvince();
        return scope;
    }

    public static TheoryData<AccountRole> Roles() => new(Enum.GetValues<AccountRole>());

    [Fact]
    public void Every_kind_of_record_the_database_holds_has_a_row_in_the_table()
    {
        using var db = new ProbeDb();
        var missing = db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => t != typeof(Probe) && t != typeof(DataProtectionKey) && AccessTable.Find(t) is null).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "not in the permission table: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_architecture_document_renders_the_table_of_the_code()
    {
        var documented = PermissionTableMarkdown.Parse(File.ReadAllText(PermissionTableMarkdown.ArchitecturePath()));
        var code = PermissionTableMarkdown.Grants(AccessTable.Entities);
        var missing = code.Except(documented).Order().ToList();
        var extra = documented.Except(code).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"docs/architecture.md disagrees with AccessTable.\nMissing from the docs: {string.Join(", ", missing)}\n"
            + $"Only in the docs: {string.Join(", ", extra)}\nThe section should read:\n{PermissionTableMarkdown.Render(AccessTable.Entities)}");
    }

    /// <summary>A kind of record nobody put into the permission table.</summary>
    public sealed class Probe
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    /// <summary>The real model plus <see cref="Probe"/>; never opened, the guard reads only its change tracker.</summary>
    private sealed class ProbeDb() : ShegongDb(new DbContextOptionsBuilder<ProbeDb>().UseSqlite("Data Source=:memory:").Options, ProvinceScope())
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.Entity<Probe>();
        }
    }
}
