using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shegong.Tests.Browser;
using Shegong.Tests.GroupWork;
using Shegong.Web.Features.Activities;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Activities;

/// <summary>The activity pages on a phone: the form fits 390 px, names a resident, and the detail page takes a photo as evidence.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class ActivityPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A 1×1 PNG (a real one: the browser decodes it as the thumbnail).</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_activity_entered_on_a_phone_names_a_resident_and_shows_an_uploaded_photo()
    {
        var place = await GroupWorkSamples.PlaceAsync(app, "欧阳淑芬");
        var page = await app.NewPageAsync(390, 844);
        await page.OpenAsync("/activities/new");
        Assert.False(await page.ScrollsSidewaysAsync(), "the activity form scrolls sideways at 390 px");

        await page.FillAsync(".activity-title", "重阳节敬老茶话会");
        await page.PickDateAsync(".activity-date", "2025-10-29");
        await page.SelectOptionAsync(".activity-station", place.StationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=activity-village] input").PressSequentiallyAsync(place.VillageName);
        await page.Locator("[data-testid=activity-village] .picker-choice", new() { HasTextString = place.VillageName }).First.ClickAsync();
        await Expect(page.Locator("[data-testid=activity-village] .picked-village")).ToContainTextAsync(place.VillageName);
        await page.ClickAsync(".activity-category button[data-value=ElderlyAndChildCare]");
        await page.FillAsync(".activity-participants", "25");
        await page.Locator("[data-testid=activity-residents] input").PressSequentiallyAsync("欧阳淑芬");
        await page.Locator("[data-testid=activity-residents] .picker-choice", new() { HasTextString = "欧阳淑芬" }).ClickAsync();
        await Expect(page.Locator("[data-testid=activity-residents] .picked-resident")).ToHaveTextAsync("欧阳淑芬");
        await page.Locator(".activity-workers button").First.ClickAsync();
        await page.FillAsync(".activity-volunteers", "党员志愿服务队");
        Assert.False(await page.ScrollsSidewaysAsync(), "the filled activity form scrolls sideways at 390 px");
        await page.ScreenshotAsync("activity-form-390");
        await page.ClickAsync(".activity-save");

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/activities/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("重阳节敬老茶话会");
        await Expect(page.Locator(".activity-participants")).ToContainTextAsync("欧阳淑芬");
        // One named participant and 24 more: 25 person-times.
        await Expect(page.Locator(".activity-person-times")).ToHaveTextAsync("25");

        // A file of a kind not allowed is refused in Chinese; the photo is taken and shown as a thumbnail.
        await page.SetInputFilesAsync(".evidence-input", new FilePayload { Name = "说明.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Expect(page.Locator(".evidence-error")).ToContainTextAsync("只能上传");
        await page.SetInputFilesAsync(".evidence-input", new FilePayload { Name = "合影.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.Locator(".evidence-file")).ToHaveCountAsync(1);
        await Expect(page.Locator(".evidence-name")).ToHaveTextAsync("合影.png");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.evidence-thumb'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.False(await page.ScrollsSidewaysAsync(), "the activity page scrolls sideways at 390 px");
        await page.ScreenshotAsync("activity-detail-390");

        var id = int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.OpenDb();
        var saved = await db.Set<CommunityActivity>().Include(a => a.Participants).Include(a => a.Files).Include(a => a.Record).SingleAsync(a => a.Id == id, Ct);
        Assert.Equal((place.VillageCode, 25, 25), (saved.RegionCode, saved.ParticipantCount, saved.Record.PersonTimes));
        Assert.Equal(place.ResidentIds, saved.Participants.Select(p => p.ResidentId));
        Assert.Equal("合影.png", Assert.Single(saved.Files).FileName);
        await page.Context.CloseAsync();
    }
}
