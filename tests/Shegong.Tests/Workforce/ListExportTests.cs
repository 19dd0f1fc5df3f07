using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Shegong.Web.Common;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Workforce;

/// <summary>
/// Every list's Excel export holds exactly the rows of its list for the same filter, in the order of
/// the same sort: the export reads the list's own query page by page, with no row cap.
/// </summary>
public class ListExportTests(WorkforceApp app) : IClassFixture<WorkforceApp>, IAsyncLifetime
{
    private const string Wenjiang = "510115000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SemaphoreSlim Arranging = new(1, 1);
    private static bool arranged;

    /// <summary>The rows are arranged once for the class: the fixture's database is shared by its tests.</summary>
    public async ValueTask InitializeAsync()
    {
        await Arranging.WaitAsync(Ct);
        try
        {
            if (!arranged)
            {
                await ArrangeAsync();
                arranged = true;
            }
        }
        finally
        {
            Arranging.Release();
        }
    }

    private async Task ArrangeAsync()
    {
        var agency = await app.AgencyAsync("温江导出测试社工中心", CreditCodes.Make(700), Wenjiang);
        await app.AgencyAsync("=HYPERLINK(\"x\")导出测试社工中心", CreditCodes.Make(701), Wenjiang);
        await app.AgencyAsync("青羊导出测试社工中心", CreditCodes.Make(702), "510105000000");
        var county = await app.StationAsync("温江区社会工作服务总站", StationLevel.CountyStation, Wenjiang);
        var township = await app.StationAsync("柳城街道社工站", StationLevel.TownshipStation, "510115001000");
        await app.StationAsync("草市街街道社工站", StationLevel.TownshipStation, "510105002000");
        var (a, b) = (await app.WorkerAsync(agency, township), await app.WorkerAsync(agency, township, hiredOn: "2022-03-01"));
        foreach (var (route, date) in new[] { ("/api/trainings", "2025-03-01"), ("/api/trainings", "2025-09-01"), ("/api/supervisions", "2025-05-01") })
        {
            var session = await app.Client.PostAsJsonAsync(route,
                new { organiserStationId = county, date, hours = 2, topic = "导出测试", leader = "李教授", attendeeIds = new[] { a, b } }, Ct);
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        }
        foreach (var (title, startsOn) in new[] { ("温江区2023年社工站运营项目", "2023-01-01"), ("温江区2024年社工站运营项目", "2024-01-01") })
        {
            var contract = await app.Client.PostAsJsonAsync("/api/contracts", new
            {
                title,
                regionCode = Wenjiang,
                agencyId = agency,
                startsOn,
                endsOn = startsOn[..4] + "-12-31",
                amount = 1000m,
                stationIds = new[] { township },
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, contract.StatusCode);
        }
        await app.CreateAccountAsync("export-wenjiang-a", AccountRole.Viewer, Wenjiang);
        await app.CreateAccountAsync("export-wenjiang-b", AccountRole.CountyOfficer, Wenjiang);
        await app.CreateAccountAsync("export-qingyang", AccountRole.Viewer, "510105000000");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/api/stations", "region=510115000000&sort=-name", "id", "编号")]
    [InlineData("/api/agencies", "region=510115000000&sort=-name", "id", "编号")]
    [InlineData("/api/contracts", "region=510115000000&sort=title", "id", "编号")]
    [InlineData("/api/social-workers", "region=510115000000&sort=hiredOn", "id", "编号")]
    [InlineData("/api/trainings", "region=510115000000&sort=date", "id", "编号")]
    [InlineData("/api/supervisions", "region=510115000000", "id", "编号")]
    [InlineData("/api/accounts", "region=510115000000&sort=-userName", "userName", "用户名")]
    public async Task An_export_holds_the_rows_of_its_list_for_the_same_filter_and_sort(string route, string query, string key, string header)
    {
        var list = await app.Client.GetFromJsonAsync<JsonElement>($"{route}?{query}&pageSize={PageRequest.MaxPageSize}", Ct);
        var total = list.GetProperty("total").GetInt32();
        Assert.True(total >= 1, $"{route} matched nothing");
        var listed = list.GetProperty("items").EnumerateArray().Select(i => (string?)i.GetProperty(key).ToString()).ToList();

        var response = await app.Client.GetAsync($"{route}/export?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r[header]?.ToString()).ToList();
        Assert.Equal(total, exported.Count);
        Assert.Equal(listed, exported);
    }

    [Fact]
    public async Task An_exported_name_that_a_spreadsheet_would_run_is_written_as_text()
    {
        var response = await app.Client.GetAsync("/api/agencies/export?region=510115000000&search=HYPERLINK", Ct);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var name = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single()["机构名称"]?.ToString();
        Assert.Equal("'=HYPERLINK(\"x\")导出测试社工中心", name);
    }

    [Fact]
    public async Task An_export_with_an_unknown_sort_is_refused_before_any_file_starts()
    {
        var response = await app.Client.GetAsync("/api/stations/export?sort=nonsense", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sort", await response.Content.ReadAsStringAsync(Ct));
    }
}
