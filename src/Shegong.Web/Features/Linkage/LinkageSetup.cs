using Shegong.Web.Common.Access;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;

namespace Shegong.Web.Features.Linkage;

/// <summary>Registrations and routes of five-society linkage, so Startup needs one line each.</summary>
public static class LinkageSetup
{
    public static IServiceCollection AddLinkage(this IServiceCollection services)
    {
        services.AddScoped<OrganisationService>();
        services.AddScoped<TeamService>();
        services.AddScoped<LinkageFigureService>();
        return services;
    }

    public static IEndpointRouteBuilder MapLinkageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOrganisationEndpoints();
        app.MapTeamEndpoints();
        app.MapGet("/api/linkage/figures", (string region, LinkageFigureService service, CancellationToken ct) => service.FiguresAsync(region, ct))
            .WithTags("Linkage").WithSummary("Five-society figures of a region (organisations incubated by stage and type, volunteer teams formed and active)")
            .RequirePermission<CommunityOrganisation>(AccessAction.Read);
        return app;
    }
}
