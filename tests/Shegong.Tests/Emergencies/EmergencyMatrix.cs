using System.Net;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using static Shegong.Tests.Emergencies.EmergencyApi;

namespace Shegong.Tests.Emergencies;

/// <summary>The emergency endpoints of the access matrix: each call works on a fresh emergency the province declares at the place.</summary>
public static class EmergencyMatrix
{
    private static readonly AccountRole[] Officials = [AccountRole.ProvinceAdmin, AccountRole.CityOfficer, AccountRole.CountyOfficer];
    private static readonly AccountRole[] Reporters = [.. Officials, AccountRole.StationManager, AccountRole.SocialWorker];

    public static Func<HttpClient, Place, Task<HttpResponseMessage>> At(AccessApp app, Func<HttpClient, Place, int, Task<HttpResponseMessage>> send) =>
        async (c, p) => await send(c, p, (await (await app.Client.PostJsonAsync("/api/emergencies",
            Form("矩阵应急" + Guid.NewGuid().ToString("N")[..8], [p.RegionCode], p.RegionCode))).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32());

    /// <summary>A fresh emergency at the place with one report of the place's station, answered as (emergency, report).</summary>
    public static Func<HttpClient, Place, Task<HttpResponseMessage>> WithReport(AccessApp app,
        Func<HttpClient, Place, int, JsonElement, Task<HttpResponseMessage>> send) => At(app, async (c, p, id) =>
        {
            var report = await (await app.Client.PostJsonAsync($"/api/emergencies/{id}/reports", Report(p.StationId!.Value, "2024-02-01", 1)))
                .ReadAsync<JsonElement>(HttpStatusCode.Created);
            return await send(c, p, id, report);
        });

    /// <summary>Reads: an emergency reaches the reader when its region is theirs or above them; a sibling's is not found.</summary>
    public static HttpStatusCode? Read(AccountRole role, Relation relation) => relation == Relation.Sibling ? HttpStatusCode.NotFound : HttpStatusCode.OK;

    /// <summary>Declaring: officials inside their scope; a region beyond it is "no such region" (400), like any foreign reference.</summary>
    public static HttpStatusCode? Declare(AccountRole role, Relation relation) =>
        !Officials.Contains(role) ? HttpStatusCode.Forbidden : relation == Relation.Own ? HttpStatusCode.Created : HttpStatusCode.BadRequest;

    /// <summary>Editing and closing: officials, of an emergency declared inside their scope; one declared above them is seen but refused.</summary>
    public static HttpStatusCode? Manage(AccountRole role, Relation relation) => !Officials.Contains(role) ? HttpStatusCode.Forbidden : relation switch
    {
        Relation.Own => HttpStatusCode.OK,
        Relation.Sibling => HttpStatusCode.NotFound,
        _ => HttpStatusCode.Forbidden,
    };

    /// <summary>Reporting for the place's station: its staff and the officials above it; the parent's station is beyond the scope (400).</summary>
    public static HttpStatusCode? ReportFor(AccountRole role, Relation relation) => !Reporters.Contains(role) ? HttpStatusCode.Forbidden : relation switch
    {
        Relation.Own => HttpStatusCode.Created,
        Relation.Sibling => HttpStatusCode.NotFound,
        _ => HttpStatusCode.BadRequest,
    };

    /// <summary>Correcting the place's station's report: the parent's report lies beyond the scope (404).</summary>
    public static HttpStatusCode? Correct(AccountRole role, Relation relation) =>
        !Reporters.Contains(role) ? HttpStatusCode.Forbidden : relation == Relation.Own ? HttpStatusCode.OK : HttpStatusCode.NotFound;
}
