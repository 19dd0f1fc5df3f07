using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<KeyRotation>().FillMaskedFormsAsync(cancellationToken);
        if (configuration.GetValue("Seed:Regions", true) && !await db.Regions.AnyAsync(cancellationToken))
        {
            var folder = configuration["Seed:RegionsFolder"] ?? RegionImporter.DefaultFolder;
            await scope.ServiceProvider.GetRequiredService<RegionImporter>().ImportAsync(folder, cancellationToken);
        }
        if (configuration.GetValue("Seed:Demo", true) && await db.Regions.AnyAsync(cancellationToken))
        {
            var seed = configuration.GetValue("Seed:DemoSeed", DemoSeeder.DefaultSeed);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(seed, cancellationToken);
            await DemoAccounts.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), cancellationToken);
        }
        await AccountBootstrap.EnsureAdminAsync(scope.ServiceProvider, configuration, cancellationToken);
    }
}
