using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Accounts;

public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>
/// Bearer tokens for programs (<c>POST /api/auth/token</c>) and the cookie sign-in/out the sign-in
/// page posts to. Attempts and lockouts are logged with the user name and address, never the password.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async (TokenRequest request, SignInManager<Account> signIn, ShegongDb db,
            HttpContext http, ILoggerFactory logs) =>
        {
            var account = await CheckAsync(request.UserName, request.Password, signIn, db, http, logs, http.RequestAborted);
            if (account is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                    title: "用户名或密码错误，或账号已锁定 / wrong user name or password, or the account is locked");
            }
            var principal = await signIn.CreateUserPrincipalAsync(account);
            // Writes { tokenType, accessToken, expiresIn, refreshToken }.
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().WithTags("Auth").WithSummary("Exchange a user name and password for a bearer token");

        app.MapPost(AuthSetup.SignInPath, async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<Account> signIn, ShegongDb db, HttpContext http, ILoggerFactory logs) =>
        {
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            var account = await CheckAsync(userName, password, signIn, db, http, logs, http.RequestAborted);
            if (account is null)
            {
                return Results.LocalRedirect($"{AuthSetup.SignInPath}?failed=1&returnUrl={Uri.EscapeDataString(target)}");
            }
            await signIn.SignInAsync(account, isPersistent: false);
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/signout", async ([FromForm] string? returnUrl, SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(AuthSetup.SignInPath);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The account when the password is right and it may sign in; counts failures towards lockout.</summary>
    private static async Task<Account?> CheckAsync(string? userName, string? password, SignInManager<Account> signIn,
        ShegongDb db, HttpContext http, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var logger = logs.CreateLogger("Shegong.SignIn");
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var name = userName?.Trim() ?? "";
        // Anonymous requests see no accounts through the filters; sign-in looks past them on purpose.
        var account = name.Length == 0 ? null : await db.Users.IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.NormalizedUserName == signIn.UserManager.NormalizeName(name), cancellationToken);
        if (account is null || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Sign-in failed for unknown user {UserName} from {Ip}", name, ip);
            return null;
        }
        if (account.IsDisabled)
        {
            logger.LogWarning("Sign-in refused for disabled account {UserName} from {Ip}", name, ip);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {UserName} is locked out (attempt from {Ip})", name, ip);
            return null;
        }
        if (!result.Succeeded)
        {
            logger.LogWarning("Sign-in failed for {UserName} from {Ip}: wrong password", name, ip);
            return null;
        }
        logger.LogInformation("Sign-in succeeded for {UserName} from {Ip}", name, ip);
        return account;
    }

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
