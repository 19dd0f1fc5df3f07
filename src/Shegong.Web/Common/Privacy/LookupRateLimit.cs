using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// The rate limit of exact lookups by a protected field, per signed-in user: a fixed window of
/// <c>Privacy:LookupsPerMinute</c> (default 30) lookups a minute, then 429. Enough for a person
/// at a desk, far too few to walk the 10,000 middle digits of a masked phone.
/// </summary>
public static class LookupRateLimit
{
    public const string Policy = "personal-lookup";

    public static IServiceCollection AddLookupRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity?.Name ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute(context), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    private static int PerMinute(HttpContext context) =>
        context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Privacy:LookupsPerMinute", 30);
}
