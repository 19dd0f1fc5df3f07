using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Pilots;

public static class PilotEndpoints
{
    public static IServiceCollection AddPilots(this IServiceCollection services) =>
        services.AddScoped<PilotBatchService>().AddScoped<PilotApplicationService>().AddScoped<PilotProjectService>()
            .AddScoped<PilotNotificationService>();

    public static IEndpointRouteBuilder MapPilotEndpoints(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/pilot-batches").WithTags("Pilots").RequirePermission<PilotBatch>(AccessAction.Read);
        batches.MapGet("/", (int? year, PilotBatchStatus? status, string? search, int? page, int? pageSize, string? sort, PilotBatchService s,
            CancellationToken ct) => s.ListAsync(new PilotBatchFilter(year, status, search), PageRequest.From(page, pageSize, sort), ct));
        batches.MapGet("/export", (int? year, PilotBatchStatus? status, string? search, string? sort, PilotBatchService s, TimeProvider clock,
            CancellationToken ct) => PilotExport.BatchesAsync((page, c) => s.ListAsync(new PilotBatchFilter(year, status, search), page, c), sort,
                ExcelExport.FileName("pilot-batches", clock.GetLocalNow()), ct))
            .WithSummary("The filtered batch list as an Excel file").RequirePermission<PilotBatch>(AccessAction.Export);
        batches.MapGet("/{id:int}", (int id, PilotBatchService s, CancellationToken ct) => s.GetAsync(id, ct));
        batches.MapGet("/{id:int}/choosing", (int id, string? sort, PilotBatchService s, CancellationToken ct) => s.ChoosingAsync(id, sort, ct))
            .WithSummary("Every applied township with its priority flags and score, and the confirmed totals against budget and targets");
        batches.MapGet("/{id:int}/dashboard", (int id, PilotProjectService s, CancellationToken ct) => s.DashboardAsync(id, ct))
            .WithSummary("Counties, townships, subsidy awarded and paid, and compliant projects, by city");
        batches.MapPost("/", async (PilotBatchForm form, PilotBatchService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(form, ct);
            return Results.Created($"/api/pilot-batches/{created.Id}", created);
        }).RequirePermission<PilotBatch>(AccessAction.Create);
        batches.MapPut("/{id:int}", (int id, PilotBatchForm form, PilotBatchService s, CancellationToken ct) => s.UpdateAsync(id, form, ct))
            .WithSummary("Edit a draft batch").RequirePermission<PilotBatch>(AccessAction.Update);
        batches.MapPost("/{id:int}/move", (int id, PilotBatchMoveForm form, PilotBatchService s, CancellationToken ct) => s.MoveAsync(id, form, ct))
            .WithSummary("Move the batch one step; Confirmed makes the projects").RequirePermission<PilotBatch>(AccessAction.StatusChange);

        var applications = app.MapGroup("/api/pilot-applications").WithTags("Pilots").RequirePermission<PilotApplication>(AccessAction.Read);
        applications.MapGet("/", (int? batchId, PilotApplicationStatus? status, string? region, string? search, int? page, int? pageSize, string? sort,
            PilotApplicationService s, CancellationToken ct) =>
            s.ListAsync(new PilotApplicationFilter(batchId, status, region, search), PageRequest.From(page, pageSize, sort), ct));
        applications.MapGet("/export", (int? batchId, PilotApplicationStatus? status, string? region, string? search, string? sort,
            PilotApplicationService s, TimeProvider clock, CancellationToken ct) =>
            PilotExport.ApplicationsAsync((page, c) => s.ListAsync(new PilotApplicationFilter(batchId, status, region, search), page, c), sort,
                ExcelExport.FileName("pilot-applications", clock.GetLocalNow()), ct))
            .WithSummary("The filtered application list as an Excel file").RequirePermission<PilotApplication>(AccessAction.Export);
        applications.MapGet("/{id:int}", (int id, PilotApplicationService s, CancellationToken ct) => s.GetAsync(id, ct));
        applications.MapPost("/", async (PilotApplicationForm form, PilotApplicationService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(form, ct);
            return Results.Created($"/api/pilot-applications/{created.Id}", created);
        }).WithSummary("A county applies for itself").RequirePermission<PilotApplication>(AccessAction.Create);
        applications.MapPut("/{id:int}", (int id, PilotApplicationForm form, PilotApplicationService s, CancellationToken ct) => s.ResubmitAsync(id, form, ct))
            .WithSummary("Edit a returned application and resubmit it").RequirePermission<PilotApplication>(AccessAction.Update);
        applications.MapPost("/{id:int}/review", (int id, PilotReviewForm form, PilotApplicationService s, CancellationToken ct) => s.ReviewAsync(id, form, ct))
            .WithSummary("The city approves, returns or rejects").RequirePermission<PilotApplication>(AccessAction.StatusChange);
        applications.MapPost("/{id:int}/decisions", (int id, PilotDecisionForm form, PilotApplicationService s, CancellationToken ct) => s.DecideAsync(id, form, ct))
            .WithSummary("The province confirms or rejects a township").RequirePermission<PilotApplication>(AccessAction.Update);
        applications.MapPost("/{id:int}/amendments", (int id, PilotDecisionForm form, PilotApplicationService s, CancellationToken ct) => s.AmendAsync(id, form, ct))
            .WithSummary("After confirmation: change a township's decision, with a reason").RequirePermission<PilotApplication>(AccessAction.Update);

        var projects = app.MapGroup("/api/pilot-projects").WithTags("Pilots").RequirePermission<PilotProject>(AccessAction.Read);
        projects.MapGet("/", (int? batchId, string? region, string? search, bool? problems, int? page, int? pageSize, string? sort,
            PilotProjectService s, CancellationToken ct) =>
            s.ListAsync(new PilotProjectFilter(batchId, region, search, problems), PageRequest.From(page, pageSize, sort), ct));
        projects.MapGet("/export", (int? batchId, string? region, string? search, bool? problems, string? sort, PilotProjectService s,
            TimeProvider clock, CancellationToken ct) =>
            PilotExport.ProjectsAsync((page, c) => s.ListAsync(new PilotProjectFilter(batchId, region, search, problems), page, c), sort,
                ExcelExport.FileName("pilot-projects", clock.GetLocalNow()), ct))
            .WithSummary("The filtered project list as an Excel file").RequirePermission<PilotProject>(AccessAction.Export);
        projects.MapGet("/{id:int}", (int id, PilotProjectService s, CancellationToken ct) => s.GetAsync(id, ct));
        projects.MapPost("/{id:int}/award", (int id, PilotAwardForm form, PilotProjectService s, CancellationToken ct) => s.AwardAsync(id, form, ct))
            .WithSummary("The province awards the subsidy").RequirePermission<PilotProject>(AccessAction.Update);
        projects.MapPost("/{id:int}/disbursements", (int id, PilotDisbursementForm form, PilotProjectService s, CancellationToken ct) => s.PayAsync(id, form, ct))
            .WithSummary("Record a payment (date, amount, document number)").RequirePermission<PilotProject>(AccessAction.Update);
        projects.MapPut("/{id:int}/station", (int id, PilotStationForm form, PilotProjectService s, CancellationToken ct) => s.SetStationAsync(id, form, ct))
            .WithSummary("The township station that carries the project").RequirePermission<PilotProject>(AccessAction.Update);

        app.MapGet("/api/pilot-notifications", (PilotNotificationService s, CancellationToken ct) => s.ListAsync(ct)).WithTags("Pilots")
            .WithSummary("What the pilot workflow waits for from the caller, by role and scope").RequirePermission<PilotBatch>(AccessAction.Read);
        return app;
    }
}
