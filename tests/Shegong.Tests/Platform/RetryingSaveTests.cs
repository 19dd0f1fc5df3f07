using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Data;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Platform;

public class RetryingSaveTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_retries_on_PostgreSQL_an_API_write_is_saved_and_audited()
    {
        // Retries are on by default on PostgreSQL; SQLite has no transient failures to retry.
        var retries = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<ShegongDb>().Database.CreateExecutionStrategy().RetriesOnFailure));
        Assert.Equal(TestDatabase.Provider == DatabaseProvider.Postgres, retries);

        using var created = await app.Client.PostAsJsonAsync("/api/accounts",
            new { userName = "retried-write", password = "Good@Pass2022", displayName = "重试", role = "Viewer", regionCode = "510104000000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = app.OpenDb();
        var id = await db.Users.Where(a => a.UserName == "retried-write").Select(a => a.Id).SingleAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityId == id, Ct);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("admin", entry.UserName);
    }
}
