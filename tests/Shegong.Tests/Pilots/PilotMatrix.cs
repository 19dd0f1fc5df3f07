using System.Net;
using System.Runtime.CompilerServices;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;

namespace Shegong.Tests.Pilots;

/// <summary>
/// The pilot records the access matrix reads and writes, made once per <see cref="AccessApp"/>: an open batch with the
/// applications of 锦江区, 青羊区 and 自流井区, and a confirmed batch with their projects (awarded). A place stands for the
/// application of its county and the project of its township (a city: its first such county and township). Writes that
/// only a role in its own scope may make get fresh records each time, so every call can succeed.
/// </summary>
public sealed class PilotMatrix
{
    private const string Ziliujing = "510302000000";
    private const string ZiliujingTownship = "510302001000";
    private static readonly ConditionalWeakTable<AccessApp, Task<PilotMatrix>> Made = [];

    private readonly AccessApp app;
    private readonly Dictionary<string, int> openApplications = [];
    private readonly Dictionary<string, int> confirmedApplications = [];
    private readonly Dictionary<string, int> projects = [];

    private PilotMatrix(AccessApp app) => this.app = app;

    public int OpenBatchId { get; private set; }

    public static Task<PilotMatrix> OfAsync(AccessApp app) => Made.GetValue(app, a => new PilotMatrix(a).MakeAsync());

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static string CountyOf(string place) => place switch
    {
        AccessApp.Chengdu or AccessApp.Province => AccessApp.Jinjiang,
        AccessApp.Zigong => Ziliujing,
        _ => place[..6] + "000000",
    };

    private string TownshipOf(string place) => place switch
    {
        AccessApp.Chengdu or AccessApp.Province or AccessApp.Jinjiang => AccessApp.Jinguanyi,
        AccessApp.Qingyang => PilotFlow.Xiyuhe,
        AccessApp.Zigong or Ziliujing => ZiliujingTownship,
        _ => place,
    };

    public int ApplicationAt(Place place) => openApplications[CountyOf(place.RegionCode)];

    public int ProjectAt(Place place) => projects[TownshipOf(place.RegionCode)];

    private async Task<PilotMatrix> MakeAsync()
    {
        var chengdu = app.Clients[AccountRole.CityOfficer];
        var zigong = await app.ClientAsync(AccountRole.CityOfficer, AccessApp.Zigong);
        var counties = new Dictionary<string, (HttpClient Client, string[] Townships, HttpClient City)>
        {
            [AccessApp.Jinjiang] = (app.Clients[AccountRole.CountyOfficer], [AccessApp.Jinguanyi, app.SiblingTownship], chengdu),
            [AccessApp.Qingyang] = (await app.ClientAsync(AccountRole.CountyOfficer, AccessApp.Qingyang), [PilotFlow.Xiyuhe], chengdu),
            [Ziliujing] = (await app.ClientAsync(AccountRole.CountyOfficer, Ziliujing), [ZiliujingTownship], zigong),
        };
        OpenBatchId = await BatchAsync(PilotBatchStatus.Open);
        var confirmed = await BatchAsync(PilotBatchStatus.Open);
        foreach (var (county, (client, townships, city)) in counties)
        {
            openApplications[county] = await ApplyAsync(client, OpenBatchId, county, townships[0]);
            confirmedApplications[county] = await ApplyAsync(client, confirmed, county, townships);
            await ReviewAsync(city, confirmedApplications[county]);
        }
        await MoveAsync(confirmed, PilotBatchStatus.Reviewing);
        foreach (var (county, (_, townships, _)) in counties)
        {
            foreach (var township in townships)
            {
                await (await DecideAsync(app.Client, confirmedApplications[county], township, "decisions")).ReadAsync<PilotApplicationDetail>();
            }
        }
        await MoveAsync(confirmed, PilotBatchStatus.Confirmed);
        var made = await (await app.Client.GetUrlAsync($"/api/pilot-projects?batchId={confirmed}")).ReadAsync<List<PilotProjectRow>>();
        foreach (var project in made)
        {
            projects[project.RegionCode] = project.Id;
            await (await app.Client.PostJsonAsync($"/api/pilot-projects/{project.Id}/award",
                new { amount = 50_000_000m, on = Today, version = await app.Client.VersionOfAsync($"/api/pilot-projects/{project.Id}") }))
                .ReadAsync<PilotProjectDetail>();
        }
        return this;
    }

    private async Task<int> BatchAsync(PilotBatchStatus status)
    {
        var batch = await (await app.Client.PostJsonAsync("/api/pilot-batches", new
        {
            year = 2031, name = $"权限矩阵批次{Guid.NewGuid():N}"[..20], budget = 1_000_000m, targetCounties = 1, targetTownships = 1,
            opensOn = Today.AddDays(-1), closesOn = Today.AddDays(10), standardSubsidy = 100_000m,
        })).ReadAsync<PilotBatchRow>(HttpStatusCode.Created);
        if (status >= PilotBatchStatus.Open)
        {
            await MoveAsync(batch.Id, PilotBatchStatus.Open);
        }
        return batch.Id;
    }

    private async Task MoveAsync(int batchId, PilotBatchStatus status) =>
        await (await app.Client.PostJsonAsync($"/api/pilot-batches/{batchId}/move",
            new { status, version = await app.Client.VersionOfAsync($"/api/pilot-batches/{batchId}") })).ReadAsync<PilotBatchRow>();

    private static async Task<int> ApplyAsync(HttpClient county, int batchId, string countyCode, params string[] townships) =>
        (await (await PilotFlow.ApplyAsync(county, batchId, countyCode, townships)).ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created)).Id;

    private static async Task ReviewAsync(HttpClient city, int id) =>
        await (await PilotFlow.ReviewAsync(city, id, "Approve")).ReadAsync<PilotApplicationDetail>();

    private async Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string township, string verb) =>
        await client.PostJsonAsync($"/api/pilot-applications/{id}/{verb}", new
        {
            townshipCode = township, confirm = true, reason = "权限矩阵", version = await app.Client.VersionOfAsync($"/api/pilot-applications/{id}"),
        });

    private bool InJinjiang(Place place) => CountyOf(place.RegionCode) == AccessApp.Jinjiang;

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
                pilotBatchId = batchId, regionCode = AccessApp.Jinjiang, townships = new[] { PilotFlow.Township(AccessApp.Jinguanyi) }, submit = false,
            });
            id = (await draft.ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created)).Id;
        }
        return await client.PutJsonAsync($"/api/pilot-applications/{id}", new
        {
            pilotBatchId = batchId, regionCode = CountyOf(place.RegionCode), townships = new[] { PilotFlow.Township(TownshipOf(place.RegionCode), "改后的站点") },
            version = await app.Client.VersionOfAsync($"/api/pilot-applications/{id}"), submit = false,
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
                year = 2031, name = $"改名批次{Guid.NewGuid():N}"[..16], budget = 2_000_000m, targetCounties = 1, targetTownships = 1,
                opensOn = Today, closesOn = Today.AddDays(5), standardSubsidy = 100_000m, version,
            });
    }
}
