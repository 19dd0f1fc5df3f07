using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Platform;

public class StartupLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A few rows of each shipped region file: enough for two instances to race over.</summary>
    private static string SmallRegionsFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "shegong-regions-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestDatabase.SichuanRegionsFolder, "*.csv"))
        {
            File.WriteAllLines(Path.Combine(folder, Path.GetFileName(file)), File.ReadLines(file).Take(file.EndsWith("villages.csv", StringComparison.Ordinal) ? 1 : 3));
        }
        return folder;
    }

    private static WebApplicationFactory<Program> Instance(string connection, string regions) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
            b.UseSetting("ConnectionStrings:Shegong", connection);
            b.UseSetting("Seed:RegionsFolder", regions);
            b.UseSetting("Seed:Demo", "false");
            b.UseSetting("Bootstrap:AdminPassword", TestApp.AdminPassword);
        });

    [Fact]
    public async Task Two_instances_starting_together_on_one_database_make_one_admin_and_one_region_set()
    {
        var connection = await TestDatabase.CreateBlankAsync();
        var regions = SmallRegionsFolder();
        var expected = Directory.GetFiles(regions).Sum(f => File.ReadLines(f).Count() - 1);
        await using var first = Instance(connection, regions);
        await using var second = Instance(connection, regions);
        // Both start (migrate, import, create the admin) at the same time; neither may fail.
        await Task.WhenAll(Task.Run(() => first.Server, Ct), Task.Run(() => second.Server, Ct));

        await using var db = TestDatabase.Open(connection);
        Assert.Equal(1, await db.Users.CountAsync(a => a.Role == AccountRole.ProvinceAdmin, Ct));
        Assert.Equal(expected, await db.Regions.CountAsync(Ct));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health", Ct)).StatusCode);
    }
}
