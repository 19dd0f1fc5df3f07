using System.Net;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;

namespace Shegong.Tests.Pilots;

/// <summary>The writes of the access matrix, each on records that let the role whose step it is succeed.</summary>
public sealed partial class PilotMatrix
{
    /// <summary>A county's application to a fresh batch, for the county of the place (only 锦江区's officer succeeds).</summary>
    public async Task<HttpResponseMessage> CreateApplicationAsync(HttpClient client, Place place) =>
        await PilotFlow.ApplyAsync(client, await BatchAsync(PilotBatchStatus.Open), CountyOf(place.RegionCode), TownshipOf(place.RegionCode));

    /// <summary>The county's edit of a draft (a fresh one in 锦江区; elsewhere the open batch's application).</summary>
    public async Task<HttpResponseMessage> EditApplicationAsync(HttpClient client, Place place)
    {
        var id = ApplicationAt(place);
        var batchId = OpenBatchId;
        if (InJinjiang(place))
        {
            batchId = await BatchAsync(PilotBatchStatus.Open);
            var draft = await app.Clients[AccountRole.CountyOfficer].PostJsonAsync("/api/pilot-applications", new
            {
                pilotBatchId = batchId,
                regionCode = AccessApp.Jinjiang,
                townships = new[] { PilotFlow.Township(AccessApp.Jinguanyi) },
                submit = false,
            });
            id = (await draft.ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created)).Id;
        }
        return await client.PutJsonAsync($"/api/pilot-applications/{id}", new
        {
            pilotBatchId = batchId,
            regionCode = CountyOf(place.RegionCode),
            townships = new[] { PilotFlow.Township(TownshipOf(place.RegionCode), "改后的站点") },
            version = await app.Client.VersionOfAsync($"/api/pilot-applications/{id}"),
            submit = false,
        });
    }

    /// <summary>The city's approval (a fresh submitted application in 锦江区; elsewhere the open batch's application).</summary>
    public async Task<HttpResponseMessage> ReviewApplicationAsync(HttpClient client, Place place)
    {
        var id = InJinjiang(place)
            ? await ApplyAsync(app.Clients[AccountRole.CountyOfficer], await BatchAsync(PilotBatchStatus.Open), AccessApp.Jinjiang, AccessApp.Jinguanyi)
            : ApplicationAt(place);
        return await client.PostJsonAsync($"/api/pilot-applications/{id}/review",
            new { decision = "Approve", version = await app.Client.VersionOfAsync($"/api/pilot-applications/{id}") });
    }

    /// <summary>The province's decision (a fresh approved application under review in 锦江区; elsewhere the open batch's).</summary>
    public async Task<HttpResponseMessage> DecideTownshipAsync(HttpClient client, Place place)
    {
        var id = ApplicationAt(place);
        if (InJinjiang(place))
        {
            var batchId = await BatchAsync(PilotBatchStatus.Open);
            id = await ApplyAsync(app.Clients[AccountRole.CountyOfficer], batchId, AccessApp.Jinjiang, AccessApp.Jinguanyi);
            await ReviewAsync(app.Clients[AccountRole.CityOfficer], id);
            await MoveAsync(batchId, PilotBatchStatus.Reviewing);
        }
        return await DecideAsync(client, id, TownshipOf(place.RegionCode), "decisions");
    }

    /// <summary>An amendment of a confirmed township (the confirmed batch's application of the place's county).</summary>
    public Task<HttpResponseMessage> AmendAsync(HttpClient client, Place place) =>
        DecideAsync(client, confirmedApplications[CountyOf(place.RegionCode)], TownshipOf(place.RegionCode), "amendments");

    public async Task<HttpResponseMessage> ProjectWriteAsync(HttpClient client, Place place, string what)
    {
        var id = ProjectAt(place);
        var version = await app.Client.VersionOfAsync($"/api/pilot-projects/{id}");
        return what switch
        {
            "award" => await client.PostJsonAsync($"/api/pilot-projects/{id}/award", new { amount = 50_000_000m, on = Today, version }),
            "pay" => await client.PostJsonAsync($"/api/pilot-projects/{id}/disbursements", new { on = Today, amount = 1m, documentNumber = "川财社〔2031〕1号", version }),
            _ => await client.PutJsonAsync($"/api/pilot-projects/{id}/station", new { stationId = (int?)null, version }),
        };
    }

    /// <summary>A batch edit or move, on a fresh draft each time.</summary>
    public async Task<HttpResponseMessage> BatchWriteAsync(HttpClient client, bool move)
    {
        var id = await BatchAsync(PilotBatchStatus.Draft);
        var version = await app.Client.VersionOfAsync($"/api/pilot-batches/{id}");
        return move
            ? await client.PostJsonAsync($"/api/pilot-batches/{id}/move", new { status = "Open", version })
            : await client.PutJsonAsync($"/api/pilot-batches/{id}", new
            {
                year = 2031,
                name = $"改名批次{Guid.NewGuid():N}"[..16],
                budget = 2_000_000m,
                targetCounties = 1,
                targetTownships = 1,
                opensOn = Today,
                closesOn = Today.AddDays(5),
                standardSubsidy = 100_000m,
                version,
            });
    }
}
