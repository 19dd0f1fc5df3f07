namespace Shegong.Web.Features.GroupWork;

/// <summary>Registrations and routes of group work, so Startup needs one line each.</summary>
public static class GroupWorkSetup
{
    public static IServiceCollection AddGroupWork(this IServiceCollection services)
    {
        services.AddScoped<GroupService>();
        services.AddScoped<GroupSessionService>();
        services.AddScoped<ResidentChoices>();
        services.AddScoped<StaffChoices>();
        return services;
    }

    public static IEndpointRouteBuilder MapGroupWorkEndpoints(this IEndpointRouteBuilder app) => app.MapGroupEndpoints();
}
