using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Requests;

/// <summary>
/// The public form's API: no account. Outside the signed-in group, yet with the same input guard and
/// one transaction per write; limited per client address and in body size; refuses cross-site browser
/// posts (a foreign page cannot make visitors' browsers file requests); answers a reference number only.
/// </summary>
public static class PublicRequestEndpoints
{
    public static IEndpointRouteBuilder MapPublicRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous()
            .AddEndpointFilterFactory(InputGuard.Factory).AddEndpointFilterFactory(WriteTransaction.Factory);
        group.MapPost("/service-requests", async (HttpContext http, PublicRequestForm form, ServiceRequestService service, RegionScope scope,
            PublicRequestLimiter limiter, CancellationToken ct) =>
        {
            if (Refusal(http, limiter) is { } refused)
            {
                return refused;
            }
            return Results.Ok(await service.SubmitPublicAsync(form, scope, ct));
        }).WithMetadata(new RequestSizeLimitAttribute(ServiceRequestLimits.PublicBodyBytes))
            .WithSummary("Raise a service request without an account (rate-limited per address)");
        group.MapGet("/villages", (string? search, ServiceRequestService service, CancellationToken ct) => service.PublicVillagesAsync(search, ct))
            .WithSummary("Villages whose name contains the text, for the public form");
        return app;
    }

    /// <summary>The answer to a post the form will not take, or null to go on.</summary>
    public static IResult? Refusal(HttpContext http, PublicRequestLimiter limiter)
    {
        if (http.Request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: ProblemText.RequestSubmissionsFromOtherSitesRefused);
        }
        if (!limiter.TryAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: PublicRequestLimiter.Message);
        }
        if (http.Request.ContentLength > ServiceRequestLimits.PublicBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: ProblemText.RequestSubmissionTooLarge);
        }
        return null;
    }
}
