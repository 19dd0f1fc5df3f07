namespace Shegong.Web.Features.Residents;

/// <summary>Registrations of the residents feature, so Startup needs one line each.</summary>
public static class ResidentSetup
{
    public static IServiceCollection AddResidents(this IServiceCollection services) => services.AddScoped<ResidentService>();
}
