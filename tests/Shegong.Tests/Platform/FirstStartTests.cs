using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Coverage;

namespace Shegong.Tests.Platform;

public class FirstStartTests
{
    private static WebApplicationFactory<Program> Start(string connection, bool firstStartData = true) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
            b.UseSetting("ConnectionStrings:Shegong", connection);
            b.UseSetting("Bootstrap:AdminPassword", TestApp.AdminPassword);
            if (!firstStartData)
            {
                b.UseSetting("Seed:Demo", "false");
                b.UseSetting("Seed:Regions", "false");
            }
        });

    private static async Task<HttpClient> AdminClient(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        var token = await client.PostJsonAsync("/api/auth/token", new { userName = "admin", password = TestApp.AdminPassword });
        var answer = await token.ReadAsync<System.Text.Json.JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", answer.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task An_empty_database_is_migrated_loaded_with_Sichuan_and_the_demo_network_and_a_restart_adds_nothing()
    {
        // A database with no tables at all: the app must create everything itself.
        var connection = await TestDatabase.CreateBlankAsync();
        int stations;
        await using (var app = Start(connection))
        {
            var client = await AdminClient(app);
            var coverage = await (await client.GetUrlAsync("/api/coverage/510000000000")).ReadAsync<CoverageReport>();
            Assert.Equal(3111, coverage.Figures.Townships);
            Assert.Equal(183, coverage.Figures.Counties);
            Assert.Equal(21, coverage.Children.Count);
            Assert.InRange(coverage.Figures.CoveredTownships, 2000, 3000);
            await using var db = TestDatabase.Open(connection);
            stations = await db.Stations.CountAsync(TestContext.Current.CancellationToken);
            Assert.Equal(37728, await db.Regions.CountAsync(TestContext.Current.CancellationToken));
        }
        await using (var again = Start(connection))
        {
            _ = again.Server;
            await using var db = TestDatabase.Open(connection);
            Assert.Equal(stations, await db.Stations.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(37728, await db.Regions.CountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        // The document needs no data: no regions imported, no demo seeded.
        await using var app = Start(await TestDatabase.CreateAsync(withSichuanRegions: false), firstStartData: false);
        var json = await (await app.CreateClient().GetUrlAsync("/openapi/v1.json")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"/api/stations\"", json);
        Assert.Contains("\"/api/coverage/{regionCode}\"", json);
        Assert.Contains("\"/api/regions/{code}/children\"", json);
    }
}
