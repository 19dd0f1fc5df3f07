using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Linkage.Teams;

public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/volunteer-teams").WithTags("Volunteer teams").RequirePermission<VolunteerTeam>(AccessAction.Read);
        group.MapGet("/", (string? region, bool? active, string? search, int? page, int? pageSize, string? sort, TeamService service, CancellationToken ct) =>
            service.ListAsync(new TeamFilter(region, active, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, bool? active, string? search, string? sort, TeamService service, TimeProvider clock, CancellationToken ct) =>
            TeamExport.StreamAsync((page, c) => service.ListAsync(new TeamFilter(region, active, search), page, c), sort,
                ExcelExport.FileName("volunteer-teams", clock.GetLocalNow()), ct))
            .WithSummary("The filtered volunteer team list as an Excel file").RequirePermission<VolunteerTeam>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, TeamService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (TeamForm form, TeamService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/volunteer-teams/{created.Id}", created);
        }).RequirePermission<VolunteerTeam>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, TeamForm form, TeamService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<VolunteerTeam>(AccessAction.Update);
        return app;
    }
}
