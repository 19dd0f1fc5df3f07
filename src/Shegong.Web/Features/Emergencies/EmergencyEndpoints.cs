using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Emergencies;

public static class EmergencyEndpoints
{
    public static IEndpointRouteBuilder MapEmergencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/emergencies").WithTags("Emergencies").RequirePermission<Emergency>(AccessAction.Read);
        group.MapGet("/", (string? region, EmergencyType? type, EmergencyStatus? status, string? search, int? page, int? pageSize, string? sort,
            EmergencyService service, CancellationToken ct) =>
            service.ListAsync(new EmergencyFilter(region, type, status, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/{id:int}", (int id, EmergencyService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (EmergencyForm form, EmergencyService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/emergencies/{created.Id}", created);
        }).WithSummary("Declares an emergency for the caller's region or one below it").RequirePermission<Emergency>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, EmergencyForm form, EmergencyService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Emergency>(AccessAction.Update);
        group.MapPost("/{id:int}/close", (int id, EmergencyCloseForm form, EmergencyService service, CancellationToken ct) => service.CloseAsync(id, form, ct))
            .WithSummary("Closes an emergency on its last day").RequirePermission<Emergency>(AccessAction.StatusChange);

        group.MapGet("/{id:int}/figures", (int id, string? region, string? by, DateOnly? from, DateOnly? to, EmergencyFigureService service,
            CancellationToken ct) => service.FiguresAsync(id, region, EmergencyFigureService.ParseBy(by), from, to, ct))
            .WithSummary("An emergency's figures for a region and a day range, by child region or by day, from the daily reports in the caller's scope")
            .RequirePermission<EmergencyReport>(AccessAction.Read);
        group.MapGet("/{id:int}/figures/export", async (int id, string? region, string? by, DateOnly? from, DateOnly? to, EmergencyFigureService service,
            TimeProvider clock, CancellationToken ct) => EmergencyExport.Figures(
                await service.FiguresAsync(id, region, EmergencyFigureService.ParseBy(by), from, to, ct), ExcelExport.FileName("emergency-figures", clock.GetLocalNow())))
            .WithSummary("The emergency's figures as an Excel file").RequirePermission<EmergencyReport>(AccessAction.Export);

        var reports = group.MapGroup("/{id:int}/reports").RequirePermission<EmergencyReport>(AccessAction.Read);
        reports.MapGet("/", (int id, int? stationId, DateOnly? day, int? page, int? pageSize, EmergencyReportService service, CancellationToken ct) =>
            service.ListAsync(id, stationId, day, PageRequest.From(page, pageSize), ct));
        reports.MapGet("/{reportId:int}", (int id, int reportId, EmergencyReportService service, CancellationToken ct) => service.GetAsync(id, reportId, ct));
        reports.MapPost("/", async (int id, EmergencyReportForm form, EmergencyReportService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(id, form, ct);
            return Results.Created($"/api/emergencies/{id}/reports/{created.Id}", created);
        }).WithSummary("A station's report for one day: one per station, emergency and day").RequirePermission<EmergencyReport>(AccessAction.Create);
        reports.MapPut("/{reportId:int}", (int id, int reportId, EmergencyReportForm form, EmergencyReportService service, CancellationToken ct) =>
            service.UpdateAsync(id, reportId, form, ct)).WithSummary("Corrects a daily report (its version required)")
            .RequirePermission<EmergencyReport>(AccessAction.Update);
        return app;
    }
}
