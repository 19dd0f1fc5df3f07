using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shegong.Tests.Workforce;

/// <summary>
/// Every workforce endpoint, for the access matrix: when roles arrive, each row gets the roles
/// allowed. For now it proves the list is complete and every route is mapped.
/// </summary>
public class WorkforceEndpointTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    public static readonly (string Method, string Route)[] Endpoints =
    [
        ("GET", "/api/agencies/"), ("GET", "/api/agencies/export"), ("GET", "/api/agencies/{id:int}"), ("POST", "/api/agencies/"), ("PUT", "/api/agencies/{id:int}"),
        ("GET", "/api/contracts/"), ("GET", "/api/contracts/export"), ("GET", "/api/contracts/operator"), ("GET", "/api/contracts/{id:int}"),
        ("POST", "/api/contracts/"), ("PUT", "/api/contracts/{id:int}"), ("POST", "/api/contracts/{id:int}/activate"),
        ("POST", "/api/contracts/{id:int}/complete"), ("POST", "/api/contracts/{id:int}/terminate"), ("POST", "/api/contracts/{id:int}/evaluations"),
        ("GET", "/api/social-workers/"), ("GET", "/api/social-workers/export"), ("GET", "/api/social-workers/{id:int}"), ("POST", "/api/social-workers/"),
        ("PUT", "/api/social-workers/{id:int}"), ("POST", "/api/social-workers/{id:int}/assignments"),
        ("POST", "/api/social-workers/{id:int}/assignments/{assignmentId:int}/end"), ("POST", "/api/social-workers/{id:int}/leave"),
        ("POST", "/api/social-workers/{id:int}/reveal"), ("POST", "/api/social-workers/lookup"),
        ("GET", "/api/trainings/"), ("GET", "/api/trainings/export"), ("GET", "/api/trainings/{id:int}"), ("POST", "/api/trainings/"), ("PUT", "/api/trainings/{id:int}"),
        ("GET", "/api/supervisions/"), ("GET", "/api/supervisions/export"), ("GET", "/api/supervisions/{id:int}"), ("POST", "/api/supervisions/"),
        ("PUT", "/api/supervisions/{id:int}"),
        ("GET", "/api/workforce/summary"), ("GET", "/api/workforce/hours"),
    ];

    [Fact]
    public async Task Every_workforce_endpoint_is_listed_and_mapped()
    {
        var mapped = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } r && (r.StartsWith("/api/agencies", StringComparison.Ordinal) || r.StartsWith("/api/contracts", StringComparison.Ordinal)
                || r.StartsWith("/api/social-workers", StringComparison.Ordinal) || r.StartsWith("/api/trainings", StringComparison.Ordinal)
                || r.StartsWith("/api/supervisions", StringComparison.Ordinal) || r.StartsWith("/api/workforce", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .OrderBy(e => e.Item2).ThenBy(e => e.m).ToList()));
        Assert.Equal(Endpoints.OrderBy(e => e.Route).ThenBy(e => e.Method).ToList(), mapped);
    }
}
