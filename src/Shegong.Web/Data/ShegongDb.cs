using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.Development;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Data;

/// <summary>
/// The one database context. Provider-specific subclasses exist only so each provider keeps its
/// own migration set; everything else uses this type. It holds the Identity users (one role per
/// account is a column, so no role tables) and the data-protection keys, so several app instances
/// share cookies and tokens.
/// </summary>
public abstract partial class ShegongDb(DbContextOptions options, RegionScope scope) : IdentityUserContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<StationStatusChange> StationStatusChanges => Set<StationStatusChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<ServiceContract> ServiceContracts => Set<ServiceContract>();
    public DbSet<SocialWorker> SocialWorkers => Set<SocialWorker>();
    public DbSet<StationAssignment> StationAssignments => Set<StationAssignment>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<Supervision> Supervisions => Set<Supervision>();

    /// <summary>The region subtree this context's queries are limited to.</summary>
    public RegionScope Scope { get; } = scope;

    // Query filters read these per query, so one model serves every user's scope.
    private string? ScopeLow => Scope.Low;
    private string? ScopeHigh => Scope.High;
    private int? ScopeAgency => Scope.AgencyId;
    private string? ScopeAncestor0 => Scope.Ancestors[0];
    private string? ScopeAncestor1 => Scope.Ancestors[1];
    private string? ScopeAncestor2 => Scope.Ancestors[2];
    private string? ScopeAncestor3 => Scope.Ancestors[3];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShegongDb).Assembly);

        // Scope: every scoped entity carries the code of the region it belongs to, and is
        // visible when that code lies in the current subtree range (index-friendly on both
        // providers). Add each new scoped entity here, and to the access matrix test.
        modelBuilder.Entity<Station>().HasQueryFilter(s =>
            ScopeLow == null || (string.Compare(s.RegionCode, ScopeLow) >= 0 && string.Compare(s.RegionCode, ScopeHigh) <= 0));
        modelBuilder.Entity<Account>().HasQueryFilter(a =>
            ScopeLow == null || (string.Compare(a.RegionCode, ScopeLow) >= 0 && string.Compare(a.RegionCode, ScopeHigh) <= 0));
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(a =>
            ScopeLow == null || (string.Compare(a.RegionCode, ScopeLow) >= 0 && string.Compare(a.RegionCode, ScopeHigh) <= 0));
        // Regions: the subtree, plus the root's ancestors so the path to it can be shown.
        modelBuilder.Entity<Region>().HasQueryFilter(r =>
            ScopeLow == null || (string.Compare(r.Code, ScopeLow) >= 0 && string.Compare(r.Code, ScopeHigh) <= 0)
            || r.Code == ScopeAncestor0 || r.Code == ScopeAncestor1 || r.Code == ScopeAncestor2 || r.Code == ScopeAncestor3);
        // An agency is seen where it is registered and in every county it serves (agencies are
        // registered and serve at county level, so township staff see their county's agencies); a contract by
        // its buyer and wherever its stations are.
        // An agency manager further sees only their own agency, its staff and its contracts.
        modelBuilder.Entity<Agency>().HasQueryFilter(a => (ScopeAgency == null || a.Id == ScopeAgency) && (ScopeLow == null
            || (string.Compare(a.RegionCode, ScopeLow) >= 0 && string.Compare(a.RegionCode, ScopeHigh) <= 0)
            || a.ServiceAreas.Any(s => string.Compare(s.RegionCode, ScopeLow) >= 0 && string.Compare(s.RegionCode, ScopeHigh) <= 0)
            // Township and village staff see the agencies of their county, which operate their station.
            || a.RegionCode == ScopeAncestor2 || a.ServiceAreas.Any(s => s.RegionCode == ScopeAncestor2)));
        modelBuilder.Entity<ServiceContract>().HasQueryFilter(c => (ScopeAgency == null || c.AgencyId == ScopeAgency) && (ScopeLow == null
            || (string.Compare(c.RegionCode, ScopeLow) >= 0 && string.Compare(c.RegionCode, ScopeHigh) <= 0)
            || c.Stations.Any(s => string.Compare(s.RegionCode, ScopeLow) >= 0 && string.Compare(s.RegionCode, ScopeHigh) <= 0)));
        modelBuilder.Entity<SocialWorker>().HasQueryFilter(w => (ScopeAgency == null || w.AgencyId == ScopeAgency)
            && (ScopeLow == null || (string.Compare(w.RegionCode, ScopeLow) >= 0 && string.Compare(w.RegionCode, ScopeHigh) <= 0)));
        modelBuilder.Entity<StaffSession>().HasQueryFilter(t =>
            ScopeLow == null || (string.Compare(t.RegionCode, ScopeLow) >= 0 && string.Compare(t.RegionCode, ScopeHigh) <= 0));

        StoreEnumsAsStrings(modelBuilder);
    }

    /// <summary>Enums are stored by name: readable in SQL, stable when members are added.</summary>
    private static void StoreEnumsAsStrings(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (enumType.IsEnum && property.GetValueConverter() is null)
            {
                var converter = (ValueConverter)Activator.CreateInstance(typeof(EnumToStringConverter<>).MakeGenericType(enumType), [null])!;
                property.SetValueConverter(converter);
                property.SetMaxLength(40);
            }
        }
    }
}

/// <summary>The embedded default: SQLite, migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteShegongDb(DbContextOptions<SqliteShegongDb> options, RegionScope scope) : ShegongDb(options, scope);

/// <summary>Production: PostgreSQL, migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresShegongDb(DbContextOptions<PostgresShegongDb> options, RegionScope scope) : ShegongDb(options, scope);
