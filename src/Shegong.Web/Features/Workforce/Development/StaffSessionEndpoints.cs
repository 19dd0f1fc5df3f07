using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Workforce.Development;

public static class StaffSessionEndpoints
{
    public static IEndpointRouteBuilder MapStaffSessionEndpoints(this IEndpointRouteBuilder app)
    {
        Map<Training>(app, "/api/trainings", "Trainings", "trainings", "Trainer");
        Map<Supervision>(app, "/api/supervisions", "Supervisions", "supervisions", "Supervisor");
        return app;
    }

    private static void Map<T>(IEndpointRouteBuilder app, string route, string tag, string fileStem, string leaderKey) where T : StaffSession, new()
    {
        var group = app.MapGroup(route).WithTags(tag).RequirePermission<T>(AccessAction.Read);
        group.MapGet("/", (string? region, int? year, int? socialWorkerId, string? search, int? page, int? pageSize, string? sort,
                StaffSessionService<T> service, CancellationToken ct) =>
            service.ListAsync(new StaffSessionFilter(region, year, socialWorkerId, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, int? year, int? socialWorkerId, string? search, string? sort,
            StaffSessionService<T> service, IStringLocalizer<WorkforceText> t, TimeProvider clock, CancellationToken ct) =>
            StaffSessionExport.StreamAsync(t, (page, c) => service.ListAsync(new StaffSessionFilter(region, year, socialWorkerId, search), page, c), sort,
                leaderKey, ExcelExport.FileName(fileStem, clock.GetLocalNow()), ct)).RequirePermission<T>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, StaffSessionService<T> service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (StaffSessionForm form, StaffSessionService<T> service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"{route}/{created.Id}", created);
        }).RequirePermission<T>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, StaffSessionForm form, StaffSessionService<T> service, CancellationToken ct) =>
            service.UpdateAsync(id, form, ct)).RequirePermission<T>(AccessAction.Update);
    }
}
