using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

public static class SocialWorkerEndpoints
{
    public static IEndpointRouteBuilder MapSocialWorkerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/social-workers").WithTags("SocialWorkers").RequirePermission<SocialWorker>(AccessAction.Read);
        group.MapGet("/", (string? region, int? agencyId, int? stationId, CertificationLevel? certification, SocialWorkerStatus? status,
                bool? newGraduate, bool? local, string? search, int? page, int? pageSize, string? sort,
                SocialWorkerService service, CancellationToken ct) =>
            service.ListAsync(new SocialWorkerFilter(region, agencyId, stationId, certification, status, newGraduate, local, search),
                PageRequest.From(page, pageSize, sort), ct))
            .WithSummary("Social workers of the scope, ID numbers and phones masked");
        group.MapPost("/lookup", (SocialWorkerLookup lookup, SocialWorkerService service, CancellationToken ct) => service.LookupAsync(lookup, ct))
            .RequirePermission<SocialWorker>(AccessAction.Reveal)
            .RequireRateLimiting(LookupRateLimit.Policy)
            .WithSummary("Exact match by idNumber or phone (through the keyed hash), for roles that may reveal; rate-limited per user and audited");
        group.MapGet("/export", (string? region, int? agencyId, int? stationId, CertificationLevel? certification, SocialWorkerStatus? status,
            bool? newGraduate, bool? local, string? search, string? sort, SocialWorkerService service, IStringLocalizer<WorkforceText> t, TimeProvider clock, CancellationToken ct) =>
            SocialWorkerExport.StreamAsync(t, (page, c) => service.ListAsync(
                new SocialWorkerFilter(region, agencyId, stationId, certification, status, newGraduate, local, search), page, c), sort,
                ExcelExport.FileName("social-workers", clock.GetLocalNow()), ct)).WithSummary("The filtered list as an Excel file, ID numbers and phones masked").RequirePermission<SocialWorker>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, SocialWorkerService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (SocialWorkerForm form, SocialWorkerService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/social-workers/{created.Id}", created);
        }).RequirePermission<SocialWorker>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, SocialWorkerForm form, SocialWorkerService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<SocialWorker>(AccessAction.Update);
        group.MapPost("/{id:int}/assignments", (int id, AssignmentForm form, SocialWorkerService service, CancellationToken ct) =>
            service.AssignAsync(id, form, ct)).WithSummary("Make the worker resident at, or supporting, a station from a date")
            .RequirePermission<SocialWorker>(AccessAction.Update);
        group.MapPost("/{id:int}/assignments/{assignmentId:int}/end", (int id, int assignmentId, DateForm form, SocialWorkerService service,
            CancellationToken ct) => service.EndAssignmentAsync(id, assignmentId, form, ct)).RequirePermission<SocialWorker>(AccessAction.Update);
        group.MapPost("/{id:int}/leave", (int id, DateForm form, SocialWorkerService service, CancellationToken ct) => service.LeaveAsync(id, form, ct))
            .RequirePermission<SocialWorker>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/reveal", (int id, RevealForm form, SocialWorkerService service, CancellationToken ct) =>
            service.RevealAsync(id, form, ct)).WithSummary("The plain ID number or phone (field = idNumber | phone); every reveal is recorded")
            .RequirePermission<SocialWorker>(AccessAction.Reveal);
        return app;
    }
}
