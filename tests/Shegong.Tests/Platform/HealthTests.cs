using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Shegong.Tests.Platform;

public class HealthTests
{
    [Fact]
    public async Task Health_is_200_while_the_database_answers_and_503_when_it_is_gone()
    {
        // Always SQLite: the simplest database to take away from under a running app.
        var folder = Path.Combine(Path.GetTempPath(), "shegong-health-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Shegong", $"Data Source={folder}/shegong.db;Mode=ReadWrite");
            b.UseSetting("Seed:Regions", "false");
            b.UseSetting("Seed:Demo", "false");
        });
        // Mode=ReadWrite never creates the file, so create it first by migrating with a creating connection.
        await using (var create = new SqliteConnection($"Data Source={folder}/shegong.db"))
        {
            await create.OpenAsync(TestContext.Current.CancellationToken);
        }
        var client = factory.CreateClient();
        var healthy = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var unhealthy = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        // Liveness says only that the process answers.
        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // A request that needs the vanished database fails with a 500 that still carries the security headers.
        var failed = await client.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = "x" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("nosniff", failed.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", failed.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", failed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
