using System.Threading.RateLimiting;

namespace Shegong.Web.Features.Requests;

/// <summary>
/// Public requests per client address: <c>RateLimit:PublicRequest:PermitLimit</c> (default 5) in each
/// <c>RateLimit:PublicRequest:Window</c> (default one hour), every attempt counted, refused or not. Shared
/// by the API and the page, so neither is a way round the other. In memory per instance.
/// </summary>
public sealed class PublicRequestLimiter(IConfiguration configuration) : IDisposable
{
    public static string Message => ProblemText.RequestTooManySubmissionsTryLaterCallStation;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimit:PublicRequest:PermitLimit", 5),
            Window = configuration.GetValue("RateLimit:PublicRequest:Window", TimeSpan.FromHours(1)),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string address, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(address);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
