namespace Shegong.Web.Common.Privacy;

public static class PrivacySetup
{
    /// <summary>Keys are read (or, on a development machine, generated) once, when first needed.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton(sp => PrivacyKeys.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PrivacyKeys))));
        services.AddSingleton<PersonalData>();
        services.AddScoped<KeyRotation>();
        services.AddLookupRateLimit();
        services.AddKeyRingEncryption();
        return services;
    }
}
