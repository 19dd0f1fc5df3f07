using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Linkage.Organisations;

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/community-organisations").WithTags("Community organisations")
            .RequirePermission<CommunityOrganisation>(AccessAction.Read);
        group.MapGet("/", (string? region, OrganisationType? type, OrganisationStage? stage, string? search, int? page, int? pageSize, string? sort,
                OrganisationService service, CancellationToken ct) =>
            service.ListAsync(new OrganisationFilter(region, type, stage, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, OrganisationType? type, OrganisationStage? stage, string? search, string? sort,
            OrganisationService service, TimeProvider clock, CancellationToken ct) =>
            OrganisationExport.StreamAsync((page, c) => service.ListAsync(new OrganisationFilter(region, type, stage, search), page, c), sort,
                ExcelExport.FileName("community-organisations", clock.GetLocalNow()), ct))
            .WithSummary("The filtered community organisation list as an Excel file").RequirePermission<CommunityOrganisation>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, OrganisationService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (OrganisationForm form, OrganisationService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/community-organisations/{created.Id}", created);
        }).RequirePermission<CommunityOrganisation>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, OrganisationForm form, OrganisationService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<CommunityOrganisation>(AccessAction.Update);
        group.MapPost("/{id:int}/stage", (int id, OrganisationStageForm form, OrganisationService service, CancellationToken ct) =>
                service.MoveAsync(id, form, ct))
            .WithSummary("Move to the next stage: Filed, then Registered (with a valid unified social credit code)")
            .RequirePermission<CommunityOrganisation>(AccessAction.Update);
        return app;
    }
}
