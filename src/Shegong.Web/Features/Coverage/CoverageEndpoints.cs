using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Coverage;

public static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coverage/{regionCode}", (string regionCode, CoverageService service, CancellationToken ct) =>
                service.GetAsync(regionCode, ct))
            .WithTags("Coverage")
            .WithSummary("Township coverage of a region, with one row per child region")
            .RequirePermission<Stations.Station>(AccessAction.Read);
        return app;
    }
}
