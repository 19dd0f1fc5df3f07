using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;

namespace Shegong.Tests.Pilots;

/// <summary>Arranges pilot batches and applications over the API, as the roles that do each step.</summary>
public sealed class PilotFlow(WorkforceApp app)
{
    public const string Chengdu = "510100000000";
    public const string Jinjiang = "510104000000";
    public const string Qingyang = "510105000000";
    public const string Jinguanyi = "510104017000";
    public const string Donghu = "510104018000";
    public const string Xiyuhe = "510105003000";

    public HttpClient Province => app.Client;

    public Task<HttpClient> County(string code) => app.ClientAsync(AccountRole.CountyOfficer, code);

    public Task<HttpClient> City(string code = Chengdu) => app.ClientAsync(AccountRole.CityOfficer, code);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A batch created by the province and moved to <paramref name="status"/> (open: its window holds today).</summary>
    public async Task<PilotBatchRow> BatchAsync(string name, PilotBatchStatus status = PilotBatchStatus.Open, decimal standard = 200_000m,
        int daysFromToday = -10)
    {
        var created = await Province.PostJsonAsync("/api/pilot-batches", new
        {
            year = 2022,
            name,
            budget = 1_000_000m,
            targetCounties = 2,
            targetTownships = 3,
            opensOn = Today.AddDays(daysFromToday),
            closesOn = Today.AddDays(daysFromToday + 20),
            standardSubsidy = standard,
        });
        var batch = await created.ReadAsync<PilotBatchRow>(HttpStatusCode.Created);
        foreach (var next in new[] { PilotBatchStatus.Open, PilotBatchStatus.Reviewing, PilotBatchStatus.Confirmed }.TakeWhile(s => s <= status))
        {
            batch = await MoveAsync(batch.Id, next);
        }
        return batch;
    }

    public async Task<PilotBatchRow> MoveAsync(int batchId, PilotBatchStatus status) =>
        await (await MoveResponseAsync(batchId, status)).ReadAsync<PilotBatchRow>();

    public async Task<HttpResponseMessage> MoveResponseAsync(int batchId, PilotBatchStatus status) =>
        await Province.PostJsonAsync($"/api/pilot-batches/{batchId}/move",
            new { status, version = await Province.VersionOfAsync($"/api/pilot-batches/{batchId}") });

    public static object Township(string code, string station = "社工站") =>
        new { townshipCode = code, buildPath = "GovernancePilot", plannedStationName = station, justification = "人口多、需求大" };

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient county, int batchId, string countyCode, params string[] townships) =>
        county.PostJsonAsync("/api/pilot-applications", new { pilotBatchId = batchId, regionCode = countyCode, townships = townships.Select(t => Township(t)).ToArray() });

    public async Task<PilotApplicationDetail> AppliedAsync(int batchId, string countyCode, params string[] townships) =>
        await (await ApplyAsync(await County(countyCode), batchId, countyCode, townships)).ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> ReviewAsync(HttpClient client, int id, string decision, string? reason = null) =>
        await client.PostJsonAsync($"/api/pilot-applications/{id}/review",
            new { decision, reason, version = await client.VersionOfAsync($"/api/pilot-applications/{id}") });

    public async Task<HttpResponseMessage> DecideAsync(int id, string township, bool confirm, decimal? subsidy = null, string? reason = null,
        string verb = "decisions") =>
        await Province.PostJsonAsync($"/api/pilot-applications/{id}/{verb}",
            new { townshipCode = township, confirm, subsidy, reason, version = await Province.VersionOfAsync($"/api/pilot-applications/{id}") });
}
