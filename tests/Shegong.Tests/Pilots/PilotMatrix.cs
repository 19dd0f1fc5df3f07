using System.Net;
using System.Runtime.CompilerServices;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;

namespace Shegong.Tests.Pilots;

/// <summary>
/// The pilot records the access matrix reads and writes, made once per <see cref="AccessApp"/>: an open batch with the
/// applications of 锦江区, 青羊区 and 自流井区, and a confirmed batch with their projects (awarded). A place stands for the
/// application of its county and the project of its township (a city: its first such county and township). Writes that
/// only a role in its own scope may make get fresh records each time, so every call can succeed.
/// </summary>
public sealed partial class PilotMatrix
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
        var made = (await (await app.Client.GetUrlAsync($"/api/pilot-projects?batchId={confirmed}")).ReadAsync<PagedResult<PilotProjectRow>>()).Items;
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
            year = 2031,
            name = $"权限矩阵批次{Guid.NewGuid():N}"[..20],
            budget = 1_000_000m,
            targetCounties = 1,
            targetTownships = 1,
            opensOn = Today.AddDays(-1),
            closesOn = Today.AddDays(10),
            standardSubsidy = 100_000m,
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
            townshipCode = township,
            confirm = true,
            reason = "权限矩阵",
            version = await app.Client.VersionOfAsync($"/api/pilot-applications/{id}"),
        });

    private bool InJinjiang(Place place) => CountyOf(place.RegionCode) == AccessApp.Jinjiang;
}
