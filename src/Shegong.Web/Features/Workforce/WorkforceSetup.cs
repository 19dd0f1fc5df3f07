using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Compliance;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.Development;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Workforce;

/// <summary>Registrations and routes of the workforce feature, so Startup needs one line each.</summary>
public static class WorkforceSetup
{
    public static IServiceCollection AddWorkforce(this IServiceCollection services)
    {
        services.AddScoped<AgencyService>();
        services.AddScoped<ContractService>();
        services.AddScoped<SocialWorkerService>();
        services.AddScoped<StaffSessionService<Training>>();
        services.AddScoped<StaffSessionService<Supervision>>();
        services.AddScoped<WorkforceSummaryService>();
        services.AddScoped<DevelopmentHoursService>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkforceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAgencyEndpoints();
        app.MapContractEndpoints();
        app.MapSocialWorkerEndpoints();
        app.MapStaffSessionEndpoints();
        app.MapGet("/api/workforce/summary", (string? region, WorkforceSummaryService service, CancellationToken ct) => service.GetAsync(region, ct))
            .WithTags("Workforce").WithSummary("Resident, certified, new-graduate and local social workers of a region, and the stations short of certified staff")
            .RequirePermission<SocialWorker>(AccessAction.Read);
        app.MapGet("/api/workforce/hours", (string? region, int year, int? page, int? pageSize, DevelopmentHoursService service, CancellationToken ct) =>
                service.ListAsync(region, year, PageRequest.From(page, pageSize), ct))
            .WithTags("Workforce").WithSummary("Training and supervision hours per active social worker in a year")
            .RequirePermission<SocialWorker>(AccessAction.Read);
        return app;
    }
}
