using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// The brute-force brake: sign-in and the token endpoint take at most <c>RateLimit:SignIn:PermitLimit</c>
/// attempts (default 10) per client address in each <c>RateLimit:SignIn:Window</c> (default one minute);
/// beyond that a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";
    public static string Message => ProblemText.SignInTooManyAttempts;

    public static IServiceCollection AddSignInLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context =>
            {
                var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("RateLimit:SignIn:PermitLimit", 10),
                    Window = configuration.GetValue("RateLimit:SignIn:Window", TimeSpan.FromMinutes(1)),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = WriteTooManyAsync;
        });
        return services;
    }

    /// <summary>429 problem details with the seconds to wait, for every rate-limit policy.</summary>
    public static async ValueTask WriteTooManyAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = Message },
        });
    }
}
