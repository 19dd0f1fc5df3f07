using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class SignInPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_a_county_officer_then_sees_only_their_county()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = await app.NewAnonymousPageAsync();
        await anonymous.GotoAsync("/stations");
        Assert.Contains("/account/signin", anonymous.Url);
        await Expect(anonymous.Locator("input[name=password]")).ToBeVisibleAsync();

        await app.CreateAccountAsync("browser-county", AccountRole.CountyOfficer, "510104000000");
        await using var db = app.OpenDb();
        var inCounty = await db.Stations.CountAsync(s => s.RegionCode.StartsWith("510104"), ct);
        var page = await app.NewPageAsync("browser-county", TestApp.Password);
        await page.OpenAsync("/stations");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {inCounty} 个站点");
        var regions = await page.Locator(".station-table tbody tr.ant-table-row td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.StartsWith("成都市 / 锦江区", r.Trim()));
    }
}
