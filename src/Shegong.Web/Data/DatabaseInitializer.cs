using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Statistics;

namespace Shegong.Web.Data;

/// <summary>
/// First-start work, under the start-up lock so instances starting together take turns: migrate,
/// load the regions shipped in data/regions when the table is empty, seed the demo data (with one
/// demo account per role) when asked for and the database holds no real data, and create the administrator.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        // Outside Development this refuses to start without configured privacy keys, before anything is written.
        scope.ServiceProvider.GetRequiredService<PrivacyKeys>();
        // Start-up is system work, explicitly. Bulk loads of shipped reference and demo data are
        // not audited (tens of thousands of rows, reproducible from the files and the seed); the
        // administrator's account is, as system:bootstrap-admin.
        await using var startupLock = await StartupLock.AcquireAsync(db, cancellationToken);
        var system = scope.ServiceProvider.GetRequiredService<RegionScope>();
        system.EnterSystem("migrate", audited: false);
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<KeyRotation>().FillMaskedFormsAsync(cancellationToken);
        if (configuration.GetValue("Seed:Regions", true) && !await db.Regions.AnyAsync(cancellationToken))
        {
            system.EnterSystem("import-regions", audited: false);
            var folder = configuration["Seed:RegionsFolder"] ?? RegionImporter.DefaultFolder;
            await scope.ServiceProvider.GetRequiredService<RegionImporter>().ImportAsync(folder, cancellationToken);
        }
        if (DemoWanted(services, configuration) && await db.Regions.AnyAsync(cancellationToken)
            && !await DemoSeeder.HoldsRealDataAsync(db, cancellationToken))
        {
            system.EnterSystem("seed-demo", audited: false);
            var seed = configuration.GetValue("Seed:DemoSeed", DemoSeeder.DefaultSeed);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(seed, cancellationToken);
            await DemoAccounts.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), cancellationToken);
            // The demo's records are bulk-inserted around the summary's maintainer: sum them now.
            system.EnterSystem("recompute-service-summary", audited: false);
            await scope.ServiceProvider.GetRequiredService<SummaryVerifier>().SyncAsync(cancellationToken);
        }
        // Records stored around the summary's maintainer (before it existed, or the demo's bulk load) are summed once.
        system.EnterSystem("recompute-service-summary", audited: false);
        await scope.ServiceProvider.GetRequiredService<SummaryVerifier>().FillIfEmptyAsync(cancellationToken);
        system.EnterSystem("bootstrap-admin");
        await AccountBootstrap.EnsureAdminAsync(scope.ServiceProvider, configuration, cancellationToken);
    }

    /// <summary><c>Seed:Demo</c> when set; otherwise on in Development only, so a production database never gets demo accounts unasked.</summary>
    public static bool DemoWanted(IServiceProvider services, IConfiguration configuration) =>
        configuration.GetValue<bool?>("Seed:Demo") ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
