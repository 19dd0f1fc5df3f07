using System.Net;
using MiniExcelLibs;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Stations;

/// <summary>Filters, paging and the Excel export over a few stations in two counties.</summary>
public class StationListTests(SichuanApp app) : IClassFixture<SichuanApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await using var db = app.OpenDb();
        if (db.Stations.Any())
        {
            return;
        }
        // 锦江区 510104: a county station and three township stations; 青羊区 510105: one township station.
        db.Stations.AddRange(
            Make("锦江区社工总站", StationLevel.CountyStation, "510104000000", StationStatus.Operating),
            Make("锦官驿街道社工站", StationLevel.TownshipStation, "510104017000", StationStatus.Operating),
            Make("东湖街道社工站", StationLevel.TownshipStation, "510104018000", StationStatus.Suspended),
            Make("锦华路街道社工站", StationLevel.TownshipStation, "510104019000", StationStatus.Planned),
            Make("草市街街道社工站", StationLevel.TownshipStation, "510105002000", StationStatus.Operating));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Station Make(string name, StationLevel level, string region, StationStatus status)
    {
        var station = new Station { Name = name, Level = level, RegionCode = region };
        station.StartAs(status, new DateOnly(2023, 1, 1));
        return station;
    }

    private async Task<PagedResult<StationRow>> List(string query) =>
        await (await app.Client.GetUrlAsync("/api/stations?" + query)).ReadAsync<PagedResult<StationRow>>();

    [Fact]
    public async Task A_region_filter_includes_everything_under_it_and_nothing_else()
    {
        var jinjiang = await List("region=510104000000");
        Assert.Equal(4, jinjiang.Total);
        Assert.All(jinjiang.Items, s => Assert.StartsWith("510104", s.RegionCode));
        Assert.Equal(5, (await List("region=510100000000")).Total);
        Assert.Single((await List("region=510104018000")).Items);
    }

    [Fact]
    public async Task The_database_sorts_by_an_allowed_column_in_either_direction()
    {
        var byLevelDown = await List("region=510104000000&sort=-level");
        Assert.Equal(StationLevel.CountyStation, byLevelDown.Items[^1].Level);
        Assert.All(byLevelDown.Items.Take(3), s => Assert.Equal(StationLevel.TownshipStation, s.Level));
        var byName = await List("region=510104000000&sort=name&pageSize=2&page=2");
        var all = await List("region=510104000000&sort=name");
        Assert.Equal(all.Items.Skip(2).Select(s => s.Id), byName.Items.Select(s => s.Id));
        Assert.Equal(["Operating", "Operating", "Planned", "Suspended"],
            (await List("region=510100000000&level=TownshipStation&sort=status")).Items.Select(s => s.Status.ToString()));
    }

    [Fact]
    public async Task Sorting_by_a_column_that_is_not_allowed_is_a_400_naming_the_sortable_ones()
    {
        var problem = await (await app.Client.GetUrlAsync("/api/stations?sort=-phone")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("openedOn", problem.FieldError("sort"));
    }

    [Fact]
    public async Task Level_status_and_name_filters_combine()
    {
        Assert.Equal(4, (await List("region=510100000000&level=TownshipStation")).Total);
        var operating = await List("region=510100000000&level=TownshipStation&status=Operating");
        Assert.Equal(["锦官驿街道社工站", "草市街街道社工站"], operating.Items.Select(s => s.Name));
        Assert.Equal("东湖街道社工站", Assert.Single((await List("search=东湖")).Items).Name);
    }

    [Fact]
    public async Task Pages_split_the_list_and_keep_the_total()
    {
        var first = await List("region=510104000000&page=1&pageSize=3");
        var second = await List("region=510104000000&page=2&pageSize=3");
        Assert.Equal(4, first.Total);
        Assert.Equal(3, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Empty(first.Items.Select(s => s.Id).Intersect(second.Items.Select(s => s.Id)));
    }

    [Fact]
    public async Task The_export_is_an_Excel_file_of_the_filtered_list_with_Chinese_headers()
    {
        var response = await app.Client.GetUrlAsync("/api/stations/export?region=510104000000&level=TownshipStation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["锦官驿街道社工站", "东湖街道社工站", "锦华路街道社工站"], rows.Select(r => r["站点名称"]?.ToString()));
        Assert.Equal("暂停运营", rows[1]["状态"]?.ToString());
        Assert.Equal("成都市 / 锦江区 / 东湖街道", rows[1]["所在区划"]?.ToString());
    }
}
