using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Requests;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Requests;

/// <summary>A worker on a phone (390×844) raises a request on a resident's behalf; it then shows in the request list.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class RaiseRequestPageTests(BrowserApp app)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_raises_a_request_for_a_resident_on_a_phone_and_it_shows_in_the_list()
    {
        var villageName = await RequestPageSteps.AddResidentForDemoWorkerAsync(app, "申请测试周奶奶", new DateOnly(1939, 1, 9), Ct);
        var before = await CountAsync();
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await page.OpenAsync("/service-requests");
        await page.Locator("a.new-request").ClickAsync();
        await page.Locator("h1[data-interactive]").WaitForAsync();

        // Nothing chosen yet: the reasons show at their fields, and nothing is saved.
        await page.Locator(".save-request").ClickAsync();
        await Expect(page.Locator(".field-error[data-field=villageCode]")).ToBeVisibleAsync();
        await Expect(page.Locator(".field-error[data-field=need]")).ToBeVisibleAsync();
        Assert.Equal(before, await CountAsync());

        await page.PickVillageAndResidentAsync(villageName, "周奶奶", "申请测试周奶奶");
        await page.Locator("input.field-phone").FillAsync("13900139000");
        await page.Locator("textarea.field-need").FillAsync("腿脚不便，需要上门代办医保报销");
        Assert.False(await page.ScrollsSidewaysAsync(), "the request form scrolls sideways on a 390 px phone");
        await page.ScreenshotAsync("demo-worker-raise-request-390");
        await page.Locator(".save-request").ClickAsync();

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/service-requests/\d+$"));
        await Expect(page.Locator(".request-status")).ToHaveTextAsync("待分诊");
        await Expect(page.Locator(".request-detail")).ToContainTextAsync("139****9000");
        await Expect(page.Locator("button.step-triage")).ToBeVisibleAsync();
        await page.OpenAsync("/service-requests");
        await Expect(page.Locator(".request-table")).ToContainTextAsync("申请测试周奶奶");
        Assert.False(await page.ScrollsSidewaysAsync(), "the request list scrolls sideways on a 390 px phone");
        await page.Context.CloseAsync();

        await using var check = app.OpenDb();
        var saved = await check.ServiceRequests.SingleAsync(r => r.ContactName == "申请测试周奶奶", Ct);
        Assert.Equal((RequestOrigin.OnBehalf, RequestStatus.Raised, "驻站社工（演示）"), (saved.Origin, saved.Status, saved.RaisedBy));
        Assert.NotNull(saved.ResidentId);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return await db.ServiceRequests.CountAsync(Ct);
    }
}
