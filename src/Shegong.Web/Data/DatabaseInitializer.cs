using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Data;

/// <summary>
/// First-start work: migrate, load the regions shipped in data/regions when the table is empty,
/// and seed the demo data unless <c>Seed:Demo=false</c>.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        if (configuration.GetValue("Seed:Regions", true) && !await db.Regions.AnyAsync(cancellationToken))
        {
            var folder = configuration["Seed:RegionsFolder"] ?? RegionImporter.DefaultFolder;
            await scope.ServiceProvider.GetRequiredService<RegionImporter>().ImportAsync(folder, cancellationToken);
        }
        if (configuration.GetValue("Seed:Demo", true) && await db.Regions.AnyAsync(cancellationToken))
        {
            var seed = configuration.GetValue("Seed:DemoSeed", DemoSeeder.DefaultSeed);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(seed, cancellationToken);
        }
    }
}
