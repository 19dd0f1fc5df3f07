using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Concurrency;

/// <summary>
/// Regions, agencies, social workers (edit and moves) and trainings and supervisions require the
/// version the client read on every change (see <see cref="VersionRequired"/>).
/// </summary>
public class WorkforceVersionTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    // xunit makes a new instance per test; the fixture's database outlives it, so the numbering is shared.
    private static int sequence;

    [Fact]
    public async Task Editing_a_region_requires_its_version()
    {
        const string url = "/api/regions/510104017000";
        await VersionRequired.AssertAsync(app, url, HttpMethod.Put, url, new
        {
            urbanRuralCode = (string?)null,
            isCentralTown = true,
            isRelocationSite = false,
            isGovernancePilot = false,
            residentPopulation = 41234,
            urbanResidentPopulation = (int?)null,
        });
    }

    [Fact]
    public async Task Editing_an_agency_requires_its_version()
    {
        var n = Interlocked.Increment(ref sequence);
        var id = await app.AgencyAsync($"版本机构{n}", CreditCodes.Make(700 + n), "510104000000");
        await VersionRequired.AssertAsync(app, $"/api/agencies/{id}", HttpMethod.Put, $"/api/agencies/{id}",
            new { name = $"改名的版本机构{n}", creditCode = CreditCodes.Make(700 + n), regionCode = "510104000000", status = "Active" });
    }

    [Fact]
    public async Task Editing_a_social_worker_requires_its_version()
    {
        var (agency, worker) = await WorkerAsync(withStation: false);
        await VersionRequired.AssertAsync(app, Worker(worker), HttpMethod.Put, Worker(worker),
            new { name = "改名的社工", education = "Master", certification = "None", agencyId = agency, hiredOn = "2023-07-01" });
    }

    [Fact]
    public async Task Assigning_a_social_worker_requires_the_version()
    {
        var (_, worker) = await WorkerAsync(withStation: false);
        var station = await app.StationAsync("版本驻站社工室", StationLevel.VillageRoom, "510104017002");
        await VersionRequired.AssertAsync(app, Worker(worker), HttpMethod.Post, $"{Worker(worker)}/assignments",
            new { stationId = station, role = "Supporting", from = "2024-03-01" });
    }

    [Fact]
    public async Task Ending_an_assignment_requires_the_version()
    {
        var (_, worker) = await WorkerAsync(withStation: true);
        var detail = JsonDocument.Parse(await app.Client.GetStringAsync(Worker(worker), TestContext.Current.CancellationToken)).RootElement;
        var assignment = detail.GetProperty("assignments")[0].GetProperty("id").GetInt32();
        await VersionRequired.AssertAsync(app, Worker(worker), HttpMethod.Post, $"{Worker(worker)}/assignments/{assignment}/end", new { on = "2024-05-31" });
    }

    [Fact]
    public async Task Leaving_requires_the_version()
    {
        var (_, worker) = await WorkerAsync(withStation: true);
        await VersionRequired.AssertAsync(app, Worker(worker), HttpMethod.Post, $"{Worker(worker)}/leave", new { on = "2024-06-30" });
    }

    [Theory]
    [InlineData("trainings")]
    [InlineData("supervisions")]
    public async Task Editing_a_staff_session_requires_its_version(string kind)
    {
        var (_, worker) = await WorkerAsync(withStation: false);
        var organiser = await OrganiserAsync();
        var form = new { organiserStationId = organiser, date = "2024-03-01", hours = 3, topic = "版本培训", leader = "讲师甲", attendeeIds = new[] { worker } };
        var created = await app.Client.PostJsonAsync($"/api/{kind}", form);
        var id = (await created.ReadAsync<JsonElement>(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await VersionRequired.AssertAsync(app, $"/api/{kind}/{id}", HttpMethod.Put, $"/api/{kind}/{id}", form with { topic = "改过的主题", hours = 4 });
    }

    private static string Worker(int id) => $"/api/social-workers/{id}";

    private async Task<(int Agency, int Worker)> WorkerAsync(bool withStation)
    {
        var n = Interlocked.Increment(ref sequence);
        var agency = await app.AgencyAsync($"版本社工机构{n}", CreditCodes.Make(800 + n), "510104000000");
        int? station = withStation ? await app.StationAsync($"版本{n}号社工室", StationLevel.VillageRoom, "510104017003") : null;
        return (agency, await app.WorkerAsync(agency, station));
    }

    /// <summary>The county station of the fixture's database, made by the first test that needs it (a county has only one open).</summary>
    private async Task<int> OrganiserAsync()
    {
        await using (var db = app.OpenDb())
        {
            if (await db.Stations.Where(s => s.Level == StationLevel.CountyStation && s.RegionCode == "510104000000")
                .Select(s => (int?)s.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken) is { } id)
            {
                return id;
            }
        }
        return await app.StationAsync("锦江区版本社工总站", StationLevel.CountyStation, "510104000000");
    }
}
