using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Platform;

/// <summary>
/// What a real deployment's start leaves: demo data and its accounts (with their published passwords) only when asked
/// for, and never beside real data.
/// </summary>
public class ProductionStartTests
{
    private static WebApplicationFactory<Program> Start(string connection, string environment, bool? demo) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
            b.UseSetting("ConnectionStrings:Shegong", connection);
            b.UseSetting("Bootstrap:AdminPassword", TestApp.AdminPassword);
            // Outside Development the app refuses to start without keys of its own.
            b.UseSetting("Privacy:Key", TestDatabase.DemoPrivacyKey);
            b.UseSetting("Privacy:HashKey", TestDatabase.DemoPrivacyHashKey);
            if (demo is { } wanted)
            {
                b.UseSetting("Seed:Demo", wanted ? "true" : "false");
            }
        });

    [Fact]
    public async Task A_production_start_without_Seed_Demo_adds_no_demo_stations_and_no_demo_accounts()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: true);
        await using (var app = Start(connection, "Production", demo: null))
        {
            _ = app.Server;
        }
        await using var db = TestDatabase.Open(connection);
        Assert.Equal(0, await db.Stations.CountAsync(ct));
        Assert.Equal(0, await db.Agencies.CountAsync(ct));
        // Only the administrator, with the password the operator configured.
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName!).ToListAsync(ct));
        await TestDatabase.DropAsync(connection);
    }

    [Fact]
    public async Task Asking_for_the_demo_on_a_database_with_real_data_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: true);
        await using (var db = TestDatabase.Open(connection))
        {
            db.Stations.Add(new Station { Name = "武侯区玉林街道社工站", Level = StationLevel.TownshipStation, RegionCode = "510107005000" });
            await db.SaveChangesAsync(ct);
        }
        await using (var app = Start(connection, "Production", demo: true))
        {
            _ = app.Server;
        }
        await using (var db = TestDatabase.Open(connection))
        {
            Assert.Equal(["武侯区玉林街道社工站"], await db.Stations.Select(s => s.Name).ToListAsync(ct));
            Assert.Equal(0, await db.Agencies.CountAsync(ct));
            Assert.False(await db.Users.AnyAsync(u => u.UserName!.StartsWith("demo-"), ct));
        }
        await TestDatabase.DropAsync(connection);
    }
}
