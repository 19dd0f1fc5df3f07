namespace Shegong.Web.Features.Activities;

/// <summary>Registrations and routes of community activities, so Startup needs one line each.</summary>
public static class ActivitiesSetup
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityService>();
        services.AddScoped<ActivityFiles>();
        services.AddSingleton<EvidenceStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapActivitiesEndpoints(this IEndpointRouteBuilder app) => app.MapActivityEndpoints();
}
