using Shegong.Web.Common.Access;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Linkage.Volunteers;

namespace Shegong.Web.Features.Linkage;

/// <summary>Registrations and routes of five-society linkage, so Startup needs one line each.</summary>
public static class LinkageSetup
{
    public static IServiceCollection AddLinkage(this IServiceCollection services)
    {
        services.AddScoped<OrganisationService>();
        services.AddScoped<TeamService>();
        services.AddScoped<LinkageFigureService>();
        services.AddScoped<VolunteerService>();
        services.AddScoped<VolunteerHourService>();
        services.AddScoped<VolunteerSelfService>();
        services.AddScoped<DonorService>();
        services.AddScoped<DonationService>();
        services.AddScoped<DonationLinkService>();
        services.AddScoped<LinkTargetSearch>();
        services.AddScoped<LinkageViewService>();
        return services;
    }

    public static IEndpointRouteBuilder MapLinkageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOrganisationEndpoints();
        app.MapTeamEndpoints();
        app.MapVolunteerEndpoints();
        app.MapDonationEndpoints();
        app.MapGet("/api/linkage/figures", (string region, LinkageFigureService service, CancellationToken ct) => service.FiguresAsync(region, ct))
            .WithTags("Linkage").WithSummary("Five-society figures of a region (organisations incubated by stage and type, volunteer teams formed and active, registered volunteers, confirmed hours, per 10,000 residents where the population is known)")
            .RequirePermission<CommunityOrganisation>(AccessAction.Read);
        app.MapGet("/api/linkage/linked", (LinkTarget target, int id, LinkageViewService service, CancellationToken ct) => service.ForTargetAsync(target, id, ct))
            .WithTags("Linkage").WithSummary("Everything linked to a resident, case, request or activity: donation links, and the organisations and volunteers an activity names")
            .RequirePermission<Donation>(AccessAction.Read);
        app.MapGet("/api/linkage/stations/{id:int}", (int id, LinkageViewService service, CancellationToken ct) => service.ForStationAsync(id, ct))
            .WithTags("Linkage").WithSummary("A station's organisations, volunteer teams and donors, and what its donations were linked to")
            .RequirePermission<Donation>(AccessAction.Read);
        return app;
    }
}
