using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Activities;

public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activities").WithTags("Activities").RequirePermission<CommunityActivity>(AccessAction.Read);
        group.MapGet("/", (string? region, ServiceCategory? category, DateOnly? from, DateOnly? to, string? search, int? page, int? pageSize, string? sort,
                ActivityService service, CancellationToken ct) =>
            service.ListAsync(new ActivityFilter(region, category, from, to, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, ServiceCategory? category, DateOnly? from, DateOnly? to, string? search, string? sort,
            ActivityService service, IStringLocalizer<GroupWorkText> t, TimeProvider clock, CancellationToken ct) =>
            ActivityExport.StreamAsync(t, (page, c) => service.ListAsync(new ActivityFilter(region, category, from, to, search), page, c), sort,
                ExcelExport.FileName("activities", clock.GetLocalNow()), ct)).WithSummary("The filtered activity list as an Excel file")
            .RequirePermission<CommunityActivity>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, ActivityService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (ActivityForm form, ActivityService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/activities/{created.Id}", created);
        }).RequirePermission<CommunityActivity>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, ActivityForm form, ActivityService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<CommunityActivity>(AccessAction.Update);
        group.MapDelete("/{id:int}", async (int id, uint? version, ActivityFiles files, CancellationToken ct) =>
        {
            var stored = await files.DeleteActivityAsync(id, version, ct);
            return new AfterCommit(Results.NoContent(), () => files.DeleteStored(stored));
        }).WithSummary("Delete an activity with its service record and evidence files").RequirePermission<CommunityActivity>(AccessAction.Delete);

        // The form is read by hand, after the permission check: a bound IFormFile would answer 415 to a
        // refused role before authorisation. Bearer clients upload too; the cross-site check guards cookie posts.
        group.MapPost("/{id:int}/files", async (int id, HttpContext http, ActivityFiles files, CancellationToken ct) =>
        {
            var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct)).Files.GetFile("file") : null;
            if (file is null)
            {
                throw RequestProblem.Invalid("file", ProblemText.ActivitySendFileAsMultipartFormDataIn);
            }
            await using var content = file.OpenReadStream();
            var added = await files.AddAsync(id, file.FileName, content, ct);
            return Results.Created($"/api/activities/{id}/files/{added.Id}", added);
        }).DisableAntiforgery().WithSummary("Upload an evidence file (jpg, png, webp or pdf) as multipart/form-data field `file`")
            .RequirePermission<CommunityActivity>(AccessAction.Update);
        group.MapGet("/{id:int}/files/{fileId:int}", async (int id, int fileId, ActivityFiles files, CancellationToken ct) =>
        {
            var (file, content) = await files.OpenAsync(id, fileId, ct);
            return Results.File(content, file.ContentType, file.FileName);
        }).WithSummary("Download an evidence file");
        group.MapDelete("/{id:int}/files/{fileId:int}", async (int id, int fileId, ActivityFiles files, CancellationToken ct) =>
        {
            var stored = await files.RemoveAsync(id, fileId, ct);
            return new AfterCommit(Results.NoContent(), () => files.DeleteStored([stored]));
        }).WithSummary("Remove an evidence file").RequirePermission<CommunityActivity>(AccessAction.Update);
        return app;
    }

    /// <summary>
    /// A result that runs <paramref name="then"/> before writing <paramref name="inner"/>. Results are
    /// executed after the endpoint filters, so after the write transaction committed: files on disk
    /// are removed only when their rows are gone for good.
    /// </summary>
    private sealed class AfterCommit(IResult inner, Action then) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            then();
            return inner.ExecuteAsync(httpContext);
        }
    }
}
