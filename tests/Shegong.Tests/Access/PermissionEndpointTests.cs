using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

/// <summary>
/// The permission table drives the endpoints: every endpoint names a policy of the table, and a
/// role the table refuses gets 403 on every write endpoint before its input is read (a broken body
/// still gets 403) and before any lookup. New endpoints join these tests by themselves.
/// </summary>
public class PermissionEndpointTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    private sealed record ApiEndpoint(string Method, string Route, IReadOnlyList<(EntityRights Entity, AccessAction Action)> Permissions);

    private List<ApiEndpoint> Endpoints() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && route.StartsWith("/api/", StringComparison.Ordinal)
                && !route.StartsWith("/api/auth/", StringComparison.Ordinal)
                // The public service-request form needs no account by design (PublicRequestTests covers its limits).
                && !route.StartsWith("/api/public/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                new ApiEndpoint(method, e.RoutePattern.RawText!, [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Select(a => a.Policy).OfType<string>().Select(Parse)]))),
    ];

    /// <summary>A policy name of the table ("Station:Create") back to its row and action; anything else fails the test.</summary>
    private static (EntityRights, AccessAction) Parse(string policy)
    {
        var parts = policy.Split(':');
        var entity = AccessTable.Entities.SingleOrDefault(e => e.Entity.Name == parts[0]);
        Assert.True(entity is not null && parts.Length == 2 && Enum.TryParse<AccessAction>(parts[1], out _), $"policy {policy} is not from the permission table");
        return (entity, Enum.Parse<AccessAction>(parts[1]));
    }

    [Fact]
    public void Every_endpoint_carries_a_permission_of_the_table_and_every_write_a_write_permission()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count(e => WriteMethods.Contains(e.Method)) >= 25, $"only {endpoints.Count} endpoints found");
        var missing = endpoints
            .Where(e => WriteMethods.Contains(e.Method) ? !e.Permissions.Any(p => p.Action != AccessAction.Read) : e.Permissions.Count == 0)
            .Where(e => e.Route != "/api/accounts/me") // every signed-in user reads their own account
            .Select(e => $"{e.Method} {e.Route}").ToList();
        Assert.True(missing.Count == 0, "without a permission of the table: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_refused_role_gets_403_on_every_write_endpoint_even_with_a_broken_body_and_nothing_changes()
    {
        var failures = new List<string>();
        var cases = 0;
        var auditBefore = await CountAuditAsync();
        foreach (var endpoint in Endpoints().Where(e => WriteMethods.Contains(e.Method)))
        {
            foreach (var role in Enum.GetValues<AccountRole>())
            {
                var refused = endpoint.Permissions.Any(p => !p.Entity.Allows(role, p.Action));
                if (!refused && role != AccountRole.ProvinceAdmin)
                {
                    continue;
                }
                cases++;
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Fill(endpoint.Route))
                {
                    Content = new StringContent("{\"name\": [1, {", Encoding.UTF8, "application/json"),
                };
                using var response = await app.Clients[role].SendAsync(request, Ct);
                // The allowed province admin reaches the endpoint: its answer to the broken body is no 403 (and no 500).
                var ok = refused ? response.StatusCode == HttpStatusCode.Forbidden
                    : response.StatusCode != HttpStatusCode.Forbidden && (int)response.StatusCode < 500;
                if (!ok)
                {
                    failures.Add($"{role} {endpoint.Method} {endpoint.Route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(cases >= 100, $"only {cases} cases");
        Assert.Equal(auditBefore, await CountAuditAsync());
    }

    private async Task<int> CountAuditAsync()
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.IgnoreQueryFilters().CountAsync(Ct);
    }

    /// <summary>A route with its parameters filled: ids that may or may not exist, a region in everyone's reach.</summary>
    private static string Fill(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}",
        m => m.Groups[1].Value switch
        {
            "code" or "regionCode" => AccessApp.Jinjiang,
            _ when m.Groups[2].Value.StartsWith(":int", StringComparison.Ordinal) => "1",
            _ => "no-such-id",
        });
}
