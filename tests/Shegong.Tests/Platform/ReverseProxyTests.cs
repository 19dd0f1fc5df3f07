using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Platform;

/// <summary>The app behind a reverse proxy at 10.0.0.1 (the only one configured).</summary>
public sealed class ProxiedApp : TestApp
{
    public const string Proxy = "10.0.0.1";

    protected override bool WithSichuanRegions => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ReverseProxy:KnownProxies:0", Proxy);
    }
}

public class ReverseProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates an account from <paramref name="peer"/> claiming to forward <paramref name="forwardedFor"/>; the address the audit recorded.</summary>
    private async Task<string?> AuditedAddressAsync(string peer, string forwardedFor)
    {
        var userName = "p" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
        {
            Content = JsonContent.Create(new { userName, password = "Good@Pass2022", displayName = "代理", role = "Viewer", regionCode = "510104000000" }),
        };
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        Assert.Equal(HttpStatusCode.Created, (await app.Client.SendAsync(request, Ct)).StatusCode);
        await using var db = app.OpenDb();
        var id = await db.Users.Where(a => a.UserName == userName).Select(a => a.Id).SingleAsync(Ct);
        return await db.AuditEntries.Where(e => e.EntityId == id).Select(e => e.IpAddress).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_audit_records_the_forwarded_client_address_only_when_a_configured_proxy_sends_it()
    {
        Assert.Equal("203.0.113.9", await AuditedAddressAsync(ProxiedApp.Proxy, "203.0.113.9"));
        // A forged header from anywhere else is ignored: the address is the peer's own.
        Assert.Equal("192.0.2.50", await AuditedAddressAsync("192.0.2.50", "203.0.113.9"));
    }
}
