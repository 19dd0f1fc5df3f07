using Microsoft.AspNetCore.Mvc;

namespace Shegong.Web.Common;

/// <summary>
/// Refuses (403) an unsafe request (POST, PUT, PATCH, DELETE) that a browser says comes from another
/// site, so a page elsewhere cannot use a signed-in user's cookie. Requests with a bearer token are
/// exempt: a foreign page cannot attach one. Browsers send <c>Sec-Fetch-Site</c> or <c>Origin</c> on
/// every cross-origin POST; a request with neither is not from a browser page and has no ambient cookie to abuse.
/// </summary>
public static class CrossSiteCheck
{
    public static string Message => ProblemText.CrossSiteRefused;

    public static WebApplication UseCrossSiteCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsCrossSite(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = Message },
                });
                return;
            }
            await next(context);
        });
        return app;
    }

    public static bool IsCrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            // "none" is the user's own navigation (typed address, bookmark).
            return fetchSite is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
        {
            origin = referer.GetLeftPart(UriPartial.Authority);
        }
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
