using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Stations;

public static class StationEndpoints
{
    public static IEndpointRouteBuilder MapStationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stations").WithTags("Stations").RequirePermission<Station>(AccessAction.Read);
        group.MapGet("/", (string? region, StationLevel? level, StationStatus? status, string? search, int? page, int? pageSize, string? sort,
                StationService service, CancellationToken ct) =>
            service.ListAsync(new StationFilter(region, level, status, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", async (string? region, StationLevel? level, StationStatus? status, string? search,
            StationService service, TimeProvider clock, CancellationToken ct) =>
        {
            var rows = await service.ExportAsync(new StationFilter(region, level, status, search), ct);
            return Results.File(StationExport.ToXlsx(rows), ExcelExport.ContentType, ExcelExport.FileName("stations", clock.GetLocalNow()));
        }).WithSummary("The filtered station list as an Excel file").RequirePermission<Station>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, StationService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (StationForm form, StationService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/stations/{created.Id}", created);
        }).RequirePermission<Station>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, StationForm form, StationService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Station>(AccessAction.Update);
        group.MapPost("/{id:int}/status", (int id, StationStatusForm form, StationService service, CancellationToken ct) =>
            service.ChangeStatusAsync(id, form, ct)).WithSummary("Move a station to another status")
            .RequirePermission<Station>(AccessAction.StatusChange);
        return app;
    }
}
