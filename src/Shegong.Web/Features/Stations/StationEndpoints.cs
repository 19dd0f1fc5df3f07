using Microsoft.Extensions.Localization;
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
        group.MapGet("/export", (string? region, StationLevel? level, StationStatus? status, string? search, string? sort,
            StationService service, IStringLocalizer<StationText> t, TimeProvider clock, CancellationToken ct) =>
            StationExport.StreamAsync(t, (page, c) => service.ListAsync(new StationFilter(region, level, status, search), page, c), sort,
                ExcelExport.FileName("stations", clock.GetLocalNow()), ct)).WithSummary("The filtered station list as an Excel file").RequirePermission<Station>(AccessAction.Export);
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
