using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shegong.Tests.Browser;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Services;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Requests;

/// <summary>A request through every step on the request page, on a phone: raised, triaged, assigned, visited, completed, rated.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class RequestStepsPageTests(BrowserApp app)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_takes_a_request_from_raised_to_completed_and_records_the_satisfaction()
    {
        var villageName = await RequestPageSteps.AddResidentForDemoWorkerAsync(app, "步骤测试刘奶奶", new DateOnly(1941, 4, 4), Ct);
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await page.OpenAsync("/service-requests/new");
        await page.PickVillageAndResidentAsync(villageName, "刘奶奶", "步骤测试刘奶奶");
        await page.Locator("textarea.field-need").FillAsync("需要上门协助申请临时救助");
        await page.Locator(".save-request").ClickAsync();
        await page.WaitForURLAsync(url => Regex.IsMatch(url, @"/service-requests/\d+$"));
        var id = int.Parse(Regex.Match(page.Url, @"/service-requests/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var status = page.Locator(".request-status");
        await Expect(status).ToHaveTextAsync("待分诊");

        await ChooseAsync(page, "triage");
        await page.Locator("select.field-category").SelectOptionAsync(nameof(ServiceCategory.SocialAssistance));
        await Expect(page.Locator("select.field-category")).ToHaveValueAsync(nameof(ServiceCategory.SocialAssistance));
        await page.Locator("button.do-step").ClickAsync();
        await Expect(status).ToHaveTextAsync("待派单");

        await ChooseAsync(page, "assign");
        var worker = page.Locator("select.field-worker");
        await worker.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(worker).Not.ToHaveValueAsync("");
        await page.Locator("button.do-step").ClickAsync();
        await Expect(status).ToHaveTextAsync("待上门");

        await ChooseAsync(page, "visit");
        await page.Locator("input.field-note").FillAsync("已上门了解情况");
        await page.Locator("button.do-step").ClickAsync();
        await Expect(status).ToHaveTextAsync("待办结");

        await ChooseAsync(page, "complete");
        await page.Locator("textarea.field-content").FillAsync("协助填写临时救助申请并递交");
        await page.Locator("button.do-step").ClickAsync();
        await Expect(status).ToHaveTextAsync("已办结");

        await ChooseAsync(page, "rate");
        await page.Locator("button.score-4").ClickAsync();
        await Expect(page.Locator("button.score-4.chosen")).ToBeVisibleAsync();
        await page.Locator("input.field-note").FillAsync("很及时");
        await page.Locator("button.do-step").ClickAsync();
        // Rated: the choice is cleared, and the score shows at once (not only after some later click).
        await page.ScreenshotAsync("request-rated-phone");
        await Expect(page.Locator("button.do-step")).ToHaveCountAsync(0);
        await Expect(page.Locator(".request-detail")).ToContainTextAsync("4 很及时");
        await Expect(page.Locator(".request-steps")).ToContainTextAsync("办结");
        Assert.False(await page.ScrollsSidewaysAsync(), "the request page scrolls sideways on a 390 px phone");
        await page.Context.CloseAsync();

        await using var check = app.OpenDb();
        var saved = await check.ServiceRequests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal((RequestStatus.Completed, 4, ServiceCategory.SocialAssistance), (saved.Status, saved.Satisfaction, saved.Category));
        Assert.NotNull(saved.ServiceRecordId);
    }

    /// <summary>Picks a step and waits until the page shows it picked, so its fields belong to that step.</summary>
    private static async Task ChooseAsync(IPage page, string step)
    {
        await page.Locator($"button.step-{step}").ClickAsync();
        await Expect(page.Locator($"button.step-{step}.ant-btn-primary")).ToBeVisibleAsync();
        await Expect(page.Locator("button.do-step")).ToBeVisibleAsync();
    }
}
