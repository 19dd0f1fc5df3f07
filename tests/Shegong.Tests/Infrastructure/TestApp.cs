using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Infrastructure;

/// <summary>
/// The real app over real HTTP (in-process test server) on its own fresh database. Subclasses
/// choose what the database starts with. Use it as a class fixture: one database per test class.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin@Test2022";
    public const string Password = "Test@Pass2022";

    private HttpClient? client;
    private readonly List<HttpClient> clients = [];

    protected abstract bool WithSichuanRegions { get; }

    /// <summary>
    /// Whether the database starts as a copy of the seeded demo (<see cref="TestDatabase.CreateDemoAsync"/>), read with
    /// the demo's privacy keys; the Sichuan regions come with it.
    /// </summary>
    protected virtual bool WithDemo => false;

    public string ConnectionString { get; private set; } = "";

    /// <summary>An HTTP client for the API, signed in as the province administrator <c>admin</c>.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous => Track(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress }));

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = WithDemo ? await TestDatabase.CreateDemoAsync() : await TestDatabase.CreateAsync(WithSichuanRegions);
        StartHost();
        client = await SignedInClientAsync(AccountBootstrap.AdminUserName, AdminPassword);
    }

    /// <summary>
    /// Creates an account with <paramref name="role"/> and its scope (a region code, or a station
    /// for station staff) directly in the database, and answers a client with its bearer token.
    /// </summary>
    public async Task<HttpClient> ClientAsync(AccountRole role, string? regionCode = null, int? stationId = null, int? agencyId = null)
    {
        var userName = $"{role}-{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        await CreateAccountAsync(userName, role, regionCode, stationId, agencyId);
        return await SignedInClientAsync(userName, Password);
    }

    /// <summary>Creates an account with <see cref="Password"/>, bypassing the API's rules (for arranging).</summary>
    public Task<string> CreateAccountAsync(string userName, AccountRole role, string? regionCode = null, int? stationId = null, int? agencyId = null) =>
        WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShegongDb>();
            regionCode ??= stationId is { } id ? db.Stations.Single(s => s.Id == id).RegionCode : AccountBootstrap.DefaultProvinceCode;
            var account = new Account
            {
                UserName = userName,
                DisplayName = userName,
                Role = role,
                RegionCode = regionCode,
                StationId = stationId,
                AgencyId = agencyId,
            };
            var result = await sp.GetRequiredService<UserManager<Account>>().CreateAsync(account, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return account.Id;
        });

    /// <summary>
    /// Runs an account action (<c>disable</c>, <c>enable</c>, <c>reset-password</c>, <c>social-worker</c>) as
    /// <paramref name="client"/> with the account's current version, as the account list gives it, and the other fields of <paramref name="body"/>.
    /// </summary>
    public async Task<HttpResponseMessage> AccountActionAsync(HttpClient client, string id, string action, object? body = null)
    {
        var fields = System.Text.Json.JsonSerializer.SerializeToNode(body ?? new { }, Api.Json)!.AsObject();
        fields["version"] = await AccountVersionAsync(id);
        return await client.PostAsJsonAsync($"/api/accounts/{id}/{action}", fields, TestContext.Current.CancellationToken);
    }

    /// <summary>The account's version (Identity's concurrency stamp) as it is now.</summary>
    public Task<string> AccountVersionAsync(string id) =>
        WithServicesAsync(async sp => await sp.GetRequiredService<ShegongDb>().Users.Where(a => a.Id == id).Select(a => a.ConcurrencyStamp)
            .SingleAsync(TestContext.Current.CancellationToken) ?? "");

    /// <summary>Asks <c>POST /api/auth/token</c> for a token; the response as it came.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string userName, string password) =>
        Anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });

    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var response = await RequestTokenAsync(userName, password);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        var signedIn = Track(CreateClient());
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return signedIn;
    }

    private sealed record TokenAnswer(string AccessToken, int ExpiresIn);

    private HttpClient Track(HttpClient created)
    {
        lock (clients)
        {
            clients.Add(created);
        }
        return created;
    }

    /// <summary>Starts the host now, so start-up failures show in the fixture (in-process test server by default).</summary>
    protected virtual void StartHost() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", TestDatabase.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Shegong", ConnectionString);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Seed:Regions", "false");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        // Fixtures sign in many accounts from one address; RateLimitTests sets its own limit.
        builder.UseSetting("RateLimit:SignIn:PermitLimit", "100000");
        if (WithDemo)
        {
            builder.UseSetting("Privacy:Key", TestDatabase.DemoPrivacyKey);
            builder.UseSetting("Privacy:HashKey", TestDatabase.DemoPrivacyHashKey);
        }
        builder.ConfigureServices(s =>
        {
            s.AddTransient<IStartupFilter, TestPeer>();
            // Fixtures create and sign in hundreds of accounts: hashing each password 100,000 times (Identity's default)
            // was minutes of the suite's CPU. Hashes stay the same format; an app started outside TestApp keeps the default.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    /// <summary>A context on this app's database that sees everything, for arranging and checking.</summary>
    public ShegongDb OpenDb() => TestDatabase.Open(ConnectionString);

    /// <summary>
    /// Runs <paramref name="work"/> with the app's own services in a fresh DI scope, in the
    /// (unaudited) system scope "tests" unless the work restricts it to a user's scope.
    /// </summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("tests", audited: false);
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var created in clients)
        {
            created.Dispose();
        }
        await base.DisposeAsync();
        if (ConnectionString.Length > 0)
        {
            await TestDatabase.DropAsync(ConnectionString);
        }
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

/// <summary>The app over a copy of the seeded demo network (Sichuan regions, demo stations, people and records, demo accounts).</summary>
public sealed class DemoApp : TestApp
{
    protected override bool WithSichuanRegions => true;

    protected override bool WithDemo => true;
}
