using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Indicators;

namespace Shegong.Tests.Indicators;

/// <summary>
/// Plan indicators on the access fixture's hand-built network: in 锦江区 two township stations operate
/// (锦官驿 and its sibling) beside the county station, every other township has none.
/// </summary>
public class IndicatorTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Form(string regionCode, string name = "乡镇(街道)社工站覆盖率", string numerator = "TownshipsCovered", string? denominator = "Townships",
        string scale = "Percent", int baseYear = 2020, decimal? baseValue = 0, int targetYear = 2025, decimal targetValue = 100, uint? version = null) =>
        new { name, regionCode, numerator, denominator, scale, baseYear, baseValue, targetYear, targetValue, note = "全覆盖", version };

    private async Task<List<string>> TownshipsOfJinjiangAsync()
    {
        await using var db = app.OpenDb();
        return await db.Regions.Where(r => r.ParentCode == AccessApp.Jinjiang).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(Ct);
    }

    [Fact]
    public async Task Coverage_attainment_equals_the_stations_counted_by_hand_for_the_county_and_each_township()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        var created = await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "覆盖率（手算）")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var townships = await TownshipsOfJinjiangAsync();

        var attainment = await (await county.GetUrlAsync($"/api/plan-indicators/{id}/attainment")).ReadAsync<JsonElement>();
        var own = attainment.GetProperty("region");
        Assert.Equal(AccessApp.Jinjiang, own.GetProperty("code").GetString());
        Assert.Equal(2m, own.GetProperty("numerator").GetDecimal());
        Assert.Equal(townships.Count, own.GetProperty("denominator").GetDecimal());
        Assert.Equal(Math.Round(2m / townships.Count * 100, 2), own.GetProperty("value").GetDecimal());
        // The target year 2025 is over and the county is short of 100%: far behind.
        Assert.Equal("FarBehind", own.GetProperty("light").GetString());

        var children = attainment.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(townships, children.Keys.Order());
        Assert.Equal(100m, children[AccessApp.Jinguanyi].GetProperty("value").GetDecimal());
        Assert.Equal("Attained", children[AccessApp.Jinguanyi].GetProperty("light").GetString());
        Assert.Equal("Attained", children[app.SiblingTownship].GetProperty("light").GetString());
        var bare = townships.First(t => t != AccessApp.Jinguanyi && t != app.SiblingTownship);
        Assert.Equal(0m, children[bare].GetProperty("value").GetDecimal());
        Assert.Equal("FarBehind", children[bare].GetProperty("light").GetString());

        // The township's station manager is bound by the county's indicator, measured for their own township.
        var listed = await (await app.Clients[AccountRole.StationManager].GetUrlAsync("/api/plan-indicators")).ReadAsync<JsonElement>();
        var row = Assert.Single(listed.EnumerateArray(), r => r.GetProperty("indicator").GetProperty("id").GetInt32() == id);
        Assert.Equal(AccessApp.Jinguanyi, row.GetProperty("own").GetProperty("code").GetString());
        Assert.Equal("Attained", row.GetProperty("own").GetProperty("light").GetString());
    }

    [Fact]
    public async Task A_count_target_binds_its_region_as_a_whole_so_the_regions_inside_show_their_count_without_a_light()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        var created = await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "县运营站点数", numerator: "StationsOperating",
            denominator: null, scale: "Count", targetValue: 2))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();

        var attainment = await (await county.GetUrlAsync($"/api/plan-indicators/{id}/attainment")).ReadAsync<JsonElement>();
        Assert.Equal("Attained", attainment.GetProperty("region").GetProperty("light").GetString());
        var jinguanyi = attainment.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == AccessApp.Jinguanyi);
        // One station operates in 锦官驿: short of the county's 2, yet no township is measured against the county's target.
        Assert.Equal(1m, jinguanyi.GetProperty("value").GetDecimal());
        Assert.Equal("Unknown", jinguanyi.GetProperty("light").GetString());
        Assert.Equal("数量目标按锦江区整体考核，这里只列出本区划的数量", jinguanyi.GetProperty("reason").GetString());

        var listed = await (await app.Clients[AccountRole.StationManager].GetUrlAsync("/api/plan-indicators")).ReadAsync<JsonElement>();
        var own = Assert.Single(listed.EnumerateArray(), r => r.GetProperty("indicator").GetProperty("id").GetInt32() == id).GetProperty("own");
        Assert.Equal((AccessApp.Jinguanyi, "Unknown"), (own.GetProperty("code").GetString(), own.GetProperty("light").GetString()));

        // The export carries the reason beside the light, as the list shows it.
        var export = await app.Clients[AccountRole.StationManager].GetAsync("/api/plan-indicators/export?search=" + Uri.EscapeDataString("县运营站点数"), Ct);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var exported = Assert.Single(MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal("数量目标按锦江区整体考核，这里只列出本区划的数量", exported["说明"]?.ToString());
    }

    [Fact]
    public async Task The_export_holds_the_filtered_sorted_list_with_each_indicators_attainment_in_words()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "导出指标甲"))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "导出指标乙", numerator: "StationsOperating", denominator: null,
            scale: "Count", targetValue: 1))).ReadAsync<JsonElement>(HttpStatusCode.Created);

        async Task<List<(string? Name, string? Light)>> ExportAsync(string query)
        {
            var response = await county.GetAsync($"/api/plan-indicators/export?{query}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            return [.. MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()
                .Select(r => (r["指标名称"]?.ToString(), r["完成情况"]?.ToString()))];
        }

        // Coverage of every township by 2025 is far behind; one operating station is attained (the county has three).
        Assert.Equal([("导出指标乙", "已达标"), ("导出指标甲", "明显滞后")], await ExportAsync("search=导出指标&sort=-name"));
        Assert.Equal([("导出指标乙", "已达标")], await ExportAsync("search=导出指标&light=Attained"));
        var unknownSort = await (await county.GetAsync("/api/plan-indicators/export?sort=formula", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("formula", unknownSort.FieldError("sort"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ratio_per_ten_thousand_residents_is_unknown_until_every_township_has_a_population_then_exact()
    {
        var townships = await TownshipsOfJinjiangAsync();
        await SetPopulationsAsync(townships.Skip(1), 10_000);
        var created = await (await app.Client.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "每万人运营站点", numerator: "StationsOperating",
            denominator: "ResidentPopulation", scale: "PerTenThousand", baseValue: 0.5m, targetYear: 2040, targetValue: 50))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("运营社工站数 ÷ 常住人口 × 10000", created.GetProperty("formula").GetString());

        var unknown = (await (await app.Client.GetUrlAsync($"/api/plan-indicators/{id}/attainment?region={AccessApp.Jinjiang}")).ReadAsync<JsonElement>()).GetProperty("region");
        Assert.Equal("Unknown", unknown.GetProperty("light").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("value").ValueKind);
        Assert.Contains("常住人口", unknown.GetProperty("reason").GetString());

        await SetPopulationsAsync(townships.Take(1), 10_000);
        var known = await (await app.Client.GetUrlAsync($"/api/plan-indicators/{id}/attainment?region={AccessApp.Jinjiang}")).ReadAsync<JsonElement>();
        // The county station and the two township stations, over 10,000 residents in each township.
        Assert.Equal(Math.Round(3m / (10_000m * townships.Count) * 10_000, 2), known.GetProperty("region").GetProperty("value").GetDecimal());
        var jinguanyi = known.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == AccessApp.Jinguanyi);
        Assert.Equal(1m, jinguanyi.GetProperty("value").GetDecimal());
        Assert.Equal(Enumerable.Range(2020, 21), known.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()));
    }

    private async Task SetPopulationsAsync(IEnumerable<string> codes, int population)
    {
        var list = codes.ToList();
        await using var db = app.OpenDb();
        await db.Regions.Where(r => list.Contains(r.Code)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResidentPopulation, population), Ct);
    }

    [Fact]
    public async Task Bad_indicators_get_field_errors_and_save_nothing_and_edits_are_versioned()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        await using (var db = app.OpenDb())
        {
            var before = await db.Set<PlanIndicator>().CountAsync(Ct);
            Assert.Contains("分母", (await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, scale: "Count")))
                .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("denominator"));
            Assert.Contains("分母", (await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, denominator: null)))
                .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("denominator"));
            Assert.Contains("目标年份", (await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, targetYear: 2019)))
                .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("targetYear"));
            Assert.Contains("指标名称", (await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: " ")))
                .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("name"));
            // Another county is "no such region" to a county officer, not a hint that it exists.
            Assert.Contains(AccessApp.Qingyang, (await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Qingyang)))
                .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("regionCode"));
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.StationManager].PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinguanyi))).StatusCode);
            Assert.Equal(before, await db.Set<PlanIndicator>().CountAsync(Ct));
        }

        var created = await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "版本指标"))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetUInt32();
        await (await county.PostJsonAsync("/api/plan-indicators", Form(AccessApp.Jinjiang, name: "版本指标"))).ProblemAsync(HttpStatusCode.Conflict);
        var edited = await (await county.PutJsonAsync($"/api/plan-indicators/{id}", Form(AccessApp.Jinjiang, name: "版本指标", targetValue: 90, version: version)))
            .ReadAsync<JsonElement>();
        Assert.Equal(90m, edited.GetProperty("targetValue").GetDecimal());
        await (await county.PutJsonAsync($"/api/plan-indicators/{id}", Form(AccessApp.Jinjiang, name: "版本指标", targetValue: 80, version: version)))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Conflict, (await county.DeleteAsync($"/api/plan-indicators/{id}?version={version}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await county.DeleteAsync($"/api/plan-indicators/{id}?version={edited.GetProperty("version").GetUInt32()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetUrlAsync($"/api/plan-indicators/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(AccountRole.ProvinceAdmin)]
    [InlineData(AccountRole.CityOfficer)]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.StationManager)]
    [InlineData(AccountRole.SocialWorker)]
    [InlineData(AccountRole.AgencyManager)]
    [InlineData(AccountRole.Viewer)]
    public async Task Indicators_answer_by_role_and_scope(AccountRole role)
    {
        // One indicator each for the province (binds everyone), 锦江区 (the county roles' own) and 青羊区 (a sibling county).
        var ids = new Dictionary<string, int>();
        foreach (var region in new[] { AccessApp.Province, AccessApp.Jinjiang, AccessApp.Qingyang })
        {
            var created = await app.Client.PostJsonAsync("/api/plan-indicators", Form(region, name: $"权限指标{role}"));
            ids[region] = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        }
        var client = app.Clients[role];
        var wide = role is AccountRole.ProvinceAdmin or AccountRole.CityOfficer;
        var official = role is AccountRole.ProvinceAdmin or AccountRole.CityOfficer or AccountRole.CountyOfficer;
        var listed = (await (await client.GetUrlAsync("/api/plan-indicators")).ReadAsync<JsonElement>()).EnumerateArray()
            .Select(r => r.GetProperty("indicator").GetProperty("id").GetInt32()).ToHashSet();
        foreach (var (region, id) in ids)
        {
            var sees = region != AccessApp.Qingyang || wide;
            Assert.Equal(sees, listed.Contains(id));
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetUrlAsync($"/api/plan-indicators/{id}")).StatusCode);
            var version = await app.Client.VersionOfAsync($"/api/plan-indicators/{id}");
            // Editing needs an official whose scope holds the indicator's region; a reader who sees it from below is refused (403).
            var expected = !official ? HttpStatusCode.Forbidden
                : region == AccessApp.Province && role != AccountRole.ProvinceAdmin ? HttpStatusCode.Forbidden
                : sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, (await client.PutJsonAsync($"/api/plan-indicators/{id}", Form(region, name: $"权限指标{role}", version: version))).StatusCode);
        }
        // The province's indicator measured in 青羊区: only for those whose scope holds it.
        Assert.Equal(wide ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            (await client.GetUrlAsync($"/api/plan-indicators/{ids[AccessApp.Province]}/attainment?region={AccessApp.Qingyang}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetUrlAsync($"/api/plan-indicators/{ids[AccessApp.Province]}/attainment")).StatusCode);
    }
}
