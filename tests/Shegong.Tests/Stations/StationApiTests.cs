using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Stations;

public class StationApiTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private HttpClient Client => app.Client;

    private static object Form(string name, string level, string region, string? status = null, string? openedOn = null, string? phone = null) =>
        new { name, level, regionCode = region, status, openedOn, phone };

    [Fact]
    public async Task A_new_township_station_is_created_planned_and_can_be_read_back()
    {
        var response = await Client.PostJsonAsync("/api/stations", Form("锦官驿街道社工站", "TownshipStation", "510104017000", phone: "028-86123456"));
        var created = await response.ReadAsync<StationDetail>(HttpStatusCode.Created);
        Assert.Equal($"/api/stations/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal(StationStatus.Planned, created.Status);
        Assert.Equal("锦官驿街道", created.RegionName);
        Assert.Equal("成都市 / 锦江区 / 锦官驿街道", created.RegionPath);
        Assert.Equal([StationStatus.UnderConstruction, StationStatus.Closed], created.NextStatuses);

        var read = await (await Client.GetUrlAsync($"/api/stations/{created.Id}")).ReadAsync<StationDetail>();
        Assert.Equal("锦官驿街道社工站", read.Name);
        Assert.Equal("028-86123456", read.Phone);
    }

    [Fact]
    public async Task A_level_that_does_not_match_the_region_is_refused_naming_both_levels()
    {
        var problem = await (await Client.PostJsonAsync("/api/stations", Form("错配的总站", "CountyStation", "510104018000")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldError("regionCode");
        Assert.Contains("县级社工总站", message);
        Assert.Contains("县(市、区)", message);
        Assert.Contains("乡镇(街道)", message);
        await using var db = app.OpenDb();
        Assert.False(await db.Stations.AnyAsync(s => s.Name == "错配的总站", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("", "TownshipStation", "510104019000", null, "name")]
    [InlineData("无区划", "TownshipStation", "5101", null, "regionCode")]
    [InlineData("不存在的区划", "TownshipStation", "510104999000", null, "regionCode")]
    [InlineData("坏电话", "TownshipStation", "510104019000", "12345", "phone")]
    public async Task Bad_fields_are_refused_by_name_and_nothing_is_saved(string name, string level, string region, string? phone, string field)
    {
        await using var db = app.OpenDb();
        var before = await db.Stations.CountAsync(TestContext.Current.CancellationToken);
        var problem = await (await Client.PostJsonAsync("/api/stations", Form(name, level, region, phone: phone)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.FieldError(field)));
        Assert.Equal(before, await db.Stations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_level_in_the_body_is_a_400_not_a_500()
    {
        var response = await Client.PostJsonAsync("/api/stations", new { name = "x", level = "Palace", regionCode = "510104019000" });
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_one_open_station_per_township_but_village_rooms_may_share_a_village()
    {
        var first = await (await Client.PostJsonAsync("/api/stations", Form("东湖街道社工站", "TownshipStation", "510104018000")))
            .ReadAsync<StationDetail>(HttpStatusCode.Created);
        var problem = await (await Client.PostJsonAsync("/api/stations", Form("东湖街道第二社工站", "TownshipStation", "510104018000")))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("东湖街道社工站", problem.GetProperty("detail").GetString());

        // Once the first is closed, the township may have a new one.
        await (await Client.PostJsonAsync($"/api/stations/{first.Id}/status", new { status = "Closed", version = first.Version })).ReadAsync<StationDetail>();
        await (await Client.PostJsonAsync("/api/stations", Form("东湖街道社工站(新)", "TownshipStation", "510104018000")))
            .ReadAsync<StationDetail>(HttpStatusCode.Created);

        await (await Client.PostJsonAsync("/api/stations", Form("水井坊社工室", "VillageRoom", "510104017001"))).ReadAsync<StationDetail>(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/stations", Form("水井坊社工室二", "VillageRoom", "510104017001"))).ReadAsync<StationDetail>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Status_moves_follow_the_lifecycle_and_keep_their_dates()
    {
        var planned = await (await Client.PostJsonAsync("/api/stations", Form("牛市口街道社工站", "TownshipStation", "510104026000")))
            .ReadAsync<StationDetail>(HttpStatusCode.Created);
        var skipped = await (await Client.PostJsonAsync($"/api/stations/{planned.Id}/status", new { status = "Operating", version = planned.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("规划中", skipped.FieldError("status"));
        var built = await (await Client.PostJsonAsync($"/api/stations/{planned.Id}/status", new { status = "UnderConstruction", version = planned.Version })).ReadAsync<StationDetail>();
        Assert.Equal(StationStatus.UnderConstruction, built.Status);
        var future = await (await Client.PostJsonAsync($"/api/stations/{planned.Id}/status", new { status = "Operating", on = "2099-01-01", version = built.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("今天", future.FieldError("on"));

        // An existing station is registered as operating since its opening day, then moves on.
        var station = await (await Client.PostJsonAsync("/api/stations",
            Form("春熙路街道社工站", "TownshipStation", "510104022000", status: "Operating", openedOn: "2024-05-01"))).ReadAsync<StationDetail>(HttpStatusCode.Created);
        var url = $"/api/stations/{station.Id}/status";
        var suspended = await (await Client.PostJsonAsync(url, new { status = "Suspended", on = "2024-09-01", note = "社工离职", version = station.Version }))
            .ReadAsync<StationDetail>();
        var reopened = await (await Client.PostJsonAsync(url, new { status = "Operating", on = "2024-10-01", version = suspended.Version })).ReadAsync<StationDetail>();

        var backwards = await (await Client.PostJsonAsync(url, new { status = "Closed", on = "2024-09-15", version = reopened.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2024-10-01", backwards.FieldError("on"));

        var closed = await (await Client.PostJsonAsync(url, new { status = "Closed", on = "2025-03-01", version = reopened.Version })).ReadAsync<StationDetail>();
        Assert.Equal(StationStatus.Closed, closed.Status);
        Assert.Empty(closed.NextStatuses);
        Assert.Equal([StationStatus.Operating, StationStatus.Suspended, StationStatus.Operating, StationStatus.Closed], closed.StatusHistory.Select(h => h.To));
        Assert.Equal([new DateOnly(2024, 5, 1), new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 1)], closed.StatusHistory.Select(h => h.On));
        Assert.Equal("社工离职", closed.StatusHistory[1].Note);
        Assert.Equal(new DateOnly(2024, 5, 1), closed.OpenedOn);

        var reopen = await (await Client.PostJsonAsync(url, new { status = "Operating", version = closed.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("已关闭", reopen.FieldError("status"));
    }

    [Fact]
    public async Task Editing_keeps_the_region_rules()
    {
        var station = await (await Client.PostJsonAsync("/api/stations", Form("书院街社工站", "TownshipStation", "510104023000")))
            .ReadAsync<StationDetail>(HttpStatusCode.Created);
        var renamed = await (await Client.PutJsonAsync($"/api/stations/{station.Id}",
            new { name = "书院街街道社工站", level = "TownshipStation", regionCode = "510104023000", floorArea = 180.5, version = station.Version })).ReadAsync<StationDetail>();
        Assert.Equal("书院街街道社工站", renamed.Name);
        Assert.Equal(180.5m, renamed.FloorArea);

        var moved = await (await Client.PutJsonAsync($"/api/stations/{station.Id}",
            new { name = "书院街街道社工站", level = "TownshipStation", regionCode = "510104000000", version = renamed.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("锦江区", moved.FieldError("regionCode"));
        await using var db = app.OpenDb();
        Assert.Equal("510104023000", (await db.Stations.SingleAsync(s => s.Id == station.Id, TestContext.Current.CancellationToken)).RegionCode);
    }

    [Fact]
    public async Task An_unknown_station_is_a_404_with_a_reason()
    {
        var problem = await (await Client.GetUrlAsync("/api/stations/999999")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("999999", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/stations?pageSize=0", "pageSize")]
    [InlineData("/api/stations?page=0", "page")]
    [InlineData("/api/stations?region=51", "region")]
    public async Task Bad_list_parameters_are_explained(string url, string field)
    {
        var problem = await (await Client.GetUrlAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.FieldError(field)));
    }

    [Fact]
    public async Task A_level_filter_that_is_not_a_level_is_a_400()
    {
        await (await Client.GetUrlAsync("/api/stations?level=Palace")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
