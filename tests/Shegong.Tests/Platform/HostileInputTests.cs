using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Platform;

/// <summary>Redirect targets, headers and log lines under hostile input.</summary>
public partial class HostileInputTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/%5Cevil")]
    [InlineData("/%09/evil")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_culture_switch_redirects_only_to_local_paths(string redirectUri)
    {
        using var response = await app.Anonymous.GetAsync($"/culture/en?redirectUri={redirectUri}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\\evil")]
    [InlineData("/\t/evil")]
    public async Task The_sign_in_form_redirects_only_to_local_paths(string returnUrl)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var html = await browser.GetStringAsync("/account/signin", Ct);
        var token = TokenPattern().Match(html).Groups[1].Value;
        using var signedIn = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = "admin",
            ["password"] = TestApp.AdminPassword,
            ["returnUrl"] = returnUrl,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_send_one_content_security_policy_that_limits_scripts_to_the_site()
    {
        using var page = await app.Anonymous.GetAsync("/account/signin", Ct);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'unsafe-eval';", policy, StringComparison.Ordinal);
        // Scripts come only from the site: no inline script (eval is for the chart library's options).
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_user_name_with_a_newline_is_logged_short_and_on_one_line()
    {
        var hostile = "intruder\nWarning Shegong.SignIn: Sign-in succeeded for admin" + new string('x', 1_000_000);
        await app.RequestTokenAsync(hostile, "Wrong@Pass1");
        var line = Assert.Single(app.Lines, l => l.Contains("intruder", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', line.TrimEnd());
        Assert.True(line.Length < 500, $"a log line of {line.Length} characters");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
