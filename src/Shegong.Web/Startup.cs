using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Components;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Coverage;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Indicators;
using Shegong.Web.Features.Linkage;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Pilots;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Statistics;
using Shegong.Web.Features.Workforce;

namespace Shegong.Web;

/// <summary>The registrations and the pipeline Program.cs reads as a table of contents.</summary>
public static class Startup
{
    /// <summary>One service class per feature: the seam the UI and the API both call.</summary>
    public static IServiceCollection AddShegongFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RegionService>();
        services.AddScoped<RegionAttributeImport>();
        services.AddScoped<RegionImporter>();
        services.AddScoped<StationService>();
        services.AddScoped<CoverageService>();
        services.AddScoped<RevealRecorder>();
        services.AddSingleton<CoverageGeo>();
        services.AddScoped<DemoSeeder>();
        services.AddPrivacy();
        services.AddWorkforce();
        services.AddResidents();
        services.AddScoped<CaseService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<ServiceRecordService>();
        services.AddScoped<WorkerDayService>();
        services.AddServiceRequests();
        services.AddGroupWork();
        services.AddActivities();
        services.AddLinkage();
        services.AddScoped<StatisticsService>();
        services.AddSingleton<Features.Statistics.Memory.StatisticsMemory>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, RequestMarkerReset>();
        services.AddSingleton<SummaryCache>();
        services.AddScoped<SummaryVerifier>();
        services.AddScoped<Features.Statistics.Report.StatisticsReport>();
        services.AddPilots();
        services.AddIndicators();
        services.AddEmergencies();
        return services;
    }

    public static IServiceCollection AddShegongApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Malformed parameters (a bad enum, bad JSON) reach ProblemHandler, which says what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerOpenApi>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication UseShegongPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseReverseProxyHeaders();
        // Localisation ahead of the exception handler, so problem details speak the request's language.
        app.UseShegongLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Routing here, not first: the static assets answer at this point (MapStaticAssets, short-circuited)
        // with the security headers on, but without the sign-in, the account lookup and the rest below.
        app.UseRouting();
        app.UseCrossSiteCheck();
        RequestMarker.Attach(app);
        app.UseShegongAuth();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapShegongApi(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        // Liveness for orchestrators: the process answers; no check (and no database) is run.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // The OpenAPI document is public on purpose: the project is open source, so it tells nobody more than the repository does.
        app.MapOpenApi();
        app.MapSignInEndpoints();
        // Every feature endpoint needs a signed-in user; map new features on `api` (and add them to the access matrix test).
        // Input no field may hold is refused, and every write is one transaction, for each endpoint of the group.
        var api = app.MapGroup("").RequireAuthorization()
            .AddEndpointFilterFactory(InputGuard.Factory)
            .AddEndpointFilterFactory(WriteTransaction.Factory);
        api.MapRegionEndpoints();
        api.MapStationEndpoints();
        api.MapCoverageEndpoints();
        api.MapAccountEndpoints();
        api.MapAuditEndpoints();
        api.MapWorkforceEndpoints();
        api.MapResidentEndpoints();
        api.MapCaseEndpoints();
        api.MapAssessmentEndpoints();
        api.MapServiceRecordEndpoints();
        api.MapServiceRequestEndpoints();
        app.MapPublicRequestEndpoints();
        api.MapGroupWorkEndpoints();
        api.MapActivitiesEndpoints();
        api.MapLinkageEndpoints();
        app.MapPublicVolunteerEndpoints();
        api.MapStatisticsEndpoints();
        api.MapPilotEndpoints();
        api.MapIndicatorEndpoints();
        api.MapEmergencyEndpoints();
        api.MapEmergencyReportSearch();
        return app;
    }

    /// <summary>
    /// A published app started from another folder (a service manager, <c>dotnet /opt/shegong/Shegong.Web.dll</c>)
    /// still serves its static files and finds its database, keys and reference data: relative paths
    /// (<c>wwwroot</c>, <c>data/</c>) are taken from the app's own folder when the working folder is not the app's.
    /// </summary>
    public static void SettleWorkingDirectory(string[] args)
    {
        var contentRootGiven = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase));
        var appFolder = AppContext.BaseDirectory;
        if (!contentRootGiven && !Directory.Exists("wwwroot") && Directory.Exists(Path.Combine(appFolder, "wwwroot")))
        {
            Directory.SetCurrentDirectory(appFolder);
        }
    }

    /// <summary>Prints where the app listens and how to start, once it does.</summary>
    public static void AnnounceOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Shegong 社工 is running at {url}");
            }
            Console.WriteLine($"Database: {DatabaseSetup.ProviderFrom(app.Configuration)}. Press Ctrl+C to stop.");
        });
    }
}
