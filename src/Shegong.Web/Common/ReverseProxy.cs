using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Shegong.Web.Common;

/// <summary>
/// Behind a reverse proxy the client's address comes from <c>X-Forwarded-For</c>, but only when the
/// request arrives from a proxy listed in <c>ReverseProxy:KnownProxies</c> (addresses) or
/// <c>ReverseProxy:KnownNetworks</c> (CIDR). With neither set the headers are ignored, so nobody can
/// forge the address the audit, the lockout and the rate limits see.
/// </summary>
public static class ReverseProxy
{
    public static WebApplication UseReverseProxyHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection("ReverseProxy");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return app;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // The defaults trust loopback; only what is configured is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
