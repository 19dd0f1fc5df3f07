using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Assessments;

public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments").WithTags("Needs assessments").RequirePermission<NeedsAssessment>(AccessAction.Read);
        group.MapGet("/", (string? region, AssessmentSubject? subject, int? stationId, int? page, int? pageSize, string? sort,
                AssessmentService service, CancellationToken ct) =>
            service.ListAsync(new AssessmentFilter(region, subject, stationId), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, AssessmentSubject? subject, int? stationId, string? sort,
                AssessmentService service, IStringLocalizer<AssessmentText> t, TimeProvider clock, CancellationToken ct) =>
            // In the words of the list page (the request's language).
            ExcelExport.StreamPages((p, c) => service.ListAsync(new AssessmentFilter(region, subject, stationId), p, c), sort,
                ExcelExport.FileName("assessments", clock.GetLocalNow()), ct,
                (Names.Field("NeedsAssessment", "Id"), r => r.Id), (t["ColSubject"], r => r.SubjectName),
                (t["ColSubjectKind"], r => Names.Of(r.Subject)), (t["ColStation"], r => r.StationName),
                (t["ColAssessor"], r => r.AssessorName), (t["ColAssessedOn"], r => r.AssessedOn.ToString(DateFormat.Iso)),
                (t["ColHigh"], r => r.HighPriorities)))
            .WithSummary("The filtered assessment list as an Excel file").RequirePermission<NeedsAssessment>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, AssessmentService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (AssessmentForm form, AssessmentService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/assessments/{created.Id}", created);
        }).WithSummary("Record a needs assessment (it makes its service record)").RequirePermission<NeedsAssessment>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, AssessmentForm form, AssessmentService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .WithSummary("Edit a needs assessment (its service record follows)").RequirePermission<NeedsAssessment>(AccessAction.Update);
        group.MapDelete("/{id:int}", async (int id, uint? version, AssessmentService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, version, ct);
            return Results.NoContent();
        }).WithSummary("Delete a needs assessment with its service record").RequirePermission<NeedsAssessment>(AccessAction.Delete);
        return app;
    }
}
