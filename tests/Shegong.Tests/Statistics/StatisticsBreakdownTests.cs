using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.ServiceRecords;

namespace Shegong.Tests.Statistics;

/// <summary>Drill-down (the same figures by child region, month, category) and drill-through (the records behind a figure).</summary>
public partial class StatisticsTests
{
    [Fact]
    public async Task A_county_breaks_down_into_its_townships_plus_its_own_county_station()
    {
        var rows = (await BreakdownAsync(StatisticsApp.Jinjiang, "2024-01-01", "2024-12-31", "region")).Rows;

        Assert.Equal((1, 1, 1), Of(rows, StatisticsApp.Jinjiang)); // the county station's resource linking
        Assert.Equal((4, 9, 3), Of(rows, StatisticsApp.Jinguanyi));
        Assert.Equal((2, 31, 1), Of(rows, app.SiblingTownship));
        Assert.Equal(7, rows.Sum(r => r.ServiceRecords));
        Assert.Equal(41, rows.Sum(r => r.PersonTimes));
        Assert.Contains(rows, r => r.ServiceRecords == 0); // every township has its row, served or not
    }

    [Fact]
    public async Task The_province_breaks_down_into_cities_and_a_city_into_counties()
    {
        var cities = (await BreakdownAsync(Province, "2024-01-01", "2024-12-31", "region")).Rows;
        Assert.Equal((8, 42, 4), Of(cities, Chengdu));
        Assert.Equal((1, 10, 0), Of(cities, StatisticsApp.Zigong));
        Assert.DoesNotContain(cities, r => r.Key == Province);

        var counties = (await BreakdownAsync(Chengdu, "2024-01-01", "2024-12-31", "region")).Rows;
        Assert.Equal((7, 41, 4), Of(counties, StatisticsApp.Jinjiang));
        Assert.Equal((1, 1, 0), Of(counties, StatisticsApp.Qingyang));
    }

    [Fact]
    public async Task Months_and_categories_split_a_period_with_partial_months_exactly()
    {
        var months = (await BreakdownAsync(Province, "2024-01-31", "2024-03-01", "month")).Rows;
        Assert.Equal(["2024-01", "2024-02", "2024-03"], months.Select(m => m.Key));
        Assert.Equal((1, 4, 2), Of(months, "2024-01"));
        Assert.Equal((3, 3, 3), Of(months, "2024-02"));
        Assert.Equal((1, 30, 0), Of(months, "2024-03"));

        var categories = (await BreakdownAsync(Chengdu, "2024-01-16", "2024-03-30", "category")).Rows;
        Assert.Equal((2, 34, 2), Of(categories, "ElderlyAndChildCare"));
        Assert.Equal((2, 2, 1), Of(categories, "SocialAssistance"));
        Assert.Equal((1, 1, 1), Of(categories, "IndustryDevelopment"));
        Assert.Equal((1, 1, 1), Of(categories, "ResourceLinking"));
        Assert.Equal((0, 0, 0), Of(categories, "CommunityGovernance"));
    }

    [Theory]
    [InlineData("jinjiang", "edges", "", 5)]
    [InlineData("jinjiang", "edges", "&category=ElderlyAndChildCare", 2)]
    [InlineData("chengdu", "mid", "&channel=HomeVisit", 2)]
    [InlineData("province", "year", "&source=Activity", 1)]
    [InlineData("province", "year", "&method=Other&category=SocialAssistance", 3)]
    public async Task The_records_behind_a_figure_add_up_to_the_figure(string region, string period, string filter, int expected)
    {
        var (from, to) = Period(period);
        var query = $"region={Code(region)}&from={from}&to={to}{filter}";
        var records = await (await app.Client.GetUrlAsync($"/api/statistics/records?{query}&pageSize=2")).ReadAsync<RecordPage>();
        var summary = await SummaryAsync(app.Client, Code(region), from, to);

        Assert.Equal(expected, records.Total);
        Assert.True(records.Items.Count <= 2);
        var figure = filter switch
        {
            "" => summary.Services.ServiceRecords,
            "&category=ElderlyAndChildCare" => summary.ByCategory.Single(r => r.Key == "ElderlyAndChildCare").ServiceRecords,
            "&channel=HomeVisit" => summary.ByChannel.Single(r => r.Key == "HomeVisit").ServiceRecords,
            "&source=Activity" => summary.CommunityActivities,
            _ => records.Total,
        };
        Assert.Equal(figure, records.Total);
        using var export = await app.Client.GetUrlAsync($"/api/statistics/records/export?{query}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_breakdown_exports_to_Excel_with_the_same_rows_headed_in_Chinese()
    {
        var rows = (await BreakdownAsync(Chengdu, "2024-01-01", "2024-12-31", "region")).Rows;
        using var export = await app.Client.GetUrlAsync($"/api/statistics/breakdown/export?region={Chengdu}&from=2024-01-01&to=2024-12-31&by=region");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheet = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(rows.Select(r => (r.Name, r.ServiceRecords, r.PersonTimes, r.PeopleServed)),
            sheet.Select(r => ((string)r["地区"], Convert.ToInt32(r["服务记录(条)"], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r["服务人次"], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r["服务人数"], System.Globalization.CultureInfo.InvariantCulture))));
        // The same checks as the breakdown itself: a bad split is a 400 naming the field.
        using var bad = await app.Client.GetUrlAsync($"/api/statistics/breakdown/export?region={Chengdu}&by=town");
        Assert.NotEmpty((await bad.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("by"));
    }

    private static (int, int, int) Of(List<BreakdownRowDto> rows, string key) =>
        rows.Single(r => r.Key == key) is var row ? (row.ServiceRecords, row.PersonTimes, row.PeopleServed) : default;

    private async Task<Breakdown> BreakdownAsync(string region, string from, string to, string by) =>
        await (await app.Client.GetUrlAsync($"/api/statistics/breakdown?region={region}&from={from}&to={to}&by={by}")).ReadAsync<Breakdown>();
}
