using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Workforce.SocialWorkers;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed partial class SocialWorkerPagesTests(BrowserApp app)
{
    // 18 characters with a digit or X at the end and no mask: a full ID number somewhere in the page.
    [GeneratedRegex(@"\d{17}[\dX]")]
    private static partial Regex FullIdNumber();

    [Fact]
    public async Task Social_worker_list_shows_masked_real_workers_and_filters_the_rows_and_the_total()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var all = await db.SocialWorkers.CountAsync(ct);
        var seniors = await db.SocialWorkers.CountAsync(w => w.Certification == CertificationLevel.Senior, ct);
        var seniorWangs = await db.SocialWorkers.CountAsync(w => w.Certification == CertificationLevel.Senior && w.Name.Contains("王"), ct);
        Assert.True(all > 1000 && seniors is > 20 and < 1000 && seniorWangs < seniors, $"demo data changed: {all} / {seniors} / {seniorWangs}");
        var page = await app.NewPageAsync();

        await page.OpenAsync("/workforce/social-workers");
        await Expect(page.Locator("h1")).ToHaveTextAsync("社工队伍");
        var rows = page.Locator(".workforce-social-workers tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {all} 条");
        var firstName = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        Assert.True(await db.SocialWorkers.AnyAsync(w => w.Name == firstName, ct), $"'{firstName}' is not a social worker");
        await Expect(rows.First.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^\s*\d{6}\*{8}\d{3}[\dX]\s*$"));
        Assert.DoesNotMatch(FullIdNumber(), await page.ContentAsync());
        await page.ScreenshotAsync("workforce-social-workers");

        await page.PickAsync(page.Locator(".workforce-filter-certification"), "高级社会工作师");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {seniors} 条");
        await Expect(rows).ToHaveCountAsync(Math.Min(20, seniors));
        await Expect(rows.First.Locator("td").Nth(6)).ToHaveTextAsync("高级社会工作师");
        await Expect(rows.Last.Locator("td").Nth(6)).ToHaveTextAsync("高级社会工作师");

        await page.Locator(".workforce-filter-name input, input.workforce-filter-name").First.FillAsync("王");
        await page.Locator(".workforce-filter-name input, input.workforce-filter-name").First.PressAsync("Enter");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {seniorWangs} 条");
        await Expect(rows).ToHaveCountAsync(Math.Min(20, seniorWangs));
        if (seniorWangs > 0)
        {
            await Expect(rows.First.Locator("td").First).ToContainTextAsync("王");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Social_worker_form_refuses_a_wrong_check_character_in_chinese_then_creates_the_worker_shown_masked_until_revealed()
    {
        var ct = TestContext.Current.CancellationToken;
        // Born 1965: the demo workers are born 1972 or later, so this number is free.
        const string first17 = "51010519650314123";
        var idNumber = first17 + CitizenId.CheckCharacterOf(first17);
        var wrong = first17 + (CitizenId.CheckCharacterOf(first17) == '0' ? '1' : '0');
        Assert.Null(CitizenId.Problem(idNumber));
        const string name = "浏览器测试社工";
        await using var db = app.OpenDb();
        var agency = await db.Agencies.Where(a => a.RegionCode == "510104000000").OrderBy(a => a.Id).FirstAsync(ct);
        var before = await db.SocialWorkers.CountAsync(ct);
        var page = await app.NewPageAsync();

        await page.OpenAsync("/workforce/social-workers/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("新增社工");
        await page.Locator("input#name").FillAsync(name);
        await page.Locator("input#idNumber").FillAsync(wrong);
        await page.Locator("input#phone").FillAsync("13912345678");
        await page.PickAsync(page.Locator(".workforce-field-agency"), agency.Name);
        // Enter confirms the date and does not submit the half-filled form (the complaint of issue 8).
        await page.PickDateAsync(".workforce-field-hired", "2020-06-01");
        Assert.Equal(before, await db.SocialWorkers.CountAsync(ct));
        var hiredText = await page.Locator(".workforce-field-hired input").InputValueAsync();
        await page.Locator("button.workforce-save").ClickAsync();
        await Expect(page.Locator(".ant-form-item-explain-error, .workforce-alert").First).ToContainTextAsync("身份证号码校验位不正确，请核对");
        await page.ScreenshotAsync("workforce-social-worker-form-error");
        Assert.Equal(before, await db.SocialWorkers.CountAsync(ct));
        Assert.False(await db.SocialWorkers.AnyAsync(w => w.Name == name, ct));

        await page.Locator("input#idNumber").FillAsync(idNumber);
        await page.Locator("button.workforce-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/workforce/social-workers/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        var shown = page.Locator("#idNumber");
        await Expect(shown).ToHaveTextAsync($"510105********123{idNumber[^1]}");
        Assert.DoesNotContain(idNumber, await page.ContentAsync());
        await page.Locator("h1[data-interactive]").WaitForAsync();
        await page.ScreenshotAsync("workforce-social-worker-detail");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "显示" }).First.ClickAsync();
        await Expect(shown).ToHaveTextAsync(idNumber);

        var saved = await db.SocialWorkers.SingleAsync(w => w.Name == name, ct);
        Assert.Equal(agency.Id, saved.AgencyId);
        Assert.Equal(new DateOnly(1965, 3, 14), saved.BirthDate);
        Assert.Equal(DateOnly.Parse(hiredText, System.Globalization.CultureInfo.InvariantCulture), saved.HiredOn);
        var plain = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<PersonalData>().Decrypt(PersonalField.IdNumber, saved.IdNumberCipher)));
        Assert.Equal(idNumber, plain);
        Assert.DoesNotContain(idNumber, saved.IdNumberCipher);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agencies_and_staffing_pages_show_the_demo_workforce_in_chinese_and_the_agency_form_explains_a_bad_credit_code()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var agencies = await db.Agencies.CountAsync(ct);
        var page = await app.NewPageAsync();

        await page.OpenAsync("/workforce/agencies");
        await Expect(page.Locator("h1")).ToHaveTextAsync("社工机构");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {agencies} 条");
        await Expect(page.Locator(".workforce-agencies tbody tr.ant-table-row")).ToHaveCountAsync(20);
        await page.ScreenshotAsync("workforce-agencies");

        // A bad credit code gets its Chinese reason under the field (Ant's own attribute rules used to break the circuit here).
        await page.OpenAsync("/workforce/agencies/new");
        var code = page.Locator(".workforce-field-credit-code input, input.workforce-field-credit-code").First;
        const string codeFirst17 = "52510100MJ0000001";
        await code.FillAsync(codeFirst17 + (CreditCode.CheckCharacterOf(codeFirst17) == '0' ? '1' : '0'));
        await page.Locator("button.workforce-save").ClickAsync();
        await Expect(page.Locator(".ant-form-item-explain-error").Filter(new() { HasTextString = "统一社会信用代码" })).ToContainTextAsync("统一社会信用代码校验位不正确，请核对");
        await Expect(page.Locator(".ant-form-item-explain-error").Filter(new() { HasTextString = "credit code" })).ToHaveCountAsync(0);

        await page.OpenAsync("/workforce/summary");
        await Expect(page.Locator("h1")).ToHaveTextAsync("社工配备情况");
        await Expect(page.Locator(".ant-statistic").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("workforce-staffing");
        await page.Context.CloseAsync();
    }
}
