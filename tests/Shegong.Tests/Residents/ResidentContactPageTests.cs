using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Residents;

/// <summary>A resident's phone changed through the edit page: shown masked, revealed only on request (and that reveal logged).</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class ResidentContactPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_new_phone_is_saved_shown_masked_and_a_bad_one_is_refused_at_its_field()
    {
        var ct = TestContext.Current.CancellationToken;
        string village;
        await using (var db = app.OpenDb())
        {
            village = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("510104018"))
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(ct);
        }
        var resident = await (await app.Client.PostJsonAsync("/api/residents", new
        {
            name = "联系方式测试张阿姨",
            birthDate = "1956-07-01",
            sex = "Female",
            regionCode = village,
            phone = "13800138000",
            address = "东湖街道1号",
        })).ReadAsync<ResidentDetail>(HttpStatusCode.Created);
        var page = await app.NewPageAsync(390, 844);

        await page.OpenAsync($"/residents/{resident.Id}/edit");
        var phone = page.Locator("input#phone");
        // The stored number is never put into the form: empty keeps it.
        await Expect(phone).ToHaveValueAsync("");
        await phone.FillAsync("12345");
        await page.Locator("button.resident-save").ClickAsync();
        await Expect(page.Locator(".ant-form-item").Filter(new() { Has = phone })).ToContainTextAsync("电话号码格式不正确");
        await Expect(page).ToHaveURLAsync(new Regex($@"/residents/{resident.Id}/edit$"));

        await phone.FillAsync("13912345678");
        await page.Locator("button.resident-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/residents/{resident.Id}$"));
        await Expect(page.Locator("#phone")).ToHaveTextAsync("139****5678");
        await Expect(page.Locator(".resident-facts")).Not.ToContainTextAsync("13912345678");
        Assert.False(await page.ScrollsSidewaysAsync(), "the resident page scrolls sideways at 390 px");

        await page.Locator("td:has(#phone) .resident-reveal").ClickAsync();
        await Expect(page.Locator("#phone")).ToHaveTextAsync("13912345678");
        await page.Context.CloseAsync();

        await using var check = app.OpenDb();
        var reveals = await check.AuditEntries.Where(a => a.Entity == "Resident" && a.EntityId == resident.Id.ToString() && a.Action == AuditAction.Revealed)
            .ToListAsync(ct);
        Assert.Single(reveals);
        Assert.DoesNotContain("13912345678", reveals[0].Changes ?? "");
    }
}
