using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.ServiceRecords;

public static class ServiceRecordEndpoints
{
    public static IEndpointRouteBuilder MapServiceRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-records").WithTags("ServiceRecords").RequirePermission<ServiceRecord>(AccessAction.Read);
        group.MapGet("/", (string? region, int? stationId, DateOnly? from, DateOnly? to, ServiceCategory? category, ServiceMethod? method,
                ServiceChannel? channel, ServiceSource? source, int? workerId, int? residentId, int? page, int? pageSize, string? sort,
                ServiceRecordService service, CancellationToken ct) =>
            service.ListAsync(new ServiceRecordFilter(region, stationId, from, to, category, method, channel, source, workerId, residentId),
                PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/summary", (string? region, int? stationId, DateOnly? from, DateOnly? to, ServiceCategory? category, ServiceMethod? method,
                ServiceChannel? channel, ServiceSource? source, int? workerId, int? residentId, ServiceRecordService service, CancellationToken ct) =>
            service.SummaryAsync(new ServiceRecordFilter(region, stationId, from, to, category, method, channel, source, workerId, residentId), ct))
            .WithSummary("Person-times (summed) and people served (distinct residents) of the filtered records");
        group.MapGet("/export", (string? region, int? stationId, DateOnly? from, DateOnly? to, ServiceCategory? category, ServiceMethod? method,
                ServiceChannel? channel, ServiceSource? source, int? workerId, int? residentId, string? sort,
                ServiceRecordService service, IStringLocalizer<RecordText> t, TimeProvider clock, CancellationToken ct) =>
            ServiceRecordExport.StreamAsync(t, (page, c) => service.ListAsync(
                    new ServiceRecordFilter(region, stationId, from, to, category, method, channel, source, workerId, residentId), page, c), sort,
                ExcelExport.FileName("service-records", clock.GetLocalNow()), ct))
            .WithSummary("The filtered service-record list as an Excel file").RequirePermission<ServiceRecord>(AccessAction.Export);
        group.MapGet("/today", (WorkerDayService service, CancellationToken ct) => service.MineAsync(ct))
            .WithSummary("The signed-in worker's cases due, requests assigned and groups meeting (empty when the account is linked to no social worker)");
        group.MapGet("/{id:int}", (int id, ServiceRecordService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (ServiceRecordForm form, ServiceRecordService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/service-records/{created.Id}", created);
        }).WithSummary("Enter a direct service record (a visit, one-off help)").RequirePermission<ServiceRecord>(AccessAction.Create);
        group.MapPost("/batch", (ServiceRecordBatchForm form, ServiceRecordService service, CancellationToken ct) => service.CreateBatchAsync(form, ct))
            .WithSummary("Enter up to 1,000 direct service records at once, all or none (a phone sending what it recorded offline)")
            .RequirePermission<ServiceRecord>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, ServiceRecordForm form, ServiceRecordService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .WithSummary("Correct a direct service record (version required)").RequirePermission<ServiceRecord>(AccessAction.Update);
        group.MapDelete("/{id:int}", async (int id, uint? version, ServiceRecordService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, version, ct);
            return Results.NoContent();
        }).WithSummary("Delete a direct service record (version required)").RequirePermission<ServiceRecord>(AccessAction.Delete);
        return app;
    }
}
