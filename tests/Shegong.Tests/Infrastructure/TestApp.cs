using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Data;

namespace Shegong.Tests.Infrastructure;

/// <summary>
/// The real app over real HTTP (in-process test server) on its own fresh database. Subclasses
/// choose what the database starts with. Use it as a class fixture: one database per test class.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private HttpClient? client;

    protected abstract bool WithSichuanRegions { get; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>An HTTP client for the API.</summary>
    public HttpClient Client => client ??= CreateClient();

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(WithSichuanRegions);
        StartHost();
    }

    /// <summary>Starts the host now, so start-up failures show in the fixture (in-process test server by default).</summary>
    protected virtual void StartHost() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Shegong", ConnectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Seed:Regions", "false");
    }

    /// <summary>A context on this app's database that sees everything, for arranging and checking.</summary>
    public ShegongDb OpenDb() => TestDatabase.Open(ConnectionString);

    /// <summary>Runs <paramref name="work"/> with the app's own services in a fresh DI scope.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        client?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app over the real Sichuan hierarchy (3,111 townships, 34,412 villages), no stations.</summary>
public sealed class SichuanApp : TestApp
{
    protected override bool WithSichuanRegions => true;
}

/// <summary>The app over an empty, migrated database, for small hand-built hierarchies.</summary>
public sealed class EmptyApp : TestApp
{
    protected override bool WithSichuanRegions => false;
}
