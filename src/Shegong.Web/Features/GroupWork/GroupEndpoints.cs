using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.GroupWork;

public static class GroupEndpoints
{
    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/groups").WithTags("Groups").RequirePermission<Group>(AccessAction.Read);
        group.MapGet("/", (string? region, GroupStage? stage, GroupType? type, ServiceCategory? category, string? search, int? page, int? pageSize,
                string? sort, GroupService service, CancellationToken ct) =>
            service.ListAsync(new GroupFilter(region, stage, type, category, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, GroupStage? stage, GroupType? type, ServiceCategory? category, string? search, string? sort,
            GroupService service, IStringLocalizer<GroupWorkText> t, TimeProvider clock, CancellationToken ct) =>
            GroupExport.StreamAsync(t, (page, c) => service.ListAsync(new GroupFilter(region, stage, type, category, search), page, c), sort,
                ExcelExport.FileName("groups", clock.GetLocalNow()), ct)).WithSummary("The filtered group list as an Excel file")
            .RequirePermission<Group>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, GroupService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("A group with its members and sessions");
        group.MapPost("/", async (GroupForm form, GroupService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/groups/{created.Id}", created);
        }).RequirePermission<Group>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, GroupForm form, GroupService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Group>(AccessAction.Update);
        group.MapPost("/{id:int}/stage", (int id, GroupStageForm form, GroupService service, CancellationToken ct) =>
            service.MoveStageAsync(id, form, ct)).WithSummary("Move a group to its next stage").RequirePermission<Group>(AccessAction.Update);
        group.MapDelete("/{id:int}", async (int id, uint? version, GroupService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, version, ct);
            return Results.NoContent();
        }).WithSummary("Delete a group with its sessions and their service records").RequirePermission<Group>(AccessAction.Delete);

        var sessions = group.MapGroup("/{id:int}/sessions");
        sessions.MapPost("/", async (int id, GroupSessionForm form, GroupSessionService service, CancellationToken ct) =>
            Results.Created($"/api/groups/{id}", await service.AddAsync(id, form, ct)))
            .WithSummary("Record a session (and its service record)").RequirePermission<GroupSession>(AccessAction.Create);
        sessions.MapPut("/{sessionId:int}", (int id, int sessionId, GroupSessionForm form, GroupSessionService service, CancellationToken ct) =>
            service.UpdateAsync(id, sessionId, form, ct)).RequirePermission<GroupSession>(AccessAction.Update);
        sessions.MapPut("/{sessionId:int}/attendance", (int id, int sessionId, GroupAttendanceForm form, GroupSessionService service, CancellationToken ct) =>
            service.SetAttendanceAsync(id, sessionId, form, ct)).WithSummary("Members present and the unnamed head count of a session")
            .RequirePermission<GroupSession>(AccessAction.Update);
        sessions.MapDelete("/{sessionId:int}", (int id, int sessionId, uint? version, GroupSessionService service, CancellationToken ct) =>
            service.DeleteAsync(id, sessionId, version, ct)).WithSummary("Delete a session and its service record")
            .RequirePermission<GroupSession>(AccessAction.Delete);
        return app;
    }
}
