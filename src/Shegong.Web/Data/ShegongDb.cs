using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
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
    public DbSet<StationTally> StationTallies => Set<StationTally>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<ServiceContract> ServiceContracts => Set<ServiceContract>();
    public DbSet<SocialWorker> SocialWorkers => Set<SocialWorker>();
    public DbSet<StationAssignment> StationAssignments => Set<StationAssignment>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<Supervision> Supervisions => Set<Supervision>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ResidentTag> ResidentTags => Set<ResidentTag>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();
    public DbSet<ServiceRecordWorker> ServiceRecordWorkers => Set<ServiceRecordWorker>();
    public DbSet<ServiceBeneficiary> ServiceBeneficiaries => Set<ServiceBeneficiary>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();

    /// <summary>The region subtree this context's queries are limited to.</summary>
    public RegionScope Scope { get; } = scope;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShegongDb).Assembly);

        ApplyScopeFilters(modelBuilder);

        Versioning.Configure(modelBuilder, Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL");
        StoreEnumsAsStrings(modelBuilder);
    }

    // Every save raises the version of changed records, and a save that lost a race (a version
    // that moved since it was read) becomes the same 409 for the API and the pages.
    // A save that lost only on summary rows is repeated on fresh values (ShegongDbDerivedRaces).
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        for (var attempt = 1; ; attempt++)
        {
            Versioning.Bump(this);
            try
            {
                return SaveChangesRetrying(acceptAllChangesOnSuccess);
            }
            catch (DbUpdateException failure)
            {
                if (RecoverDerivedRace(failure, attempt))
                {
                    continue;
                }
                if (failure is DbUpdateConcurrencyException)
                {
                    throw Versioning.Stale();
                }
                throw;
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            Versioning.Bump(this);
            try
            {
                return await SaveChangesRetryingAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException failure)
            {
                if (await RecoverDerivedRaceAsync(failure, attempt, cancellationToken))
                {
                    continue;
                }
                if (failure is DbUpdateConcurrencyException)
                {
                    throw Versioning.Stale();
                }
                throw;
            }
        }
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
