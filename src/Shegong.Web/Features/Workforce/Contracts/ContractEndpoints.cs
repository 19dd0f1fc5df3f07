using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Workforce.Contracts;

public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contracts").WithTags("Contracts").RequirePermission<ServiceContract>(AccessAction.Read);
        group.MapGet("/", (string? region, int? agencyId, ContractStatus? status, string? search, int? page, int? pageSize, string? sort,
                ContractService service, CancellationToken ct) =>
            service.ListAsync(new ContractFilter(region, agencyId, status, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, int? agencyId, ContractStatus? status, string? search, string? sort,
            ContractService service, IStringLocalizer<WorkforceText> t, TimeProvider clock, CancellationToken ct) =>
            ContractExport.StreamAsync(t, (page, c) => service.ListAsync(new ContractFilter(region, agencyId, status, search), page, c), sort,
                ExcelExport.FileName("contracts", clock.GetLocalNow()), ct)).WithSummary("The filtered contract list as an Excel file").RequirePermission<ServiceContract>(AccessAction.Export);
        group.MapGet("/operator", (int stationId, DateOnly? on, ContractService service, CancellationToken ct) =>
            service.OperatorAsync(stationId, on, ct)).WithSummary("The agency operating a station on a date, from its contract");
        group.MapGet("/{id:int}", (int id, ContractService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (ContractForm form, ContractService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/contracts/{created.Id}", created);
        }).RequirePermission<ServiceContract>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, ContractForm form, ContractService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .WithSummary("Edit a draft contract").RequirePermission<ServiceContract>(AccessAction.Update);
        group.MapPost("/{id:int}/activate", (int id, ContractVersionForm? form, ContractService service, CancellationToken ct) =>
            service.ActivateAsync(id, form, ct))
            .RequirePermission<ServiceContract>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/complete", (int id, ContractCloseForm form, ContractService service, CancellationToken ct) =>
            service.CompleteAsync(id, form, ct)).RequirePermission<ServiceContract>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/terminate", (int id, ContractCloseForm form, ContractService service, CancellationToken ct) =>
            service.TerminateAsync(id, form, ct)).RequirePermission<ServiceContract>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/evaluations", (int id, EvaluationForm form, ContractService service, CancellationToken ct) =>
            service.EvaluateAsync(id, form, ct)).WithSummary("Record the mid-term or final evaluation")
            .RequirePermission<ServiceContract>(AccessAction.Update);
        return app;
    }
}
