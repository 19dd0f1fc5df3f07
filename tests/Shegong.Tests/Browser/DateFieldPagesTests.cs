using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.GroupWork;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Linkage;
using Shegong.Web.Features.Linkage.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

/// <summary>
/// Every date box is Ant Design's picker in one format, yyyy-MM-dd (issue 8): a typed date is saved and shown back
/// as typed, Enter in the box confirms the date without submitting the form, and a list's date filters live in the URL.
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class DateFieldPagesTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_date_typed_with_Enter_does_not_submit_the_form_and_is_saved_and_shown_back_as_yyyy_MM_dd()
    {
        var place = await GroupWorkSamples.PlaceAsync(app);
        var name = "日期测试互助会" + Guid.NewGuid().ToString("N")[..4];
        var page = await app.NewPageAsync();
        await page.OpenAsync("/organisations/new");
        // The picker speaks the UI's language and offers the one format.
        await Expect(page.Locator(".organisation-incubated input")).ToHaveAttributeAsync("placeholder", "请选择日期");
        await page.FillAsync(".organisation-name", name);
        await page.ClickAsync(".organisation-type button[data-value=Informal]");
        await page.SelectOptionAsync(".organisation-station", place.StationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=organisation-village] input").PressSequentiallyAsync(place.VillageName);
        await page.Locator("[data-testid=organisation-village] .picker-choice", new() { HasTextString = place.VillageName }).First.ClickAsync();
        await page.FillAsync(".organisation-leader", "钱淑华");
        await page.FillAsync(".organisation-members", "12");

        // The form is complete: Enter in the date box would save it if it submitted the form. It only takes the date.
        var incubated = page.Locator(".organisation-incubated input");
        await incubated.FillAsync("2024-03-01");
        await incubated.PressAsync("Enter");
        await Expect(incubated).ToHaveValueAsync("2024-03-01");
        await Assert.ThrowsAsync<TimeoutException>(() => page.WaitForURLAsync(new Regex(@"/organisations/\d+$"), new() { Timeout = 2000 }));
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Set<CommunityOrganisation>().AnyAsync(o => o.Name == name, Ct));
        }

        await page.Locator("h1").ClickAsync();
        await page.ClickAsync(".organisation-save");
        await page.WaitForURLAsync(new Regex(@"/organisations/\d+$"));
        await page.Locator("h1[data-interactive]").WaitForAsync();
        await using (var db = app.OpenDb())
        {
            Assert.Equal(new DateOnly(2024, 3, 1), await db.Set<CommunityOrganisation>().Where(o => o.Name == name).Select(o => o.IncubatedOn).SingleAsync(Ct));
        }
        // Shown back in the same format, in the form and on the record.
        await Expect(page.Locator(".organisation-incubated input")).ToHaveValueAsync("2024-03-01");
        await Expect(page.Locator(".ant-descriptions tr", new() { HasTextString = "开始培育" })).ToContainTextAsync("2024-03-01");
        Assert.DoesNotContain("2024年3月1日", await page.ContentAsync());
    }

    [Fact]
    public async Task A_lists_date_filters_write_the_url_and_come_back_from_it()
    {
        int stationId;
        await using (var db = app.OpenDb())
        {
            stationId = await db.Users.Where(u => u.UserName == "demo-worker").Select(u => u.StationId!.Value).SingleAsync(Ct);
        }
        var donor = (await (await app.Client.PostJsonAsync("/api/donors", DonationApp.DonorForm(stationId, "日期筛选测试企业" + Guid.NewGuid().ToString("N")[..4])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        foreach (var day in new[] { "2025-03-15", "2025-04-15" })
        {
            (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donor, stationId, 500m, day))).EnsureSuccessStatusCode();
        }
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/donations?donorId={donor}&from=2025-03-01");
        await Expect(page.Locator(".donation-filter-from input")).ToHaveValueAsync("2025-03-01");
        var days = page.Locator(".donation-list tbody tr.ant-table-row td:first-child a");
        await Expect(days).ToHaveTextAsync(["2025-04-15", "2025-03-15"]);

        await page.PickDateAsync(".donation-filter-to", "2025-03-31");
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]to=2025-03-31"));
        Assert.Contains("from=2025-03-01", page.Url, StringComparison.Ordinal);
        await Expect(days).ToHaveTextAsync(["2025-03-15"]);

        // Opened again from its address, the list shows the same period in its boxes.
        await page.OpenAsync(page.Url);
        await Expect(page.Locator(".donation-filter-from input")).ToHaveValueAsync("2025-03-01");
        await Expect(page.Locator(".donation-filter-to input")).ToHaveValueAsync("2025-03-31");
        await Expect(days).ToHaveTextAsync(["2025-03-15"]);
    }

    [Fact]
    public async Task The_dashboards_period_is_picked_in_its_date_boxes_and_becomes_the_url()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/?from=2025-01-01&to=2025-12-31");
        await Expect(page.Locator(".period-from input")).ToHaveValueAsync("2025-01-01");
        await Expect(page.Locator(".period-to input")).ToHaveValueAsync("2025-12-31");

        await page.PickDateAsync(".period-from", "2025-03-01");
        await Expect(page).ToHaveURLAsync(new Regex(@"from=2025-03-01"));
        await Expect(page.Locator(".period-shown")).ToContainTextAsync("2025-03-01 至 2025-12-31");
        await Expect(page.Locator(".period-to input")).ToHaveValueAsync("2025-12-31");
    }
}
