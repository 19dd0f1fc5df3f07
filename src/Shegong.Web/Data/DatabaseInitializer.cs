using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Data;

/// <summary>
/// First-start work: migrate, load the regions shipped in data/regions when the table is empty,
/// create the administrator on first start, and seed the demo data (with one demo account per
/// role) unless <c>Seed:Demo=false</c>.
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
        if (configuration.GetValue("Seed:Demo", true) && await db.Regions.AnyAsync(cancellationToken))
        {
            system.EnterSystem("seed-demo", audited: false);
            var seed = configuration.GetValue("Seed:DemoSeed", DemoSeeder.DefaultSeed);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(seed, cancellationToken);
            await DemoAccounts.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), cancellationToken);
        }
        system.EnterSystem("bootstrap-admin");
        await AccountBootstrap.EnsureAdminAsync(scope.ServiceProvider, configuration, cancellationToken);
    }
}
