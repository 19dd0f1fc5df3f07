using System.Net;
using Shegong.Tests.Browser;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Pilots;

/// <summary>The province's confirmation page in a real browser: flags, live totals, confirm and reject.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class PilotChoosingPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_province_confirms_and_rejects_townships_and_the_totals_follow()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var created = await app.Client.PostJsonAsync("/api/pilot-batches", new
        {
            year = 2030,
            name = "浏览器遴选批次",
            budget = 500_000m,
            targetCounties = 1,
            targetTownships = 2,
            opensOn = today.AddDays(-1),
            closesOn = today.AddDays(10),
            standardSubsidy = 200_000m,
        });
        var batch = await created.ReadAsync<PilotBatchRow>(HttpStatusCode.Created);
        await Move(batch.Id, "Open");
        var county = await app.ClientAsync(AccountRole.CountyOfficer, PilotFlow.Jinjiang);
        var application = await (await PilotFlow.ApplyAsync(county, batch.Id, PilotFlow.Jinjiang, PilotFlow.Jinguanyi, PilotFlow.Donghu))
            .ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);
        await (await PilotFlow.ReviewAsync(await app.ClientAsync(AccountRole.CityOfficer, PilotFlow.Chengdu), application.Id, "Approve"))
            .ReadAsync<PilotApplicationDetail>();
        await Move(batch.Id, "Reviewing");

        var page = await app.NewPageAsync();
        await page.OpenAsync($"/pilots/{batch.Id}/choosing");
        await Expect(page.Locator("h1")).ToHaveTextAsync("省级遴选");
        var rows = page.Locator(".pilot-choices tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator(".total-townships")).ToContainTextAsync("0");
        await Expect(page.Locator(".total-townships")).ToContainTextAsync("/ 2");
        await page.ScreenshotAsync("pilot-choosing");

        var jinguanyi = rows.Filter(new() { HasText = "锦官驿街道" });
        await jinguanyi.Locator("button.confirm-township").ClickAsync();
        await Expect(jinguanyi.Locator(".decision")).ToHaveTextAsync("已确认");
        await Expect(page.Locator(".total-yuan")).ToContainTextAsync("200,000");
        await Expect(page.Locator(".total-counties")).ToContainTextAsync("1");

        var donghu = rows.Filter(new() { HasText = "东湖街道" });
        await donghu.Locator("button.reject-township").ClickAsync();
        await Expect(donghu.Locator(".decision")).ToHaveTextAsync("未入选");
        await Expect(page.Locator("button.confirm-township")).ToHaveCountAsync(0);

        var detail = await (await app.Client.GetUrlAsync($"/api/pilot-applications/{application.Id}")).ReadAsync<PilotApplicationDetail>();
        Assert.Equal([TownshipDecision.Confirmed, TownshipDecision.Rejected], detail.Townships.Select(t => t.Decision).ToList());
        await page.Context.CloseAsync();
    }

    private async Task Move(int batchId, string status) =>
        await (await app.Client.PostJsonAsync($"/api/pilot-batches/{batchId}/move",
            new { status, version = await app.Client.VersionOfAsync($"/api/pilot-batches/{batchId}") })).ReadAsync<PilotBatchRow>();
}
