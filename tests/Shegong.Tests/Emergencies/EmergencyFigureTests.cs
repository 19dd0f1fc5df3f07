using System.Net;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using static Shegong.Tests.Emergencies.EmergencyApi;

namespace Shegong.Tests.Emergencies;

/// <summary>An emergency's daily counts roll up by region and by day, hand-computed, inside each reader's scope.</summary>
public partial class EmergencyFigureTests(AccessApp app) : IClassFixture<AccessApp>
{
    private const string Jinguanyi = AccessApp.Jinguanyi;

    /// <summary>
    /// The province's epidemic over 成都 and 自贡: two township stations of 锦江区 (锦官驿 and its sibling), 青羊区's county
    /// station and 自贡's city centre report on two days.
    /// </summary>
    private async Task<int> EpidemicAsync()
    {
        var id = await DeclareAsync(app.Client, "2024年初疫情防控" + Guid.NewGuid().ToString("N")[..6], AccessApp.Chengdu, AccessApp.Zigong);
        var a = app.StationIn[Jinguanyi];
        await ReportAsync(app.Client, id, Report(a, "2024-01-10", 10, 5, 3, 2, 4, 1));
        // The township's own worker reports the second day.
        await ReportAsync(app.Clients[AccountRole.SocialWorker], id, Report(a, "2024-01-11", 20, 0, 1, 1, 6, 2));
        await ReportAsync(app.Clients[AccountRole.CountyOfficer], id, Report(app.StationIn[app.SiblingTownship], "2024-01-10", 7, 2, 0, 0, 3, 0));
        await ReportAsync(app.Clients[AccountRole.CityOfficer], id, Report(app.StationIn[AccessApp.Qingyang], "2024-01-11", 5, 5, 5, 5, 2, 1));
        await ReportAsync(app.Client, id, Report(app.StationIn[AccessApp.Zigong], "2024-01-11", 100, 50, 0, 10, 30, 3));
        return id;
    }

    [Fact]
    public async Task Daily_counts_roll_up_from_township_to_county_to_city_to_province()
    {
        var id = await EpidemicAsync();

        var township = await FiguresAsync(app.Client, id, $"?region={Jinguanyi}");
        Assert.Equal((int[])[30, 5, 4, 3, 10, 3, 1], Counts(township.GetProperty("totals")));
        Assert.Equal((int[])[30, 5, 4, 3, 10, 3, 1], Rows(township)[Jinguanyi]);

        var county = await FiguresAsync(app.Client, id, $"?region={AccessApp.Jinjiang}&by=region");
        Assert.Equal((int[])[37, 7, 4, 3, 13, 3, 2], Counts(county.GetProperty("totals")));
        Assert.Equal(2, Rows(county).Count);
        Assert.Equal((int[])[30, 5, 4, 3, 10, 3, 1], Rows(county)[Jinguanyi]);
        Assert.Equal((int[])[7, 2, 0, 0, 3, 0, 1], Rows(county)[app.SiblingTownship]);

        var city = await FiguresAsync(app.Client, id, $"?region={AccessApp.Chengdu}");
        Assert.Equal((int[])[42, 12, 9, 8, 15, 4, 3], Counts(city.GetProperty("totals")));
        Assert.Equal((int[])[37, 7, 4, 3, 13, 3, 2], Rows(city)[AccessApp.Jinjiang]);
        Assert.Equal((int[])[5, 5, 5, 5, 2, 1, 1], Rows(city)[AccessApp.Qingyang]);

        var province = await FiguresAsync(app.Client, id, $"?region={AccessApp.Province}");
        Assert.Equal((int[])[142, 62, 9, 18, 45, 7, 4], Counts(province.GetProperty("totals")));
        Assert.Equal((int[])[42, 12, 9, 8, 15, 4, 3], Rows(province)[AccessApp.Chengdu]);
        Assert.Equal((int[])[100, 50, 0, 10, 30, 3, 1], Rows(province)[AccessApp.Zigong]);
        Assert.Equal("成都市", province.GetProperty("rows")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Daily_counts_by_day_and_for_a_day_range()
    {
        var id = await EpidemicAsync();

        var byDay = await FiguresAsync(app.Client, id, $"?region={AccessApp.Province}&by=day");
        Assert.Equal(["2024-01-10", "2024-01-11"], byDay.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal((int[])[17, 7, 3, 2, 7, 1, 2], Rows(byDay)["2024-01-10"]);
        Assert.Equal((int[])[125, 55, 6, 16, 38, 6, 3], Rows(byDay)["2024-01-11"]);

        var second = await FiguresAsync(app.Client, id, $"?region={AccessApp.Province}&by=day&from=2024-01-11&to=2024-01-11");
        Assert.Equal((int[])[125, 55, 6, 16, 38, 6, 3], Counts(second.GetProperty("totals")));
        Assert.Single(second.GetProperty("rows").EnumerateArray());

        var backwards = await (await app.Client.GetUrlAsync($"/api/emergencies/{id}/figures?from=2024-01-11&to=2024-01-10")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(backwards.FieldError("to")));
        var badBy = await (await app.Client.GetUrlAsync($"/api/emergencies/{id}/figures?by=month")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("region", badBy.FieldError("by"));
    }

    [Fact]
    public async Task Each_reader_counts_only_the_reports_inside_their_scope()
    {
        var id = await EpidemicAsync();

        // Without a region each reader gets their own: the county its two townships, the city its three stations, the township its own.
        Assert.Equal((int[])[37, 7, 4, 3, 13, 3, 2], Counts((await FiguresAsync(app.Clients[AccountRole.CountyOfficer], id)).GetProperty("totals")));
        Assert.Equal((int[])[42, 12, 9, 8, 15, 4, 3], Counts((await FiguresAsync(app.Clients[AccountRole.CityOfficer], id)).GetProperty("totals")));
        Assert.Equal((int[])[30, 5, 4, 3, 10, 3, 1], Counts((await FiguresAsync(app.Clients[AccountRole.SocialWorker], id)).GetProperty("totals")));
        Assert.Equal((int[])[37, 7, 4, 3, 13, 3, 2], Counts((await FiguresAsync(app.Clients[AccountRole.Viewer], id)).GetProperty("totals")));
        // A region above the scope would be a sum the reader may not see.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Clients[AccountRole.CountyOfficer].GetUrlAsync($"/api/emergencies/{id}/figures?region={AccessApp.Chengdu}")).StatusCode);

        // The county lists its own stations' reports only.
        var listed = await (await app.Clients[AccountRole.CountyOfficer].GetUrlAsync($"/api/emergencies/{id}/reports?pageSize=100")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
        Assert.All(listed.GetProperty("items").EnumerateArray(), r => Assert.StartsWith("510104", r.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task The_figures_export_is_a_workbook()
    {
        var id = await EpidemicAsync();
        using var response = await app.Client.GetUrlAsync($"/api/emergencies/{id}/figures/export?region={AccessApp.Chengdu}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count - 1); // header, 锦江区, 青羊区, 合计
        Assert.Equal("合计", rows[^1]["A"]?.ToString());
        Assert.Equal("42", rows[^1]["B"]?.ToString());
    }
}
