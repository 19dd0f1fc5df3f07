using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Casework;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequirePermission<Case>(AccessAction.Read);
        group.MapGet("/", (string? region, CaseStage? stage, int? stationId, string? search, int? page, int? pageSize, string? sort,
                CaseService service, CancellationToken ct) =>
            service.ListAsync(new CaseFilter(region, stage, stationId, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, CaseStage? stage, int? stationId, string? search, string? sort,
                CaseService service, IStringLocalizer<CaseText> t, TimeProvider clock, CancellationToken ct) =>
            CaseExport.StreamAsync(t, (p, c) => service.ListAsync(new CaseFilter(region, stage, stationId, search), p, c), sort,
                ExcelExport.FileName("cases", clock.GetLocalNow()), ct))
            .WithSummary("The filtered case list as an Excel file").RequirePermission<Case>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, CaseService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (CaseForm form, CaseService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/cases/{created.Id}", created);
        }).WithSummary("Open a case (its intake)").RequirePermission<Case>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, CaseForm form, CaseService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .WithSummary("Edit a case's intake").RequirePermission<Case>(AccessAction.Update);
        group.MapPost("/{id:int}/stage", (int id, StageMoveForm form, CaseService service, CancellationToken ct) => service.MoveAsync(id, form, ct))
            .WithSummary("Move a case to its next stage, with the record of the stage it leaves").RequirePermission<Case>(AccessAction.Update);
        group.MapPost("/{id:int}/reopen", (int id, ReopenForm form, CaseService service, CancellationToken ct) => service.ReopenAsync(id, form, ct))
            .WithSummary("Reopen a closed case, with the reason").RequirePermission<Case>(AccessAction.Update);
        group.MapPost("/{id:int}/transfer", (int id, TransferForm form, CaseService service, CancellationToken ct) => service.TransferAsync(id, form, ct))
            .WithSummary("Hand a case to another social worker of its station").RequirePermission<Case>(AccessAction.Update);
        group.MapPost("/{id:int}/contacts", (int id, ContactForm form, CaseService service, CancellationToken ct) => service.AddContactAsync(id, form, ct))
            .WithSummary("Record a contact (it makes its service record)").RequirePermission<Case>(AccessAction.Update);
        group.MapPut("/{id:int}/contacts/{contactId:int}", (int id, int contactId, ContactForm form, CaseService service, CancellationToken ct) =>
            service.UpdateContactAsync(id, contactId, form, ct)).WithSummary("Edit a contact (its service record follows)").RequirePermission<Case>(AccessAction.Update);
        group.MapDelete("/{id:int}/contacts/{contactId:int}", (int id, int contactId, uint? version, CaseService service, CancellationToken ct) =>
            service.DeleteContactAsync(id, contactId, version, ct)).WithSummary("Delete a contact with its service record").RequirePermission<Case>(AccessAction.Update);
        group.MapPost("/{id:int}/referrals", (int id, ReferralForm form, CaseService service, CancellationToken ct) => service.ReferAsync(id, form, ct))
            .WithSummary("Refer a case to another station, an agency or a department").RequirePermission<Case>(AccessAction.Update);
        group.MapGet("/referrals/incoming", (bool? pending, int? page, int? pageSize, CaseService service, CancellationToken ct) =>
            service.IncomingAsync(pending, PageRequest.From(page, pageSize), ct)).WithSummary("Referrals to the stations in the caller's scope");
        group.MapPost("/referrals/{referralId:int}/answer", (int referralId, ReferralAnswerForm form, CaseService service, CancellationToken ct) =>
            service.AnswerAsync(referralId, form, ct)).WithSummary("Accept or decline a referral").RequirePermission<ReferralAnswer>(AccessAction.Create);
        group.MapGet("/workers", (int stationId, CaseService service, CancellationToken ct) => service.WorkersAtAsync(stationId, ct))
            .WithSummary("Social workers working at a station now (for the case form)");
        group.MapGet("/residents", (string? search, int? stationId, CaseService service, CancellationToken ct) =>
            service.FindResidentsAsync(search, stationId, ct)).WithSummary("Residents by name (for the case form's picker)");
        return app;
    }
}
