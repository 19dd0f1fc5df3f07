using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

/// <summary>Counts password-hash checks, to see which sign-in paths pay for one.</summary>
public sealed class CountingHasher : IPasswordHasher<Account>
{
    private readonly PasswordHasher<Account> inner = new();
    private int verified;

    public int Verified => Volatile.Read(ref verified);

    public string HashPassword(Account user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verified);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The app with a sign-in limit of eight attempts per address and minute, and a counting hasher.</summary>
public sealed class SignInLimitApp : TestApp
{
    public const int Limit = 8;

    public CountingHasher Hasher { get; } = new();

    protected override bool WithSichuanRegions => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimit:SignIn:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(s => s.AddScoped<IPasswordHasher<Account>>(_ => Hasher));
    }

    /// <summary>Asks for a token as if from <paramref name="address"/>.</summary>
    public Task<HttpResponseMessage> TokenFromAsync(string address, string userName, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add(TestPeer.Header, address);
        return Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

public class SignInProtectionTests(SignInLimitApp app) : IClassFixture<SignInLimitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Beyond_the_limit_an_address_gets_429_with_Retry_After_on_the_token_endpoint_and_the_sign_in_form()
    {
        for (var i = 0; i < SignInLimitApp.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("198.51.100.10", "nobody", "Wrong@Pass1")).StatusCode);
        }
        using var limited = await app.TokenFromAsync("198.51.100.10", "nobody", "Wrong@Pass1");
        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("尝试过于频繁", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // Another address is not held back by the first one's attempts.
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("198.51.100.11", "admin", TestApp.AdminPassword)).StatusCode);

        // The form shares the limit per address (refused before the form is even read).
        HttpStatusCode last = default;
        for (var i = 0; i <= SignInLimitApp.Limit; i++)
        {
            using var form = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = "x" }),
            };
            form.Headers.Add(TestPeer.Header, "198.51.100.12");
            last = (await app.Anonymous.SendAsync(form, Ct)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task An_attackers_wrong_passwords_lock_admin_out_from_the_attackers_address_only()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("203.0.113.66", "admin", "Guess@Pass" + i)).StatusCode);
        }
        // Locked for the attacker even with the right password…
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("203.0.113.66", "admin", TestApp.AdminPassword)).StatusCode);
        // …while the administrator signs in from elsewhere.
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("192.0.2.20", "admin", TestApp.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_lifts_the_lock()
    {
        var id = await app.CreateAccountAsync("to-lock", AccountRole.Viewer, "510104000000");
        for (var i = 0; i < 5; i++)
        {
            await app.TokenFromAsync("203.0.113.70", "to-lock", "Wrong@Pass" + i);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("203.0.113.70", "to-lock", TestApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.AccountActionAsync(app.Client, id, "reset-password", new { password = "Unlock@Pass2022" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("203.0.113.70", "to-lock", "Unlock@Pass2022")).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_disabled_accounts_cost_a_password_check_like_a_wrong_password()
    {
        var id = await app.CreateAccountAsync("disabled-one", AccountRole.Viewer, "510104000000");
        Assert.Equal(HttpStatusCode.OK, (await app.AccountActionAsync(app.Client, id, "disable")).StatusCode);
        foreach (var userName in new[] { "no-such-user", "disabled-one", "admin" })
        {
            var before = app.Hasher.Verified;
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.TokenFromAsync("192.0.2.30", userName, "Wrong@Pass9")).StatusCode);
            Assert.True(app.Hasher.Verified > before, $"no password hash was checked for {userName}");
        }
    }
}
