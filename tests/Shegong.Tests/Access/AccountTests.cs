using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

public class AccountTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static object NewAccount(string role, string regionCode, string? userName = null) => new
    {
        userName = userName ?? "u" + Guid.NewGuid().ToString("N")[..12],
        password = "Good@Pass2022",
        displayName = "张三",
        role,
        regionCode,
    };

    [Fact]
    public async Task A_token_is_issued_for_the_right_password_and_expires()
    {
        using var response = await app.RequestTokenAsync("admin", TestApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
        using var wrong = await app.RequestTokenAsync("admin", "Wrong@Pass1");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var openApi = await app.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        Assert.Equal("bearer", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task A_city_officer_cannot_create_a_province_admin_or_another_city_officer_but_can_create_a_county_officer()
    {
        var city = await app.ClientAsync(AccountRole.CityOfficer, "510100000000");
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsJsonAsync("/api/accounts", NewAccount("ProvinceAdmin", "510100000000"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsJsonAsync("/api/accounts", NewAccount("CityOfficer", "510100000000"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.PostAsJsonAsync("/api/accounts", NewAccount("CountyOfficer", "510302000000"), Ct)).StatusCode);
        var created = await city.PostAsJsonAsync("/api/accounts", NewAccount("CountyOfficer", "510104000000", "jinjiang-officer"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("锦江区", row.GetProperty("regionName").GetString());
        // The new officer can sign in and sees the county.
        var county = await app.SignedInClientAsync("jinjiang-officer", "Good@Pass2022");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/coverage/510104000000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync("/api/coverage/510105000000", Ct)).StatusCode);
    }

    [Fact]
    public async Task Account_form_errors_name_the_field()
    {
        var weak = await app.Client.PostAsJsonAsync("/api/accounts", new { userName = "weakling", password = "short", displayName = "x", role = "Viewer", regionCode = "510104000000" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("password", out _));
        var level = await app.Client.PostAsJsonAsync("/api/accounts", NewAccount("CountyOfficer", "510100000000"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, level.StatusCode);
        var first = await app.Client.PostAsJsonAsync("/api/accounts", NewAccount("Viewer", "510104000000", "twin"), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsJsonAsync("/api/accounts", NewAccount("Viewer", "510104000000", "TWIN"), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_account_list_shows_only_the_scope()
    {
        await app.CreateAccountAsync("list-jinjiang", AccountRole.Viewer, "510104000000");
        await app.CreateAccountAsync("list-qingyang", AccountRole.Viewer, "510105000000");
        var county = await app.ClientAsync(AccountRole.CountyOfficer, "510104000000");
        var list = await county.GetFromJsonAsync<JsonElement>("/api/accounts?pageSize=500", Ct);
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()).ToList();
        Assert.Contains("list-jinjiang", names);
        Assert.DoesNotContain("list-qingyang", names);
        Assert.DoesNotContain("admin", names);
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("510104", i.GetProperty("regionCode").GetString()));

        // The Excel export holds the same scoped list.
        var export = await county.GetAsync("/api/accounts/export", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var exported = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => r["用户名"]?.ToString()).ToList();
        Assert.Contains("list-jinjiang", exported);
        Assert.DoesNotContain("list-qingyang", exported);
        Assert.Equal(list.GetProperty("total").GetInt32(), exported.Count);
    }

    [Fact]
    public async Task An_account_action_on_what_another_administrator_changed_since_is_a_409_and_changes_nothing()
    {
        var id = await app.CreateAccountAsync("to-race", AccountRole.Viewer, "510104000000");
        var read = await app.AccountVersionAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await app.AccountActionAsync(app.Client, id, "disable")).StatusCode);

        // Another administrator, who read the account before it was disabled, resets its password and then enables it.
        var reset = await app.Client.PostAsJsonAsync($"/api/accounts/{id}/reset-password", new { password = "Stale@Pass2022", version = read }, Ct);
        Assert.Contains("其他人修改", (await reset.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var enable = await app.Client.PostAsJsonAsync($"/api/accounts/{id}/enable", new { version = read }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, enable.StatusCode);
        var missing = await app.Client.PostAsJsonAsync($"/api/accounts/{id}/enable", new { }, Ct);
        Assert.NotEmpty((await missing.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("version"));

        await using var db = app.OpenDb();
        var account = await db.Users.SingleAsync(a => a.Id == id, Ct);
        Assert.True(account.IsDisabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("to-race", "Stale@Pass2022")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_token_and_cannot_sign_in_and_a_reset_ends_old_tokens()
    {
        var id = await app.CreateAccountAsync("to-disable", AccountRole.Viewer, "510104000000");
        var viewer = await app.SignedInClientAsync("to-disable", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/accounts/me", Ct)).StatusCode);
        var county = await app.ClientAsync(AccountRole.CountyOfficer, "510105000000");
        Assert.Equal(HttpStatusCode.NotFound, (await app.AccountActionAsync(county, id, "disable")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.AccountActionAsync(app.Client, id, "disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync("/api/accounts/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("to-disable", TestApp.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.AccountActionAsync(app.Client, id, "enable")).StatusCode);
        var again = await app.SignedInClientAsync("to-disable", TestApp.Password);
        var reset = await app.AccountActionAsync(app.Client, id, "reset-password", new { password = "Fresh@Pass2022" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/accounts/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("to-disable", TestApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("to-disable", "Fresh@Pass2022")).StatusCode);
    }

    [Fact]
    public async Task Pages_redirect_to_the_sign_in_page_and_the_sign_in_form_sets_a_cookie()
    {
        using var home = await app.Anonymous.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/signin", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var browser = app.Anonymous;
        using var page = await browser.GetAsync("/account/signin", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        // Without the anti-forgery token the form is refused.
        using var forged = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = TestApp.AdminPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var wrong = await browser.PostAsync("/account/signin", SignInForm(token, "Wrong@Pass1"), Ct);
        Assert.Contains("failed=1", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var signedIn = await browser.PostAsync("/account/signin", SignInForm(token, TestApp.AdminPassword), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/coverage", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", Ct)).StatusCode);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/accounts/me", Ct);
        Assert.Equal("ProvinceAdmin", me.GetProperty("role").GetString());
    }

    private static FormUrlEncodedContent SignInForm(string token, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["userName"] = "admin",
        ["password"] = password,
        ["returnUrl"] = "/coverage",
    });
}
