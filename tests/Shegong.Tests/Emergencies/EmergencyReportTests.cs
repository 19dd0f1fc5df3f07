using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Emergencies;
using static Shegong.Tests.Emergencies.EmergencyApi;

namespace Shegong.Tests.Emergencies;

/// <summary>Who sees an emergency, who reports for which station, one report per station and day, and bad reports saving nothing.</summary>
public class EmergencyReportTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    private async Task<bool> ListsAsync(HttpClient client, int id) =>
        (await (await client.GetUrlAsync("/api/emergencies?pageSize=500")).ReadAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Any(e => e.GetProperty("id").GetInt32() == id);

    [Fact]
    public async Task A_township_worker_sees_the_provinces_emergency_that_covers_them_and_not_one_elsewhere()
    {
        var worker = app.Clients[AccountRole.SocialWorker];
        var provinceWide = await DeclareAsync(app.Client, Unique("全省疫情"), AccessApp.Province);
        // 成都's city officer declares one for 青羊区 only: the 锦江区 township is not affected.
        var elsewhere = await DeclareAsync(app.Clients[AccountRole.CityOfficer], Unique("青羊区洪涝"), AccessApp.Qingyang);

        Assert.Equal(HttpStatusCode.OK, (await worker.GetUrlAsync($"/api/emergencies/{provinceWide}")).StatusCode);
        Assert.True(await ListsAsync(worker, provinceWide));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetUrlAsync($"/api/emergencies/{elsewhere}")).StatusCode);
        Assert.False(await ListsAsync(worker, elsewhere));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetUrlAsync($"/api/emergencies/{elsewhere}/figures")).StatusCode);
        // The affected county sees the city's emergency declared above it; the sibling county does not see it.
        var jinjiang = await DeclareAsync(app.Clients[AccountRole.CityOfficer], Unique("锦江区疫情"), AccessApp.Jinjiang);
        Assert.True(await ListsAsync(app.Clients[AccountRole.CountyOfficer], jinjiang));
        Assert.False(await ListsAsync(app.Clients[AccountRole.CountyOfficer], elsewhere));
        var seen = await (await worker.GetUrlAsync($"/api/emergencies/{provinceWide}")).ReadAsync<JsonElement>();
        Assert.Equal("四川省", seen.GetProperty("areas")[0].GetProperty("name").GetString());

        // A county officer may not declare above their county, nor edit the city's emergency that reaches them.
        var above = await (await app.Clients[AccountRole.CountyOfficer].PostJsonAsync("/api/emergencies", Form(Unique("越级"), [AccessApp.Chengdu])))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(AccessApp.Chengdu, above.FieldError("areaCodes[0]"));
        var version = await app.Client.VersionOfAsync($"/api/emergencies/{jinjiang}");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.CountyOfficer].PutJsonAsync($"/api/emergencies/{jinjiang}",
            Form("改名", [AccessApp.Jinjiang], version: version))).StatusCode);
    }

    [Fact]
    public async Task A_township_worker_reports_only_for_their_own_station()
    {
        var id = await DeclareAsync(app.Client, Unique("成都疫情"), AccessApp.Chengdu);
        var worker = app.Clients[AccountRole.SocialWorker];
        await ReportAsync(worker, id, Report(app.StationIn[AccessApp.Jinguanyi], "2024-01-12", screening: 3));
        var foreign = await (await worker.PostJsonAsync($"/api/emergencies/{id}/reports", Report(app.StationIn[app.SiblingTownship], "2024-01-12", screening: 3)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(app.StationIn[app.SiblingTownship].ToString(System.Globalization.CultureInfo.InvariantCulture), foreign.FieldError("stationId"));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.Viewer].PostJsonAsync($"/api/emergencies/{id}/reports",
            Report(app.StationIn[AccessApp.Jinguanyi], "2024-01-13"))).StatusCode);
        // The worker corrects their report with the version they read; a stale version is a 409.
        var mine = (await (await worker.GetUrlAsync($"/api/emergencies/{id}/reports")).ReadAsync<JsonElement>()).GetProperty("items")[0];
        var reportId = mine.GetProperty("id").GetInt32();
        var version = mine.GetProperty("version").GetUInt32();
        var corrected = await (await worker.PutJsonAsync($"/api/emergencies/{id}/reports/{reportId}",
            Report(app.StationIn[AccessApp.Jinguanyi], "2024-01-12", screening: 4, version: version))).ReadAsync<JsonElement>();
        Assert.Equal(4, corrected.GetProperty("screening").GetInt32());
        await (await worker.PutJsonAsync($"/api/emergencies/{id}/reports/{reportId}",
            Report(app.StationIn[AccessApp.Jinguanyi], "2024-01-12", screening: 9, version: version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((int[])[4, 0, 0, 0, 0, 0, 1], Counts((await FiguresAsync(app.Client, id, $"?region={AccessApp.Jinguanyi}")).GetProperty("totals")));
    }

    [Fact]
    public async Task Two_reports_of_one_station_for_one_day_racing_end_in_one_saved_and_one_409()
    {
        var id = await DeclareAsync(app.Client, Unique("竞争上报"), AccessApp.Jinjiang);
        var station = app.StationIn[AccessApp.Jinguanyi];
        var answers = await Task.WhenAll(
            app.Clients[AccountRole.StationManager].PostJsonAsync($"/api/emergencies/{id}/reports", Report(station, "2024-01-15", screening: 1)),
            app.Clients[AccountRole.SocialWorker].PostJsonAsync($"/api/emergencies/{id}/reports", Report(station, "2024-01-15", screening: 2)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var conflict = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2024-01-15", conflict.FieldError("day"));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Set<EmergencyReport>().CountAsync(r => r.EmergencyId == id, Ct));
    }

    [Fact]
    public async Task Bad_reports_and_bad_emergencies_get_field_errors_and_save_nothing()
    {
        var id = await DeclareAsync(app.Client, Unique("锦江区疫情"), AccessApp.Jinjiang);
        var station = app.StationIn[AccessApp.Jinguanyi];
        await ReportAsync(app.Client, id, Report(station, "2024-01-20", screening: 5));
        await using var before = app.OpenDb();
        var reports = await before.Set<EmergencyReport>().CountAsync(Ct);
        var emergencies = await before.Set<Emergency>().CountAsync(Ct);
        var url = $"/api/emergencies/{id}/reports";

        var early = await (await app.Client.PostJsonAsync(url, Report(station, "2024-01-09"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2024-01-09", early.FieldError("day"));
        var future = DateOnly.FromDateTime(DateTime.Today.AddDays(2)).ToString("yyyy-MM-dd");
        Assert.Contains(future, (await (await app.Client.PostJsonAsync(url, Report(station, future))).ProblemAsync(HttpStatusCode.BadRequest)).FieldError("day"));
        var negative = await (await app.Client.PostJsonAsync(url, Report(station, "2024-01-21", care: -1))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(negative.FieldError("careVisits")));
        var outside = await (await app.Client.PostJsonAsync(url, Report(app.StationIn[AccessApp.Zigong], "2024-01-21"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("自贡市支持中心", outside.FieldError("stationId"));
        await (await app.Client.PostJsonAsync(url, Report(station, "2024-01-20"))).ProblemAsync(HttpStatusCode.Conflict);

        var noAreas = await (await app.Client.PostJsonAsync("/api/emergencies", Form(Unique("无地区"), []))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(noAreas.FieldError("areaCodes")));
        var backwards = await (await app.Client.PostJsonAsync("/api/emergencies", Form(Unique("倒序"), [AccessApp.Jinjiang], endDate: "2024-01-01")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(backwards.FieldError("endDate")));
        var version = await app.Client.VersionOfAsync($"/api/emergencies/{id}");
        // Taking 锦江区 out, or closing before the reported day, would leave the report outside the emergency.
        var shrunk = await (await app.Client.PutJsonAsync($"/api/emergencies/{id}", Form("改", [AccessApp.Qingyang], AccessApp.Chengdu, version: version)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("锦官驿街道社工站", shrunk.FieldError("areaCodes"));
        var closedEarly = await (await app.Client.PostJsonAsync($"/api/emergencies/{id}/close", new { endDate = "2024-01-15", version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2024-01-20", closedEarly.FieldError("endDate"));

        await using var after = app.OpenDb();
        Assert.Equal(reports, await after.Set<EmergencyReport>().CountAsync(Ct));
        Assert.Equal(emergencies, await after.Set<Emergency>().CountAsync(Ct));
        Assert.Equal([AccessApp.Jinjiang], await after.Set<EmergencyArea>().Where(a => a.EmergencyId == id).Select(a => a.RegionCode).ToListAsync(Ct));

        // Closed on its last day, it takes no more reports.
        var closed = await (await app.Client.PostJsonAsync($"/api/emergencies/{id}/close", new { endDate = "2024-01-31", version })).ReadAsync<JsonElement>();
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty((await (await app.Client.PostJsonAsync(url, Report(station, "2024-01-22"))).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("day")));
    }
}
