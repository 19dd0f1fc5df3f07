using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Volunteers;

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
                    title: ProblemText.AccountSignInFailed);
            }
            var principal = await signIn.CreateUserPrincipalAsync(account);
            // Writes { tokenType, accessToken, expiresIn, refreshToken }.
            return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy).WithTags("Auth").WithSummary("Exchange a user name and password for a bearer token");

        app.MapPost(AuthSetup.SignInPath, async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<Account> signIn, ShegongDb db, HttpContext http, ILoggerFactory logs) =>
        {
            var target = LocalUrl.OrHome(returnUrl);
            var account = await CheckAsync(userName, password, signIn, db, http, logs, http.RequestAborted);
            if (account is null)
            {
                return Results.LocalRedirect($"{AuthSetup.SignInPath}?failed=1&returnUrl={Uri.EscapeDataString(target)}");
            }
            await signIn.SignInAsync(account, isPersistent: false);
            // A volunteer has no dashboard: their home is their own page.
            return Results.LocalRedirect(account.Role == AccountRole.Volunteer && target == "/" ? "/my/volunteer" : target);
        }).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy).ExcludeFromDescription();

        app.MapPost("/account/signout", async ([FromForm] string? returnUrl, SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(AuthSetup.SignInPath);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The account when the password is right and it may sign in; counts failures towards the lockout of
    /// this account from this address. Every path verifies a password hash, so a wrong password takes
    /// as long on an unknown or disabled account as on an existing one.
    /// </summary>
    private static async Task<Account?> CheckAsync(string? userName, string? password, SignInManager<Account> signIn,
        ShegongDb db, HttpContext http, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var logger = logs.CreateLogger("Shegong.SignIn");
        var lockout = http.RequestServices.GetRequiredService<SignInLockout>();
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var name = userName?.Trim() ?? "";
        var shown = LogText.Safe(name);
        if (PhoneNumber.IsMobile(name))
        {
            // A volunteer's mobile number: never logged in plain, resolved to their account's user name by its keyed hash.
            shown = Masking.Phone(PhoneNumber.Normalize(name));
            name = await VolunteerSignIn.UserNameAsync(db, http.RequestServices.GetRequiredService<PersonalData>(), name, cancellationToken) ?? name;
        }
        // Anonymous requests see no accounts through the filters; sign-in looks past them on purpose.
        var account = name.Length == 0 || name.Length > 256 ? null : await db.Users.IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.NormalizedUserName == signIn.UserManager.NormalizeName(name), cancellationToken);
        if (account is null || string.IsNullOrEmpty(password))
        {
            VerifyDummy(signIn.UserManager, password);
            logger.LogWarning("Sign-in failed for unknown user {UserName} from {Ip}", shown, ip);
            return null;
        }
        if (account.IsDisabled)
        {
            VerifyDummy(signIn.UserManager, password);
            logger.LogWarning("Sign-in refused for disabled account {UserName} from {Ip}", shown, ip);
            return null;
        }
        if (lockout.IsLockedOut(account, ip))
        {
            VerifyDummy(signIn.UserManager, password);
            logger.LogWarning("Account {UserName} is locked out (attempt from {Ip})", shown, ip);
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            logger.LogWarning("Sign-in failed for {UserName} from {Ip}: wrong password", shown, ip);
            if (lockout.RecordFailure(account, ip))
            {
                logger.LogWarning("Account {UserName} is locked out (attempt from {Ip})", shown, ip);
            }
            return null;
        }
        lockout.Succeeded(account, ip);
        logger.LogInformation("Sign-in succeeded for {UserName} from {Ip}", shown, ip);
        return account;
    }

    private static string? dummyHash;

    /// <summary>Spends the time of a real password check on a hash no password matches.</summary>
    private static void VerifyDummy(UserManager<Account> users, string? password)
    {
        var probe = new Account { UserName = "", DisplayName = "", RegionCode = "" };
        dummyHash ??= users.PasswordHasher.HashPassword(probe, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(probe, dummyHash, password ?? "");
    }
}
