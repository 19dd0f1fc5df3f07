using System.Globalization;
using AntDesign;
using Microsoft.AspNetCore.Localization;

namespace Shegong.Web.Components;

/// <summary>Blazor, Ant Design, and zh-CN first with an English switch kept in a cookie.</summary>
public static class UiSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddShegongUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<AntDesign.JsInterop.DomEventService, OrderlyDomEventService>(); // before AddAntDesign, which only adds it when missing
        services.AddAntDesign();
        _ = AntEnglishPinned.Value;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient(typeof(Shared.Scoped<>));
        services.AddScoped<Shared.Feedback>();
        return services;
    }

    public static WebApplication UseShegongLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // Pages: only the user's explicit choice switches language, zh-CN otherwise, whatever the browser says.
            // The API: a culture in the query first (a page's export link carries the page's language), else
            // the caller's Accept-Language, zh-CN otherwise.
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new ApiCultureProvider(), new CookieRequestCultureProvider()],
        });
        return app;
    }

    public static WebApplication MapShegongUi(this WebApplication app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            // Only local paths, so the switch cannot be used to redirect elsewhere.
            return Results.LocalRedirect(Common.LocalUrl.OrHome(redirectUri));
        }).ExcludeFromDescription();
        // Stylesheets and scripts from the build's manifest: compressed, with an ETag, and those the pages link by
        // fingerprint (@Assets) cached for a year, so a phone downloads them once a release, not on every visit.
        app.MapStaticAssets().ShortCircuit();
        // SecurityHeaders sends the one content security policy (frame-ancestors included); Blazor would add a second.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>
    /// Ant Design's own texts (pagination, date pickers) follow the request's UI culture, zh-CN or en. Left alone, its
    /// "en" would be the first English file it holds, en-GB (dates day first, some texts missing); this pins "en" to
    /// en-US once, at start. <see cref="LocaleProvider.SetLocale"/> is the only way to pin it, and it also sets the
    /// process-wide default UI culture and the caller's cultures: those are put back at once. (Called per page, as it
    /// once was, it handed the last English page's language to every thread without one of its own.)
    /// </summary>
    private static bool PinAntEnglish()
    {
        var (defaultUi, culture, uiCulture) = (CultureInfo.DefaultThreadCurrentUICulture, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            LocaleProvider.SetLocale("en", LocaleProvider.GetLocale("en-US") with { });
        }
        finally
        {
            CultureInfo.DefaultThreadCurrentUICulture = defaultUi;
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
        return true;
    }

    /// <summary>Once per process: two apps starting together (the tests) would otherwise each put back what the other set.</summary>
    private static readonly Lazy<bool> AntEnglishPinned = new(PinAntEnglish);

    /// <summary>Accept-Language decides for /api; for an API call without it the answer is zh-CN, never the UI cookie.</summary>
    private sealed class ApiCultureProvider : RequestCultureProvider
    {
        private static readonly AcceptLanguageHeaderRequestCultureProvider Header = new();
        private static readonly ProviderCultureResult Default = new("zh-CN");

        public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            if (!httpContext.Request.Path.StartsWithSegments("/api"))
            {
                return null;
            }
            Header.Options = Options;
            return await Header.DetermineProviderCultureResult(httpContext) ?? Default;
        }
    }
}
