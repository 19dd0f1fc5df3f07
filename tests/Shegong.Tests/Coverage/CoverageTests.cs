using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Coverage;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Coverage;

/// <summary>
/// Coverage on a small hand-built province (code 99): city 9901 with county 990101 (two
/// townships, both with operating stations) and county 990102 (two townships: one station
/// suspended, one with none); city 9902 with county 990201 and no townships covered.
/// </summary>
public class CoverageTests(EmptyApp app) : IClassFixture<EmptyApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await using var db = app.OpenDb();
        if (db.Regions.Any())
        {
            return;
        }
        string[] codes =
        [
            "990000000000", "990100000000", "990101000000", "990101001000", "990101100000", "990101001001",
            "990102000000", "990102200000", "990102201000", "990200000000", "990201000000", "990201100000",
            // A separate province for the test that adds a station, so the others see fixed data.
            "980000000000", "980100000000", "980101000000", "980101100000",
        ];
        db.Regions.AddRange(codes.Select(c => Region.FromCode(c, "区划" + c.TrimEnd('0'))));
        db.Stations.AddRange(
            Make(StationLevel.CitySupportCentre, "990100000000", StationStatus.Operating),
            Make(StationLevel.CountyStation, "990101000000", StationStatus.Operating),
            Make(StationLevel.TownshipStation, "990101001000", StationStatus.Operating),
            Make(StationLevel.TownshipStation, "990101100000", StationStatus.Operating),
            Make(StationLevel.VillageRoom, "990101001001", StationStatus.Operating),
            Make(StationLevel.TownshipStation, "990102200000", StationStatus.Suspended),
            Make(StationLevel.TownshipStation, "990201100000", StationStatus.Closed));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Station Make(StationLevel level, string region, StationStatus status)
    {
        var station = new Station { Name = "站" + region, Level = level, RegionCode = region };
        station.StartAs(status, new DateOnly(2023, 1, 1));
        return station;
    }

    private async Task<CoverageReport> Get(string code) =>
        await (await app.Client.GetUrlAsync($"/api/coverage/{code}")).ReadAsync<CoverageReport>();

    [Fact]
    public async Task The_province_counts_townships_counties_and_full_coverage()
    {
        var report = await Get("990000000000");
        Assert.Equal(new CoverageFigures(5, 2, 0.4, 3, 1, 6), report.Figures);
        Assert.Equal(["990102200000", "990102201000", "990201100000"], report.UncoveredTownships.Select(t => t.Code));
        Assert.Equal("区划990102", report.UncoveredTownships[0].CountyName);
    }

    [Fact]
    public async Task Each_child_region_gets_its_own_row()
    {
        var report = await Get("990000000000");
        Assert.Equal(["990100000000", "990200000000"], report.Children.Select(c => c.Code));
        Assert.Equal(new CoverageFigures(4, 2, 0.5, 2, 1, 6), report.Children[0].Figures);
        Assert.Equal(new CoverageFigures(1, 0, 0, 1, 0, 0), report.Children[1].Figures);

        var city = await Get("990100000000");
        Assert.Equal(["990101000000", "990102000000"], city.Children.Select(c => c.Code));
        Assert.Equal(1.0, city.Children[0].Figures.CoverageRate);
        Assert.Equal(1, city.Children[0].Figures.FullyCoveredCounties);
    }

    [Fact]
    public async Task Stations_are_counted_by_level_and_status()
    {
        var report = await Get("990000000000");
        var township = report.Stations.Single(s => s.Level == StationLevel.TownshipStation);
        Assert.Equal((2, 1, 1, 4), (township.Operating, township.Suspended, township.Closed, township.Total));
        Assert.Equal(1, report.Stations.Single(s => s.Level == StationLevel.VillageRoom).Operating);
    }

    [Fact]
    public async Task A_county_and_a_township_report_on_themselves()
    {
        var county = await Get("990102000000");
        Assert.Equal(new CoverageFigures(2, 0, 0, 1, 0, 1), county.Figures);
        var township = await Get("990101001000");
        Assert.Equal(1, township.Figures.CoveredTownships);
        Assert.Equal(1.0, township.Figures.CoverageRate);
        Assert.Equal(["990101001001"], township.Children.Select(c => c.Code));
    }

    [Fact]
    public async Task Uncovered_townships_say_why_on_the_report_and_in_its_workbook()
    {
        var report = await Get("990000000000");
        var why = report.UncoveredTownships.ToDictionary(u => u.Code, u => u.StationStatus);
        Assert.Equal(StationStatus.Suspended, why["990102200000"]);
        Assert.Null(why["990102201000"]); // no station at all
        Assert.Null(why["990201100000"]); // its only station is closed: none to wait for
        Assert.DoesNotContain("990101001000", why.Keys);

        using var export = await app.Client.GetUrlAsync("/api/coverage/990000000000/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        Assert.Equal(2, sheets.Count);
        var regions = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(report.Children.Count + 1, regions.Count);
        Assert.Equal(report.Figures.Townships, Convert.ToInt32(regions[0]["乡镇(街道)数"], System.Globalization.CultureInfo.InvariantCulture));
        var reasons = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheets[1]).Cast<IDictionary<string, object>>()
            .ToDictionary(r => r["区划代码"].ToString()!, r => r["未覆盖原因"].ToString());
        Assert.Equal(why.Count, reasons.Count);
        Assert.Equal("站点暂停运营，未在运营", reasons["990102200000"]);
        Assert.Equal("暂无乡镇(街道)社工站", reasons["990102201000"]);
        Assert.Equal("暂无乡镇(街道)社工站", reasons["990201100000"]);
    }

    [Fact]
    public async Task A_station_saved_is_counted_in_the_next_read()
    {
        var before = await Get("980101000000");
        Assert.Equal(0, before.Figures.CoveredTownships);
        var created = await app.Client.PostJsonAsync("/api/stations",
            new { name = "新站", level = "TownshipStation", regionCode = "980101100000", status = "Operating", openedOn = "2025-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var after = await Get("980101000000");
        Assert.Equal(new CoverageFigures(1, 1, 1.0, 1, 1, 1), after.Figures);
    }

    [Theory]
    [InlineData("99", HttpStatusCode.BadRequest)]
    [InlineData("abcdefghijkl", HttpStatusCode.BadRequest)]
    [InlineData("970000000000", HttpStatusCode.NotFound)]
    public async Task Bad_or_unknown_codes_are_explained(string code, HttpStatusCode status)
    {
        var problem = await (await app.Client.GetUrlAsync($"/api/coverage/{code}")).ProblemAsync(status);
        Assert.Contains(code, problem.GetProperty("detail").GetString());
    }
}
