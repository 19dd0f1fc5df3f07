using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Concurrency;

/// <summary>The audit trail is append-only in the database itself, not only in the app: triggers refuse UPDATE and DELETE.</summary>
public class AuditAppendOnlyTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_raw_update_or_delete_of_an_audit_entry_fails_and_the_entry_stays_as_it_was()
    {
        var created = await app.Client.PostAsJsonAsync("/api/stations",
            new { name = "审计只增街道社工站", level = "TownshipStation", regionCode = "510104017000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == "Station", Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditEntries\" SET \"UserName\" = {"someone-else"} WHERE \"Id\" = {entry.Id}", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {entry.Id}", Ct));

        await using var check = app.OpenDb();
        var after = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == entry.Id, Ct);
        Assert.Equal(entry.UserName, after.UserName);
        Assert.Equal(entry.Changes, after.Changes);
        Assert.Equal(AuditAction.Created, after.Action);
    }
}
