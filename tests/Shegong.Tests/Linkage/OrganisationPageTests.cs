using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Tests.GroupWork;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Linkage.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Linkage;

/// <summary>The organisation pages on a phone, over the demo data (whose organisations match the province's seed figure).</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class OrganisationPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_reproduces_the_provinces_2129_organisations_at_every_stage_and_2424_volunteer_teams()
    {
        var figures = await app.Client.GetFromJsonAsync<JsonElement>("/api/linkage/figures?region=510000000000", Ct);
        // Other tests of the collection add a few of their own.
        Assert.InRange(figures.GetProperty("organisationsIncubated").GetInt32(), 2129, 2129 * 105 / 100);
        Assert.InRange(figures.GetProperty("volunteerTeamsFormed").GetInt32(), 2424, 2424 * 105 / 100);
        Assert.InRange(figures.GetProperty("volunteerTeamsActive").GetInt32(), 1, figures.GetProperty("volunteerTeamsFormed").GetInt32() - 1);
        foreach (var stage in Enum.GetNames<OrganisationStage>())
        {
            Assert.True(figures.GetProperty("organisationsByStage").GetProperty(stage).GetInt32() > 100, stage);
        }
    }

    [Fact]
    public async Task An_organisation_entered_on_a_phone_is_filed_then_registered_with_its_credit_code()
    {
        var place = await GroupWorkSamples.PlaceAsync(app);
        var page = await app.NewPageAsync(390, 844);
        await page.OpenAsync("/organisations/new");
        Assert.False(await page.ScrollsSidewaysAsync(), "the organisation form scrolls sideways at 390 px");
        await page.FillAsync(".organisation-name", "手机录入睦邻互助会");
        await page.ClickAsync(".organisation-type button[data-value=Informal]");
        await page.SelectOptionAsync(".organisation-station", place.StationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=organisation-village] input").PressSequentiallyAsync(place.VillageName);
        await page.Locator("[data-testid=organisation-village] .picker-choice", new() { HasTextString = place.VillageName }).First.ClickAsync();
        await page.FillAsync(".organisation-leader", "赵桂兰");
        await page.FillAsync(".organisation-members", "18");
        await page.PickDateAsync(".organisation-incubated", "2024-03-01");
        await page.ClickAsync(".organisation-save");

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/organisations/\d+$"));
        await Expect(page.Locator(".organisation-stage")).ToHaveTextAsync("培育中");
        await page.PickDateAsync(".organisation-move-date", "2024-05-01");
        await page.ClickAsync(".organisation-move-save");
        await Expect(page.Locator(".organisation-stage")).ToHaveTextAsync("街道备案");

        // A wrong check character is refused beside the field; the right code registers it.
        var code = CreditCodes.Make(7707);
        await page.PickDateAsync(".organisation-move-date", "2024-09-01");
        await page.FillAsync(".organisation-credit-code", code[..17] + (code[17] == '0' ? '1' : '0'));
        await page.ClickAsync(".organisation-move-save");
        await Expect(page.Locator(".organisation-move .field-error")).ToContainTextAsync("校验位");
        await page.FillAsync(".organisation-credit-code", code);
        await page.ClickAsync(".organisation-move-save");
        await Expect(page.Locator(".organisation-stage")).ToHaveTextAsync("民政登记");
        Assert.False(await page.ScrollsSidewaysAsync(), "the organisation page scrolls sideways at 390 px");
        await page.ScreenshotAsync("organisation-registered-390");

        var id = int.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.OpenDb();
        var saved = await db.Set<CommunityOrganisation>().SingleAsync(o => o.Id == id, Ct);
        Assert.Equal((place.VillageCode, OrganisationType.Informal, 18, code), (saved.RegionCode, saved.Type, saved.MemberCount, saved.CreditCode));
        await page.Context.CloseAsync();
    }
}
