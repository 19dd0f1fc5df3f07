using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Tests.Concurrency;

/// <summary>
/// Writes that race: two requests sent at once (Task.WhenAll), or two contexts that read before
/// either saves. Exactly one wins; the other is told to reload (409) and nothing is overwritten.
/// </summary>
public class RaceTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_status_moves_of_one_station_at_once_let_one_win_and_tell_the_other_to_reload()
    {
        var id = await app.StationAsync("赛跑街道社工站", StationLevel.TownshipStation, "510104017000");
        var read = await (await app.Client.GetUrlAsync($"/api/stations/{id}")).ReadAsync<StationDetail>();

        var answers = await Task.WhenAll(
            app.Client.PostAsJsonAsync($"/api/stations/{id}/status", new { status = "Suspended", version = read.Version }, Ct),
            app.Client.PostAsJsonAsync($"/api/stations/{id}/status", new { status = "Closed", version = read.Version }, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("已被其他人修改", (await loser.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).ReadAsync<StationDetail>();
        var now = await (await app.Client.GetUrlAsync($"/api/stations/{id}")).ReadAsync<StationDetail>();
        Assert.Equal(winner.Status, now.Status);
        Assert.Equal(2, now.StatusHistory.Count); // the start and the one move that won
    }

    [Fact]
    public async Task Two_contexts_editing_one_station_cannot_both_save()
    {
        var id = await app.StationAsync("并发编辑街道社工站", StationLevel.TownshipStation, "510104018000");
        await using var first = app.OpenDb();
        await using var second = app.OpenDb();
        var mine = await first.Stations.SingleAsync(s => s.Id == id, Ct);
        var theirs = await second.Stations.SingleAsync(s => s.Id == id, Ct);
        mine.Name = "先保存的名称";
        theirs.Name = "后保存的名称";

        await first.SaveChangesAsync(Ct);
        var problem = await Assert.ThrowsAsync<RequestProblem>(() => second.SaveChangesAsync(Ct));

        Assert.Equal(StatusCodes.Status409Conflict, problem.Status);
        await using var check = app.OpenDb();
        Assert.Equal("先保存的名称", (await check.Stations.SingleAsync(s => s.Id == id, Ct)).Name);
    }

    [Fact]
    public async Task A_stale_edit_is_a_409_and_an_edit_without_a_version_a_400_and_neither_changes_the_station()
    {
        var id = await app.StationAsync("旧版本街道社工站", StationLevel.TownshipStation, "510104022000");
        var read = await (await app.Client.GetUrlAsync($"/api/stations/{id}")).ReadAsync<StationDetail>();
        var form = new { name = "第一个人改的名称", level = "TownshipStation", regionCode = "510104022000", version = read.Version };
        var saved = await (await app.Client.PutJsonAsync($"/api/stations/{id}", form)).ReadAsync<StationDetail>();
        Assert.NotEqual(read.Version, saved.Version);

        var stale = await (await app.Client.PutJsonAsync($"/api/stations/{id}", form with { name = "第二个人改的名称" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("重新加载", stale.GetProperty("detail").GetString());
        var unversioned = await (await app.Client.PutJsonAsync($"/api/stations/{id}",
            new { name = "没有版本号的名称", level = "TownshipStation", regionCode = "510104022000" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("version", unversioned.FieldError("version"));

        var now = await (await app.Client.GetUrlAsync($"/api/stations/{id}")).ReadAsync<StationDetail>();
        Assert.Equal("第一个人改的名称", now.Name);
        Assert.Equal(saved.Version, now.Version);
    }

    [Fact]
    public async Task Two_resident_assignments_of_one_worker_at_once_leave_one_residence()
    {
        var agency = await app.AgencyAsync("驻站赛跑社工中心", CreditCodes.Make(71), "510104000000");
        var east = await app.StationAsync("驻站东站", StationLevel.TownshipStation, "510104023000");
        var west = await app.StationAsync("驻站西站", StationLevel.TownshipStation, "510104026000");
        var worker = await app.WorkerAsync(agency, stationId: null);
        var version = await app.Client.VersionOfAsync($"/api/social-workers/{worker}");

        var answers = await Task.WhenAll(
            app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/assignments", new { stationId = east, role = "Resident", from = "2024-03-01", version }, Ct),
            app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/assignments", new { stationId = west, role = "Resident", from = "2024-03-01", version }, Ct));

        // Side by side the database refuses the second (409); one after the other the second starts
        // no later than the first residence (400). Either way exactly one wins.
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest);
        await using var db = app.OpenDb();
        var open = await db.StationAssignments.Where(a => a.SocialWorkerId == worker && a.Role == AssignmentRole.Resident && a.To == null).ToListAsync(Ct);
        var residence = Assert.Single(open);
        Assert.Equal(residence.StationId, (await db.SocialWorkers.SingleAsync(w => w.Id == worker, Ct)).ResidentStationId);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_open_residence()
    {
        var agency = await app.AgencyAsync("驻站约束社工中心", CreditCodes.Make(72), "510104000000");
        var station = await app.StationAsync("约束街道社工站", StationLevel.TownshipStation, "510104030000");
        var other = await app.StationAsync("约束第二街道社工站", StationLevel.TownshipStation, "510104032000");
        var worker = await app.WorkerAsync(agency, station);
        await using var db = app.OpenDb();

        // Past every app check, straight to the table: the filtered unique index still says no.
        var insert = () => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"StationAssignments\" (\"SocialWorkerId\", \"StationId\", \"Role\", \"From\") VALUES ({worker}, {other}, {"Resident"}, {new DateOnly(2024, 5, 1)})", Ct);
        await Assert.ThrowsAnyAsync<Exception>(insert);
        Assert.Equal(1, await db.StationAssignments.CountAsync(a => a.SocialWorkerId == worker && a.Role == AssignmentRole.Resident && a.To == null, Ct));
    }

    [Fact]
    public async Task Two_overlapping_contracts_activated_at_once_give_the_station_one_operator()
    {
        var first = await app.AgencyAsync("合同赛跑甲社工中心", CreditCodes.Make(73), "510104000000");
        var second = await app.AgencyAsync("合同赛跑乙社工中心", CreditCodes.Make(74), "510104000000");
        var station = await app.StationAsync("合同赛跑街道社工站", StationLevel.TownshipStation, "510104019000");
        var drafts = new List<int>();
        foreach (var agency in new[] { first, second })
        {
            var created = await app.Client.PostAsJsonAsync("/api/contracts", new
            {
                title = "赛跑运营项目" + agency,
                regionCode = "510104000000",
                agencyId = agency,
                startsOn = "2024-01-01",
                endsOn = "2024-12-31",
                amount = 100000m,
                stationIds = new[] { station },
            }, Ct);
            drafts.Add((await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32());
        }

        var versions = new List<uint>();
        foreach (var id in drafts)
        {
            versions.Add(await app.Client.VersionOfAsync($"/api/contracts/{id}"));
        }
        var answers = await Task.WhenAll(drafts.Select((id, i) => app.Client.PostAsJsonAsync($"/api/contracts/{id}/activate", new { version = versions[i] }, Ct)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.ServiceContracts.CountAsync(c => drafts.Contains(c.Id) && c.Status == ContractStatus.Active, Ct));
    }

    [Fact]
    public async Task Two_accounts_with_one_user_name_at_once_give_one_account_and_a_409()
    {
        object Form(string displayName) => new
        {
            userName = "race-viewer",
            password = TestApp.Password,
            displayName,
            role = "Viewer",
            regionCode = "510104000000",
        };

        var answers = await Task.WhenAll(
            app.Client.PostAsJsonAsync("/api/accounts", Form("甲"), Ct),
            app.Client.PostAsJsonAsync("/api/accounts", Form("乙"), Ct));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Users.CountAsync(a => a.NormalizedUserName == "RACE-VIEWER", Ct));
    }
}
