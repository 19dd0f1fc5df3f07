using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Shegong.Web;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;

namespace Shegong.Bench;

/// <summary>
/// The app's own services (write guard, audit, scope filters) over a private copy of the bench
/// database, so a write benchmark measures what a user's save costs, not a bare INSERT.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string file;

    private BenchHost(WebApplication app, string file)
    {
        this.app = app;
        this.file = file;
    }

    /// <param name="summaryMaintained">
    /// False drops the statistics summary's maintainers (the leaf summary and its in-memory clock), so a
    /// write benchmark can report what keeping the figures live costs a save.
    /// </param>
    public static async Task<BenchHost> StartAsync(bool summaryMaintained = true)
    {
        await BenchDatabase.EnsureAsync();
        var file = Path.Combine(Path.GetTempPath(), "shegong-bench", $"writes-{Guid.NewGuid():N}.db");
        BenchDatabase.CopyTo(file);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:Shegong"] = $"Data Source={file};Foreign Keys=True;Default Timeout=30";
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Logging.ClearProviders();
        builder.Services.AddShegongDb();
        builder.Services.AddShegongFeatures();
        builder.Services.AddShegongAuth();
        // Feature services (the statistics report) take localizers; the bench needs no pages, only what they resolve.
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        if (!summaryMaintained)
        {
            builder.Services.RemoveAll<IDerivedDataMaintainer>();
            builder.Services.AddScoped<IDerivedDataMaintainer, StationTallyMaintainer>();
        }
        return new BenchHost(builder.Build(), file);
    }

    /// <summary>A DI scope signed in as the province administrator (every station writable, every save guarded and audited).</summary>
    public AsyncServiceScope SignedIn()
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().AllowProvince();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Fill(
            new Account { Id = "bench", UserName = "bench", DisplayName = "bench", Role = AccountRole.ProvinceAdmin, RegionCode = "510000000000" }, null);
        return scope;
    }

    /// <summary>A DI scope for system work (reading the fixture).</summary>
    public AsyncServiceScope System()
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("bench", audited: false);
        return scope;
    }

    public static ShegongDb Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ShegongDb>();

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
