using System.Net;
using System.Text.RegularExpressions;
using Shegong.Tests.Browser;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Pilots;

/// <summary>The application list in a real browser: its filters live in the URL, and a county sees only its own county.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class PilotListPagesTests(BrowserApp app)
{
    [Fact]
    public async Task The_status_filter_survives_a_visit_to_an_application_and_Back_and_a_county_sees_only_its_own()
    {
        var batchId = await OpenBatchAsync("列表页面批次");
        await (await PilotFlow.ApplyAsync(await app.ClientAsync(AccountRole.CountyOfficer, PilotFlow.Jinjiang), batchId, PilotFlow.Jinjiang,
            PilotFlow.Jinguanyi)).ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);
        var qingyang = await (await PilotFlow.ApplyAsync(await app.ClientAsync(AccountRole.CountyOfficer, PilotFlow.Qingyang), batchId,
            PilotFlow.Qingyang, PilotFlow.Xiyuhe)).ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);
        await (await PilotFlow.ReviewAsync(await app.ClientAsync(AccountRole.CityOfficer, PilotFlow.Chengdu), qingyang.Id, "Approve"))
            .ReadAsync<PilotApplicationDetail>();

        var province = await app.NewPageAsync();
        await province.OpenAsync($"/pilots/applications?batchId={batchId}");
        var rows = province.Locator(".pilot-applications tbody tr.ant-table-row");
        await Expect(province.GetByTestId("list-total")).ToHaveTextAsync("共 2 条");
        await province.Locator(".application-filter-status").SelectOptionAsync("CityApproved");
        await Expect(province).ToHaveURLAsync(new Regex($"batchId={batchId}.*status=CityApproved"));
        await Expect(province.GetByTestId("list-total")).ToHaveTextAsync("共 1 条");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("青羊区");
        await Expect(province.Locator(".list-export")).ToHaveAttributeAsync("href", new Regex("status=CityApproved"));

        await rows.First.Locator("a.application-link").ClickAsync();
        await Expect(province).ToHaveURLAsync(new Regex($@"/pilots/applications/{qingyang.Id}$"));
        await Expect(province.Locator(".application-status")).ToHaveTextAsync("市级已通过");
        await province.GoBackAsync();
        await Expect(province).ToHaveURLAsync(new Regex($"batchId={batchId}.*status=CityApproved"));
        await Expect(province.Locator(".application-filter-status")).ToHaveValueAsync("CityApproved");
        await Expect(province.GetByTestId("list-total")).ToHaveTextAsync("共 1 条");
        await Expect(rows.First).ToContainTextAsync("青羊区");

        await app.CreateAccountAsync("pilot-list-county", AccountRole.CountyOfficer, regionCode: PilotFlow.Jinjiang);
        var county = await app.NewPageAsync("pilot-list-county", TestApp.Password);
        await county.OpenAsync($"/pilots/applications?batchId={batchId}");
        await Expect(county.GetByTestId("list-total")).ToHaveTextAsync("共 1 条");
        await Expect(county.Locator(".pilot-applications tbody tr.ant-table-row")).ToHaveCountAsync(1);
        await Expect(county.Locator(".pilot-applications tbody")).ToContainTextAsync("锦江区");
        await Expect(county.Locator(".pilot-applications tbody")).Not.ToContainTextAsync("青羊区");
        foreach (var page in new[] { province, county })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<int> OpenBatchAsync(string name)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var created = await app.Client.PostJsonAsync("/api/pilot-batches", new
        {
            year = 2031,
            name,
            budget = 500_000m,
            targetCounties = 2,
            targetTownships = 2,
            opensOn = today.AddDays(-1),
            closesOn = today.AddDays(10),
            standardSubsidy = 200_000m,
        });
        var batch = await created.ReadAsync<PilotBatchRow>(HttpStatusCode.Created);
        await (await app.Client.PostJsonAsync($"/api/pilot-batches/{batch.Id}/move", new { status = "Open", version = batch.Version }))
            .ReadAsync<PilotBatchRow>();
        return batch.Id;
    }
}
