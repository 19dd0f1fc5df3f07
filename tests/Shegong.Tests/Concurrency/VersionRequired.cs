using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Concurrency;

/// <summary>
/// The three answers every edit, status move and action gives about the version: sent without
/// one, a 400 naming <c>version</c>; sent with the version just read, saved, and the version moves
/// on; sent again with that old version, a 409 saying someone else changed the record. The refused
/// requests change neither the record (its detail reads the same) nor the audit trail.
/// </summary>
public static class VersionRequired
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="record">The detail URL of the record whose version counts.</param>
    /// <param name="body">The request body without its version.</param>
    public static async Task AssertAsync(TestApp app, string record, HttpMethod method, string url, object body)
    {
        var read = await app.Client.VersionOfAsync(record);
        var before = await SnapshotAsync(app, record);

        var missing = await (await SendAsync(app, method, url, Api.WithVersion(body, null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldError("version"));
        Assert.Equal(before, await SnapshotAsync(app, record));

        using (var saved = await SendAsync(app, method, url, Api.WithVersion(body, read)))
        {
            Assert.True(saved.IsSuccessStatusCode, $"{method} {url} with the current version: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync(Ct)}");
        }
        var now = await app.Client.VersionOfAsync(record);
        Assert.NotEqual(read, now);
        var after = await SnapshotAsync(app, record);

        var stale = await (await SendAsync(app, method, url, Api.WithVersion(body, read))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已被其他人修改", stale.GetProperty("detail").GetString());
        Assert.Equal(after, await SnapshotAsync(app, record));
    }

    private static Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string url, object body) =>
        app.Client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Api.Json) }, Ct);

    /// <summary>The record as its detail answers it (version included), and how long the audit trail is.</summary>
    private static async Task<(string Record, int Audit)> SnapshotAsync(TestApp app, string record)
    {
        var detail = await app.Client.GetStringAsync(record, Ct);
        await using var db = app.OpenDb();
        return (detail, await db.AuditEntries.CountAsync(Ct));
    }
}
