using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shegong.Tests.Browser;
using Shegong.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Statistics;

/// <summary>
/// The province's home page is its dashboard: the demo year's figures are the seed's published ones (within 5%),
/// a figure opens the records that make it (their person-times add up to it), and a child region drills down.
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class DashboardPageTests(BrowserApp app)
{
    private const string DemoYear = "from=2025-01-01&to=2025-12-31";

    private static async Task<decimal> FigureAsync(IPage page, string name)
    {
        var text = await page.Locator($".figure-{name} .ant-statistic-content").InnerTextAsync();
        return decimal.Parse(new string(text.Where(c => char.IsAsciiDigit(c) || c == '.').ToArray()), CultureInfo.InvariantCulture);
    }

    /// <summary>The province's year is counted when the page is live; on a busy test machine that takes a while.</summary>
    private static Task FiguresShownAsync(IPage page) =>
        page.Locator("[data-testid=dashboard-figures]").WaitForAsync(new() { Timeout = 90_000 });

    [Fact]
    public async Task The_province_dashboard_shows_the_seed_figures_and_a_figure_opens_its_records()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/?" + DemoYear);
        await FiguresShownAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("四川省社会工作服务");
        await Expect(page.Locator(".period-shown")).ToContainTextAsync("2025-01-01 至 2025-12-31");

        // The seed's published figures for a year (other tests add a few records of their own: within 5%).
        var published = new Dictionary<string, decimal>
        {
            ["assistance"] = 64_500,
            ["care"] = 191_400,
            ["industry"] = 3_388,
            ["activities"] = 8_298,
            ["yuan"] = 28_460_000,
            ["person-times"] = 2_500_000,
            ["stations"] = 4_446,
            ["organisations"] = 2_129,
            ["teams"] = 2_424,
        };
        foreach (var (name, value) in published)
        {
            var shown = await FigureAsync(page, name);
            Assert.True(Math.Abs(shown - value) <= value * 0.05m, $"{name}: the dashboard shows {shown}, the seed published {value}");
        }
        Assert.True(await FigureAsync(page, "workers") >= 5_000 * 0.95m);
        // Registered volunteers are the approved ones, counted live.
        await using (var db = app.OpenDb())
        {
            var approved = await db.Set<Shegong.Web.Features.Linkage.Volunteers.Volunteer>().IgnoreQueryFilters()
                .CountAsync(v => v.Status == Shegong.Web.Features.Linkage.Volunteers.VolunteerStatus.Approved, TestContext.Current.CancellationToken);
            Assert.True(approved > 0);
            Assert.Equal(approved, await FigureAsync(page, "volunteers"));
        }
        // The charts and the ranking of the 21 cities (and prefectures).
        await Expect(page.Locator("[data-testid=dashboard-trend] :is(canvas, svg)").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=coverage-map] svg").First).ToBeVisibleAsync();
        await Expect(page.Locator(".dashboard-ranking tbody tr")).ToHaveCountAsync(21);
        await page.ScreenshotAsync("dashboard-province");

        // Drill-through: the care figure opens its records, whose person-times add up to it.
        var care = await FigureAsync(page, "care");
        await page.ClickAsync("[data-figure=care]");
        await page.WaitForURLAsync(url => url.Contains("/service-records?", StringComparison.Ordinal) && url.Contains("category=ElderlyAndChildCare", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=record-figures]")).ToContainTextAsync($"服务人次 {care.ToString("N0", CultureInfo.InvariantCulture)}",
            new() { Timeout = 60_000 });

        // Drill-down: the first city in the ranking opens its own dashboard, for the same period, under the province's crumb.
        await page.GoBackAsync();
        await FiguresShownAsync(page);
        var city = page.Locator(".dashboard-ranking tbody tr").First.Locator("a");
        var cityName = await city.InnerTextAsync();
        await city.ClickAsync();
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync("四川省社会工作服务");
        await FiguresShownAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{cityName}社会工作服务");
        await Expect(page.Locator(".period-shown")).ToContainTextAsync("2025-01-01 至 2025-12-31");
        await Expect(page.Locator(".page-crumbs")).ToContainTextAsync("四川省");
    }

    [Fact]
    public async Task Volunteer_hours_and_emergency_figures_open_the_lists_that_add_up_to_them()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/?" + DemoYear);
        await FiguresShownAsync(page);
        // No emergency reported in the demo year: its figures are left out rather than shown as a row of zeros.
        await Expect(page.Locator(".figure-emergency-screening")).ToHaveCountAsync(0);
        var hours = await FigureAsync(page, "volunteer-hours");
        Assert.True(hours > 0);
        await Expect(page.Locator("[data-testid=dashboard-trend] :is(canvas, svg)").First).ToBeVisibleAsync();
        await page.ClickAsync("[data-figure=volunteer-hours]");
        await page.WaitForURLAsync(url => url.Contains("/volunteer-hours?", StringComparison.Ordinal) && url.Contains("status=Confirmed", StringComparison.Ordinal));
        var line = page.Locator("[data-testid=hour-figures]");
        await Expect(line).ToContainTextAsync("小时", new() { Timeout = 60_000 });
        var listed = decimal.Parse(System.Text.RegularExpressions.Regex.Match(await line.InnerTextAsync(), @"合计 ([\d,.]+) 小时").Groups[1].Value.Replace(",", ""),
            CultureInfo.InvariantCulture);
        Assert.Equal(hours, Math.Round(listed, 0, MidpointRounding.AwayFromZero));
        await Expect(page.Locator(".hour-list tbody tr").First).ToContainTextAsync("已确认");

        // The demo's epidemic of September 2022: its screening figure opens the stations' daily reports, which add up to it.
        // A fresh page (closing this one first): a full reload of a live page can report its closing circuit as an error.
        await page.CloseAsync();
        page = await app.NewPageAsync();
        await page.OpenAsync("/?from=2022-01-01&to=2022-12-31");
        await FiguresShownAsync(page);
        await Expect(page.Locator("[data-testid=dashboard-trend] :is(canvas, svg)").First).ToBeVisibleAsync();
        var screened = await FigureAsync(page, "emergency-screening");
        Assert.True(screened > 0);
        await page.ClickAsync("[data-figure=emergency-screening]");
        await page.WaitForURLAsync(url => url.Contains("/emergency-reports?", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=emergency-report-figures]")).ToContainTextAsync($"排查 {screened.ToString(CultureInfo.InvariantCulture)}，",
            new() { Timeout = 60_000 });
        await Expect(page.Locator(".emergency-report-list tbody tr").First).ToContainTextAsync("2022年9月疫情防控");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_county_official_sees_their_county_and_cannot_open_the_province()
    {
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await page.OpenAsync("/?" + DemoYear);
        await FiguresShownAsync(page);
        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.DoesNotContain("四川省", heading);
        Assert.EndsWith("社会工作服务", heading);
        // A county has no map of its townships' coverage here, and no count of fully covered counties.
        await Expect(page.Locator(".figure-full-counties")).ToHaveCountAsync(0);
        await Expect(page.Locator(".dashboard-ranking tbody tr").First).ToBeVisibleAsync();

        await page.OpenAsync("/?region=510000000000&" + DemoYear);
        await Expect(page.Locator(".dashboard-error")).ToContainTextAsync("510000000000");
        await Expect(page.Locator("[data-testid=dashboard-figures]")).ToHaveCountAsync(0);
    }
}
