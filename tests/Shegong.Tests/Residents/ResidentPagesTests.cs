using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Regions;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Residents;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class ResidentPagesTests(BrowserApp app)
{
    [Fact]
    public async Task On_a_phone_the_form_shows_field_errors_in_place_warns_of_a_possible_duplicate_and_the_record_shows_who_looked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var villageRow = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("510104017"))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).FirstAsync(ct);
        var village = villageRow.Code;
        const string name = "浏览器测试居民";
        var existing = await app.Client.PostJsonAsync("/api/residents", new { name, birthDate = "1950-01-01", sex = "Female", regionCode = village });
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        var before = await db.Residents.CountAsync(ct);
        const string first17 = "51010419500101002";
        var wrong = first17 + (CitizenId.CheckCharacterOf(first17) == '0' ? '1' : '0');
        var page = await app.NewPageAsync(390, 844);

        await page.OpenAsync("/residents/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("新增服务对象");
        await page.Locator("input#name").FillAsync(name);
        await page.Locator("input#idNumber").FillAsync(wrong);
        await page.Locator("button.resident-save").ClickAsync();
        // Each error shows at its own field (the form item holding the input).
        Microsoft.Playwright.ILocator Item(string inner) => page.Locator(".ant-form-item").Filter(new() { Has = page.Locator(inner) });
        await Expect(Item("input#idNumber")).ToContainTextAsync("校验位");
        Assert.Equal(before, await db.Residents.CountAsync(ct));

        await page.Locator("input#idNumber").FillAsync("");
        await page.Locator("button.resident-save").ClickAsync();
        // Without an ID number the village, then the birth date and sex, are asked for at their fields.
        await Expect(Item("[data-testid=resident-village]")).ToContainTextAsync("请选择所在村（社区）");
        var search = page.Locator("[data-testid=resident-village] .region-cascader-search input, [data-testid=resident-village] input.region-cascader-search").First;
        await search.FillAsync(village);
        await search.PressAsync("Enter");
        await page.Locator("[data-testid=resident-village] .region-cascader-results li a").First.ClickAsync();
        // The choice is taken once its path shows; saving before that would still find no village.
        await Expect(page.Locator("[data-testid=resident-village] .region-cascader-path")).ToContainTextAsync(villageRow.Name);
        await page.Locator("button.resident-save").ClickAsync();
        await Expect(Item(".resident-field-birth")).ToContainTextAsync("须填写出生日期");
        await Expect(Item(".resident-field-sex")).ToContainTextAsync("须选择性别");
        Assert.Equal(before, await db.Residents.CountAsync(ct));

        await page.PickDateAsync(".resident-field-birth", "1950-01-01");
        await page.PickAsync(page.Locator(".resident-field-sex"), "女");
        await page.Locator("button.resident-save").ClickAsync();
        await Expect(page.Locator(".resident-duplicate")).ToContainTextAsync("可能是同一人");
        Assert.False(await page.ScrollsSidewaysAsync());
        await page.ScreenshotAsync("resident-form-duplicate-phone");
        Assert.Equal(before, await db.Residents.CountAsync(ct));

        await page.Locator("button.resident-save-anyway").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/residents/\d+$"));
        await Expect(page.Locator(".ant-message-success")).ToContainTextAsync("已保存");
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.Locator(".resident-view-count")).ToHaveTextAsync("共 1 次查阅");
        await Expect(page.Locator(".resident-views")).ToContainTextAsync("admin");
        Assert.False(await page.ScrollsSidewaysAsync());
        await page.ScreenshotAsync("resident-detail-phone");
        Assert.Equal(before + 1, await db.Residents.CountAsync(ct));

        await page.OpenAsync($"/residents?search={Uri.EscapeDataString(name)}");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync("共 2 条");
        await page.Context.CloseAsync();
    }
}
