using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Indicators;

/// <summary>Registrations and routes of plan indicators, so Startup needs one line each.</summary>
public static class IndicatorSetup
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorQuantities>();
        services.AddScoped<IndicatorService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plan-indicators").WithTags("Plan indicators").RequirePermission<PlanIndicator>(AccessAction.Read);
        group.MapGet("/", (string? region, IndicatorService service, CancellationToken ct) => service.ListAsync(region, ct))
            .WithSummary("The indicators that bind a region (default: the reader's own), each with that region's attainment");
        group.MapGet("/export", (string? search, AttainmentLight? light, string? sort, IndicatorService service, TimeProvider clock, CancellationToken ct) =>
            IndicatorExport.RowsAsync((page, c) => service.PageAsync(new IndicatorFilter(search, light), page, c), sort,
                ExcelExport.FileName("plan-indicators", clock.GetLocalNow()), ct))
            .WithSummary("The filtered indicator list, with the reader's own attainment, as an Excel file").RequirePermission<PlanIndicator>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, IndicatorService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapGet("/{id:int}/attainment", (int id, string? region, IndicatorService service, CancellationToken ct) => service.AttainmentAsync(id, region, ct))
            .WithSummary("Attainment of a region and of each region below it, with the traffic light and the path to the target year");
        group.MapPost("/", async (IndicatorForm form, IndicatorService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/plan-indicators/{created.Id}", created);
        }).RequirePermission<PlanIndicator>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, IndicatorForm form, IndicatorService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<PlanIndicator>(AccessAction.Update);
        group.MapDelete("/{id:int}", async (int id, uint? version, IndicatorService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, version, ct);
            return Results.NoContent();
        }).RequirePermission<PlanIndicator>(AccessAction.Delete);
        return app;
    }
}
