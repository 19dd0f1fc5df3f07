using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Access;

public partial class CrossSiteTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewAccount(string userName) => new
    {
        userName,
        password = "Good@Pass2022",
        displayName = "跨站",
        role = "Viewer",
        regionCode = "510104000000",
    };

    /// <summary>A client holding the admin's sign-in cookie, as a browser would.</summary>
    private async Task<HttpClient> CookieClientAsync()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var html = await browser.GetStringAsync("/account/signin", Ct);
        var token = TokenPattern().Match(html).Groups[1].Value;
        using var signedIn = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = "admin",
            ["password"] = TestApp.AdminPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private static HttpRequestMessage Create(string userName, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts") { Content = JsonContent.Create(NewAccount(userName)) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return request;
    }

    private async Task<bool> ExistsAsync(string userName)
    {
        await using var db = app.OpenDb();
        return await db.Users.AnyAsync(a => a.UserName == userName, Ct);
    }

    [Fact]
    public async Task A_cookie_write_from_a_foreign_origin_is_refused_and_changes_nothing()
    {
        using var browser = await CookieClientAsync();
        using var foreign = await browser.SendAsync(Create("csrf-victim-1", origin: "https://evil.example"), Ct);
        var problem = await foreign.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("跨站", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var crossSite = await browser.SendAsync(Create("csrf-victim-2", fetchSite: "cross-site"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        using var disable = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/whatever/disable") { Content = new FormUrlEncodedContent([]) };
        disable.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(disable, Ct)).StatusCode);
        Assert.False(await ExistsAsync("csrf-victim-1"));
        Assert.False(await ExistsAsync("csrf-victim-2"));
    }

    [Fact]
    public async Task A_same_origin_cookie_write_and_a_bearer_write_from_anywhere_work()
    {
        using var browser = await CookieClientAsync();
        var origin = browser.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(Create("same-origin-1", origin: origin, fetchSite: "same-origin"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Client.SendAsync(Create("bearer-1", origin: "https://elsewhere.example", fetchSite: "cross-site"), Ct)).StatusCode);
        Assert.True(await ExistsAsync("same-origin-1"));
        Assert.True(await ExistsAsync("bearer-1"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
