namespace Shegong.Web.Common;

/// <summary>
/// Headers every response carries, errors included: no sniffing, no framing, no referrer leaks, and
/// one content security policy that lets only this origin's scripts run.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server and Ant Design need no inline script; they do set inline styles
    /// (hence <c>'unsafe-inline'</c> for styles only) and icons as data: URLs; the circuit's
    /// WebSocket is same-origin. <c>'unsafe-eval'</c> is there for Vizor.ECharts alone: its bundled
    /// script evaluates the chart options it receives (<c>eval("(" + options + ")")</c>), and every
    /// chart and map fails without it. What it evaluates is JSON the server serialised, never
    /// text from the page, and inline scripts stay forbidden; the charts use no JS functions.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>First in the pipeline: the headers are added as the response starts, so the exception handler's reset of a failed response keeps them.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app;
    }
}
