using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Linkage;

/// <summary>A volunteer registers and logs hours on a 390 × 844 phone; the station approves on its page in between.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class VolunteerPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_volunteer_registers_on_a_phone_is_approved_signs_in_with_their_phone_and_logs_hours()
    {
        string stationName;
        await using (var db = app.OpenDb())
        {
            stationName = await db.Stations.Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating)
                .OrderBy(s => s.RegionCode).Select(s => s.Name).FirstAsync(Ct);
        }
        const string first17 = "51010419991231777";
        var idNumber = first17 + CitizenId.CheckCharacterOf(first17);
        const string phone = "19987654321";
        const string password = "Helper@2024!";

        var page = await app.NewAnonymousPageAsync(390, 844);
        await page.GotoAsync($"/volunteer/register?q={Uri.EscapeDataString(stationName)}");
        await page.Locator(".station-choices input[type=radio]").First.CheckAsync();
        await page.FillAsync(".volunteer-name", "手机报名志愿者");
        await page.FillAsync(".volunteer-id", idNumber);
        await page.FillAsync(".volunteer-phone", phone);
        await page.FillAsync(".volunteer-password", password);
        await page.FillAsync(".volunteer-skills", "理发、陪伴");
        Assert.False(await page.ScrollsSidewaysAsync(), "the registration page scrolls sideways at 390 px");
        // Without consent: a clear error beside the box, and nothing saved.
        await page.ClickAsync(".volunteer-register-submit");
        await Expect(page.Locator(".field-error").First).ToContainTextAsync("同意");
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Set<Volunteer>().AnyAsync(v => v.Name == "手机报名志愿者", Ct));
        }
        await page.FillAsync(".volunteer-password", password);
        await page.CheckAsync(".volunteer-consent");
        await page.ClickAsync(".volunteer-register-submit");
        await Expect(page.Locator(".volunteer-thanks")).ToContainTextAsync("编号");

        int id;
        await using (var db = app.OpenDb())
        {
            id = await db.Set<Volunteer>().Where(v => v.Name == "手机报名志愿者").Select(v => v.Id).SingleAsync(Ct);
        }
        var staff = await app.NewPageAsync();
        await staff.OpenAsync($"/volunteers/{id}");
        await Expect(staff.Locator(".volunteer-status")).ToHaveTextAsync("待审核");
        await staff.ClickAsync(".volunteer-approve");
        await Expect(staff.Locator(".volunteer-status")).ToHaveTextAsync("已通过");

        var phonePage = await app.NewAnonymousPageAsync(390, 844);
        await phonePage.GotoAsync("/account/signin");
        await phonePage.FillAsync("input[name=userName]", phone);
        await phonePage.FillAsync("input[name=password]", password);
        await phonePage.ClickAsync("button[type=submit]");
        await phonePage.WaitForURLAsync(url => url.EndsWith("/my/volunteer", StringComparison.Ordinal));
        await Expect(phonePage.Locator(".volunteer-me-name")).ToHaveTextAsync("手机报名志愿者");
        await phonePage.FillAsync(".hour-hours", "2.5");
        await phonePage.FillAsync(".hour-activity", "敬老院理发");
        await phonePage.ClickAsync(".hour-save");
        await Expect(phonePage.Locator(".volunteer-logged")).ToBeVisibleAsync();
        await Expect(phonePage.Locator(".volunteer-hour").First).ToContainTextAsync("敬老院理发");
        await Expect(phonePage.Locator(".volunteer-hour").First).ToContainTextAsync("待确认");
        await Expect(phonePage.Locator(".volunteer-pending")).ToHaveTextAsync("2.5");
        Assert.False(await phonePage.ScrollsSidewaysAsync(), "the volunteer's page scrolls sideways at 390 px");
    }
}
