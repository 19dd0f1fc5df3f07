using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Statistics;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// Identity over <see cref="ShegongDb"/>; a cookie for the browser and bearer tokens for programs,
/// chosen per request by the Authorization header; keys in the database so instances share them.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "Shegong";
    public const string SignInPath = "/account/signin";

    public static IServiceCollection AddShegongAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccessResolver>();
        services.AddSingleton<AccountAccessCache>();
        services.AddScoped<WriteGuard>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<DerivedDataWrites>();
        services.AddScoped<IDerivedDataMaintainer, StationTallyMaintainer>();
        services.AddScoped<IDerivedDataMaintainer, ServiceSummaryMaintainer>();
        // After the leaves are set: stamps them with the clock (registration order is run order).
        services.AddScoped<IDerivedDataMaintainer, Features.Statistics.Memory.StatisticsClockMaintainer>();
        services.AddScoped<CircuitHandler, AccessCircuitHandler>();
        services.AddScoped<AccountService>();
        services.AddScoped<AuditService>();
        services.AddMemoryCache();
        services.AddSingleton<SignInLockout>();
        services.AddSignInLimits();

        services.AddDataProtection().SetApplicationName("Shegong").PersistKeysToDbContext<ShegongDb>();
        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ShegongDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<IConfiguration>((o, configuration) =>
                o.BearerTokenExpiration = configuration.GetValue("Auth:TokenLifetime", TimeSpan.FromHours(1)));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = SignInPath;
            o.Cookie.Name = "shegong.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 problem details; only pages are sent to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiOr(context.HttpContext, StatusCodes.Status401Unauthorized, () => context.Response.Redirect(context.RedirectUri));
            o.Events.OnRedirectToAccessDenied = context => ApiOr(context.HttpContext, StatusCodes.Status403Forbidden, () => context.Response.Redirect(context.RedirectUri));
        });
        services.AddAuthorization(o => o.AddPermissionPolicies());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountState>();
        return services;
    }

    /// <summary>Authentication, then the per-request scope, then authorization.</summary>
    public static WebApplication UseShegongAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<AccessMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task ApiOr(HttpContext context, int status, Action redirect)
    {
        if (IsApi(context))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            redirect();
        }
        return Task.CompletedTask;
    }
}

/// <summary>Fills the request's user and region scope; a disabled or reset account is signed out.</summary>
internal sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccessResolver resolver, RegionScope scope)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var ip = context.Connection.RemoteIpAddress?.ToString();
            if (!await resolver.ApplyAsync(context.User, ip, context.RequestAborted))
            {
                context.User = new();
                if (!context.Request.Headers.Authorization.Any())
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
        }
        else
        {
            scope.RestrictToNothing();
        }
        await next(context);
    }
}
