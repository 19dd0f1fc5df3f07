using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Indicators;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

/// <summary>Lists as a county officer and a station's social worker use them: filters across Back, sorting, page size.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class ListPagesTests(BrowserApp app)
{
    private const string County = "510104";

    [Fact]
    public async Task A_county_officers_station_filter_and_sort_survive_a_visit_to_a_detail_page_and_Back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var operating = await db.Stations.Where(s => s.RegionCode.StartsWith(County) && s.Status == StationStatus.Operating)
            .Select(s => s.OpenedOn).ToListAsync(ct);
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);

        await page.OpenAsync("/stations");
        await page.PickAsync(page.Locator(".filter-status"), "运营中");
        await Expect(page).ToHaveURLAsync(new Regex("status=Operating"));
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {operating.Count} 个站点");

        // Sorted by the database, newest first: the dates on screen go down and start at the county's latest opening.
        await page.Locator(".station-table th", new() { HasTextString = "启用日期" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=openedOn"));
        await page.Locator(".station-table th", new() { HasTextString = "启用日期" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-openedOn"));
        var latest = operating.Max()!.Value.ToString("yyyy-MM-dd");
        var dates = page.Locator(".station-table tbody tr.ant-table-row td:nth-child(5)");
        await Expect(dates.First).ToHaveTextAsync(latest);
        var shown = (await dates.AllInnerTextsAsync()).Select(d => d.Trim()).ToList();
        Assert.Equal(shown.OrderByDescending(d => d, StringComparer.Ordinal), shown);
        await Expect(page.Locator(".list-export")).ToHaveAttributeAsync("href", new Regex("status=Operating.*sort=-openedOn"));

        await page.Locator(".station-table tbody tr.ant-table-row td a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/stations/\d+$"));
        await Expect(page.Locator(".page-crumbs a", new() { HasTextString = "社工站点" })).ToBeVisibleAsync();
        await page.GoBackAsync();

        await Expect(page).ToHaveURLAsync(new Regex("status=Operating.*sort=-openedOn"));
        await Expect(page.Locator(".filter-status")).ToContainTextAsync("运营中");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {operating.Count} 个站点");
        await Expect(dates.First).ToHaveTextAsync(latest);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_officer_chooses_fifty_social_workers_a_page_and_a_shared_link_opens_the_same_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var workers = await db.SocialWorkers.CountAsync(w => w.RegionCode.StartsWith(County), ct);
        Assert.True(workers > 20, $"the demo county has only {workers} social workers");
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);

        await page.OpenAsync("/workforce/social-workers");
        var rows = page.Locator(".workforce-social-workers tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(20);
        await page.PickAsync(page.Locator(".list-pager .ant-pagination-options .ant-select"), "50");
        await Expect(page).ToHaveURLAsync(new Regex("pageSize=50"));
        await Expect(rows).ToHaveCountAsync(Math.Min(50, workers));

        var shared = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await shared.OpenAsync(new Uri(page.Url).PathAndQuery);
        await Expect(shared.Locator(".workforce-social-workers tbody tr.ant-table-row")).ToHaveCountAsync(Math.Min(50, workers));
        await shared.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_station_social_worker_sorts_colleagues_by_sex_and_keeps_the_search_across_Back()
    {
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password);

        await page.OpenAsync("/workforce/social-workers");
        var rows = page.Locator(".workforce-social-workers tbody tr.ant-table-row");
        await Expect(rows.First).ToBeVisibleAsync();
        await page.Locator(".workforce-social-workers th", new() { HasTextString = "性别" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=sex"));
        await Expect(page.Locator(".workforce-social-workers th.ant-table-column-sort")).ToHaveCountAsync(1);
        // The database sorts by the stored value, so the page holds one sex, then the other: the value changes at most once.
        // The header shows the sort at once, the rows come with the next load: wait for them (or fail at the timeout below).
        await page.WaitForFunctionAsync("""
            () => {
                const sexes = [...document.querySelectorAll('.workforce-social-workers tbody tr.ant-table-row td:nth-child(2)')].map(td => td.innerText.trim());
                return sexes.length > 0 && sexes.filter((s, i) => i > 0 && s !== sexes[i - 1]).length <= 1;
            }
            """, null, new() { Timeout = 15_000 }).ContinueWith(_ => { }, TestContext.Current.CancellationToken);
        var sexes = (await rows.Locator("td:nth-child(2)").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
        Assert.True(sexes.Zip(sexes.Skip(1)).Count(p => p.First != p.Second) <= 1, string.Join(",", sexes));

        var name = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        var search = page.Locator(".workforce-filter-name input, input.workforce-filter-name").First;
        await search.FillAsync(name[..1]);
        await search.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("search="));
        await rows.First.Locator("td a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/workforce/social-workers/\d+$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("search=.*sort=sex"));
        await Expect(search).ToHaveValueAsync(name[..1]);
        await Expect(rows.First.Locator("td").First).ToContainTextAsync(name[..1]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_officer_sorts_indicators_by_attainment_and_keeps_a_name_search_across_Back()
    {
        // The county is bound by the province's and the city's indicators and by its own.
        await using var db = app.OpenDb();
        var binding = await db.Set<PlanIndicator>().Where(i => i.RegionCode == "510000000000" || i.RegionCode == "510100000000" || i.RegionCode.StartsWith(County))
            .Select(i => i.Name).ToListAsync(TestContext.Current.CancellationToken);
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await page.OpenAsync("/indicators");
        var rows = page.Locator(".indicator-list tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(binding.Count);

        await page.Locator(".indicator-list th", new() { HasTextString = "完成情况" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=light"));
        // Best first: attained, on track, a little behind, far behind, then those that cannot be computed.
        string[] order = ["已达标", "进度正常", "略有滞后", "明显滞后", "无法计算"];
        var lights = page.Locator(".indicator-list tbody .attainment");
        await Expect(lights).ToHaveCountAsync(binding.Count);
        // The header shows the sort at once, the sorted rows come with the next load: wait for them (or fail below).
        await page.WaitForFunctionAsync($$"""
            () => {
                const order = {{System.Text.Json.JsonSerializer.Serialize(order)}};
                const shown = [...document.querySelectorAll('.indicator-list tbody .attainment')].map(t => order.indexOf(t.innerText.trim()));
                return shown.every((v, i) => i === 0 || shown[i - 1] <= v);
            }
            """, null, new() { Timeout = 15_000 }).ContinueWith(_ => { }, TestContext.Current.CancellationToken);
        var shown = (await lights.AllInnerTextsAsync()).Select(l => Array.IndexOf(order, l.Trim())).ToList();
        Assert.DoesNotContain(-1, shown);
        Assert.Equal(shown.Order(), shown);
        Assert.True(shown.Distinct().Count() > 1, "the demo county's indicators stand at more than one light, so the order shows");

        var search = page.Locator(".indicator-filter-search input, input.indicator-filter-search").First;
        await search.FillAsync("社工");
        await search.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("search=.*sort=light"));
        var named = binding.Count(n => n.Contains("社工", StringComparison.Ordinal));
        Assert.InRange(named, 1, binding.Count - 1);
        await Expect(rows).ToHaveCountAsync(named);
        await Expect(page.Locator(".list-export")).ToHaveAttributeAsync("href", new Regex("search=.*sort=light"));

        await rows.First.Locator("a.indicator-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/indicators/\d+$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("search=.*sort=light"));
        await Expect(search).ToHaveValueAsync("社工");
        await Expect(rows).ToHaveCountAsync(named);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_officers_region_filter_opens_on_the_county_not_the_province()
    {
        await using var db = app.OpenDb();
        var county = await db.Regions.Where(r => r.Code == County + "000000").Select(r => r.Name).SingleAsync(TestContext.Current.CancellationToken);
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await page.OpenAsync("/workforce/social-workers");
        await Expect(page.Locator(".list-filters .region-cascader-select.level-county")).ToContainTextAsync(county);
        // The next step down is the county's townships.
        await Expect(page.Locator(".list-filters .region-cascader-select.level-township")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_empty_list_says_why_and_shows_no_page_zero()
    {
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await page.OpenAsync("/stations?search=" + Uri.EscapeDataString("没有这个站点"));
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync("共 0 个站点");
        await Expect(page.Locator(".list-empty")).ToContainTextAsync("没有符合筛选条件的记录");
        await Expect(page.Locator(".list-pager")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
