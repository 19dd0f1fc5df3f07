using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Requests;

public static class ServiceRequestEndpoints
{
    public static IServiceCollection AddServiceRequests(this IServiceCollection services)
    {
        services.AddScoped<ServiceRequestService>();
        services.AddSingleton<PublicRequestLimiter>();
        return services;
    }

    public static IEndpointRouteBuilder MapServiceRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-requests").WithTags("ServiceRequests").RequirePermission<ServiceRequest>(AccessAction.Read);
        group.MapGet("/", (string? region, RequestStatus? status, int? stationId, int? workerId, RequestOrigin? origin, int? page, int? pageSize, string? sort,
                ServiceRequestService service, CancellationToken ct) =>
            service.ListAsync(new ServiceRequestFilter(region, status, stationId, workerId, origin), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, RequestStatus? status, int? stationId, int? workerId, RequestOrigin? origin, string? sort,
                ServiceRequestService service, IStringLocalizer<RequestText> t, TimeProvider clock, CancellationToken ct) =>
            ServiceRequestExport.StreamAsync(t, (page, c) => service.ListAsync(new ServiceRequestFilter(region, status, stationId, workerId, origin), page, c),
                sort, ExcelExport.FileName("service-requests", clock.GetLocalNow()), ct))
            .WithSummary("The filtered request list as an Excel file (phones masked)").RequirePermission<ServiceRequest>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, ServiceRequestService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (StaffRequestForm form, ServiceRequestService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/service-requests/{created.Id}", created);
        }).WithSummary("Raise a request at the station or on a resident's behalf").RequirePermission<ServiceRequest>(AccessAction.Create);
        group.MapPost("/{id:int}/triage", (int id, TriageForm form, ServiceRequestService service, CancellationToken ct) => service.TriageAsync(id, form, ct))
            .WithSummary("Take the request up at a station, with its category").RequirePermission<ServiceRequest>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/assign", (int id, AssignForm form, ServiceRequestService service, CancellationToken ct) => service.AssignAsync(id, form, ct))
            .WithSummary("Assign (or reassign) the request to a social worker of its station").RequirePermission<ServiceRequest>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/visit", (int id, VisitForm form, ServiceRequestService service, CancellationToken ct) => service.VisitAsync(id, form, ct))
            .WithSummary("Record the visit").RequirePermission<ServiceRequest>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/complete", (int id, CompleteForm form, ServiceRequestService service, CancellationToken ct) => service.CompleteAsync(id, form, ct))
            .WithSummary("Complete the request; its service record is made in the same save").RequirePermission<ServiceRequest>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/decline", (int id, DeclineForm form, ServiceRequestService service, CancellationToken ct) => service.DeclineAsync(id, form, ct))
            .WithSummary("Decline the request, with the reason").RequirePermission<ServiceRequest>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/rate", (int id, RateForm form, ServiceRequestService service, CancellationToken ct) => service.RateAsync(id, form, ct))
            .WithSummary("Record the resident's satisfaction (1–5)").RequirePermission<ServiceRequest>(AccessAction.Update);
        return app;
    }
}
