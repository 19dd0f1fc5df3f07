namespace Shegong.Web.Features.Emergencies;

/// <summary>Registrations and routes of emergency response, so Startup needs one line each.</summary>
public static class EmergencySetup
{
    public static IServiceCollection AddEmergencies(this IServiceCollection services)
    {
        services.AddScoped<EmergencyService>();
        services.AddScoped<EmergencyReportService>();
        services.AddScoped<EmergencyFigureService>();
        services.AddScoped<EmergencyReportSearch>();
        return services;
    }
}
