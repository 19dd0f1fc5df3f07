using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Regions;

public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/regions").WithTags("Regions").RequirePermission<Region>(AccessAction.Read);
        group.MapGet("/", (string? search, RegionService service, CancellationToken ct) => service.SearchAsync(search, ct))
            .WithSummary("Search regions by name fragment or code prefix");
        group.MapGet("/{code}", (string code, RegionService service, CancellationToken ct) => service.GetAsync(code, ct));
        group.MapGet("/{code}/children", (string code, RegionService service, CancellationToken ct) => service.ChildrenAsync(code, ct));
        group.MapPut("/{code}", (string code, RegionForm form, RegionService service, CancellationToken ct) => service.UpdateAsync(code, form, ct))
            .WithSummary("Edit flags and population of a region").RequirePermission<Region>(AccessAction.Update);
        return app;
    }
}
