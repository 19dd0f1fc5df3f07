using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Tests.GroupWork;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.Regions;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Linkage;

/// <summary>
/// The demo township worker links part of a donation to a resident found by name, from the donation's page and from the
/// resident's page ("链接捐赠"); an amount over the balance is refused in Chinese beside the field and saves nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class DonationLinkPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Donation, int Resident, string DonorName)> ArrangeAsync(string residentName, string donorName)
    {
        int stationId;
        string village;
        await using (var db = app.OpenDb())
        {
            stationId = await db.Users.Where(u => u.UserName == "demo-worker").Select(u => u.StationId!.Value).SingleAsync(Ct);
            var station = await db.Stations.Where(s => s.Id == stationId).Select(s => s.RegionCode).SingleAsync(Ct);
            var (low, high) = RegionCode.SubtreeRange(station);
            village = await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
        }
        var resident = (await GroupWorkSamples.ResidentsAsync(app, village, [residentName]))[0];
        var donor = (await (await app.Client.PostJsonAsync("/api/donors", DonationApp.DonorForm(stationId, donorName))).ReadAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var donation = (await (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donor, stationId, 1000m, "2025-01-10")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        return (donation, resident, donorName);
    }

    private async Task<int> LinksAsync(int donation)
    {
        await using var db = app.OpenDb();
        return await db.Set<DonationLink>().CountAsync(l => l.DonationId == donation, Ct);
    }

    [Fact]
    public async Task A_station_worker_links_an_amount_to_a_resident_picked_by_search_and_an_over_balance_amount_saves_nothing()
    {
        var (donation, _, _) = await ArrangeAsync("链捐测试龚奶奶", "链捐测试爱心超市");
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password);
        await page.OpenAsync($"/donations/{donation}");
        await Expect(page.Locator(".donation-balance")).ToHaveTextAsync("1,000.00");

        await page.Locator(".link-target-search").PressSequentiallyAsync("链捐测试龚");
        await page.Locator(".link-target-choice", new() { HasTextString = "链捐测试龚奶奶" }).ClickAsync();
        await Expect(page.Locator(".picked-target")).ToContainTextAsync("链捐测试龚奶奶");
        await page.FillAsync(".link-amount", "300");
        await page.PickDateAsync(".link-date", "2025-06-01");
        await page.ClickAsync(".link-save");
        await Expect(page.Locator(".donation-balance")).ToHaveTextAsync("700.00");
        await Expect(page.Locator(".donation-links")).ToContainTextAsync("链捐测试龚奶奶");
        await Expect(page.Locator(".donation-links")).ToContainTextAsync("300.00");

        await page.Locator(".link-target-search").PressSequentiallyAsync("链捐测试龚");
        await page.Locator(".link-target-choice", new() { HasTextString = "链捐测试龚奶奶" }).ClickAsync();
        await page.FillAsync(".link-amount", "800");
        await page.PickDateAsync(".link-date", "2025-06-02");
        await page.ClickAsync(".link-save");
        await Expect(page.Locator(".field-error[data-field=amountYuan]")).ToContainTextAsync("余额");
        await Expect(page.Locator(".donation-balance")).ToHaveTextAsync("700.00");
        Assert.Equal(1, await LinksAsync(donation));
        await page.ScreenshotAsync("donation-link-over-balance");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Link_a_donation_from_the_residents_page_chooses_a_donation_with_a_balance()
    {
        var (donation, resident, donorName) = await ArrangeAsync("链捐测试严爷爷", "链捐测试粮油店");
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await page.OpenAsync($"/residents/{resident}");
        await page.ClickAsync("a.link-donation");
        await page.WaitForURLAsync(url => url.EndsWith($"/linkage/resident/{resident}/link-donation", StringComparison.Ordinal));
        await Expect(page.Locator(".link-donation-need")).ToContainTextAsync("链捐测试严爷爷");
        var choice = page.Locator(".open-donation", new() { HasTextString = donorName });
        await Expect(choice).ToContainTextAsync("1,000.00");
        await choice.Locator("input").CheckAsync();
        await page.FillAsync(".link-amount", "1000.01");
        await page.PickDateAsync(".link-date", "2025-06-01");
        await page.ClickAsync(".link-save");
        await Expect(page.Locator(".field-error[data-field=amountYuan]")).ToContainTextAsync("余额");
        Assert.Equal(0, await LinksAsync(donation));
        Assert.False(await page.ScrollsSidewaysAsync(), "the link-a-donation page scrolls sideways at 390 px");

        await page.FillAsync(".link-amount", "250");
        await page.ClickAsync(".link-save");
        await page.WaitForURLAsync(url => url.EndsWith($"/linkage/resident/{resident}", StringComparison.Ordinal));
        await Expect(page.Locator(".linked-donations")).ToContainTextAsync(donorName);
        await Expect(page.Locator(".linked-donations")).ToContainTextAsync("250.00");
        Assert.Equal(1, await LinksAsync(donation));
        await page.Context.CloseAsync();
    }
}
