using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Components.Shared;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Coverage;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Access;

/// <summary>Lists, counts, exports and interactive circuits are limited to the signed-in user's scope.</summary>
public class ScopeTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_county_officer_lists_and_counts_only_stations_of_the_county()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        var list = await county.GetFromJsonAsync<JsonElement>("/api/stations?pageSize=500", Ct);
        var codes = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("regionCode").GetString()!).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("510104", c));
        Assert.Equal(codes.Count, list.GetProperty("total").GetInt32());
        // A filter on the city cannot widen the scope.
        var city = await county.GetFromJsonAsync<JsonElement>($"/api/stations?region={AccessApp.Chengdu}&pageSize=500", Ct);
        Assert.Equal(codes.Count, city.GetProperty("total").GetInt32());
        var everything = await app.Client.GetFromJsonAsync<JsonElement>("/api/stations?pageSize=500", Ct);
        Assert.True(everything.GetProperty("total").GetInt32() > codes.Count);
        var export = await county.GetByteArrayAsync("/api/stations/export", Ct);
        Assert.True(export.Length > 0);
    }

    [Fact]
    public async Task A_county_officer_sees_coverage_of_the_county_only()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        var report = await county.GetFromJsonAsync<CoverageReport>($"/api/coverage/{AccessApp.Jinjiang}", Json, Ct);
        Assert.NotNull(report);
        Assert.All(report.Children, c => Assert.StartsWith("510104", c.Code));
        Assert.All(report.UncoveredTownships, t => Assert.Equal(AccessApp.Jinjiang, t.CountyCode));
        Assert.Equal(3, report.Stations.Sum(s => s.Total)); // the county station and two township stations, not 青羊区 or 成都市
        var children = await county.GetFromJsonAsync<JsonElement>($"/api/regions/{AccessApp.Chengdu}/children", Ct);
        Assert.Equal([AccessApp.Jinjiang], children.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var search = await county.GetFromJsonAsync<JsonElement>("/api/regions?search=5101", Ct);
        Assert.All(search.EnumerateArray(), r => Assert.True(r.GetProperty("code").GetString()!.StartsWith("510104", StringComparison.Ordinal)
            || r.GetProperty("code").GetString() == AccessApp.Chengdu));
    }

    [Fact]
    public async Task An_interactive_circuit_takes_its_scope_from_the_circuit_user()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Looking the account up is the test's own system work; signing in then fills the user's scope.
        sp.GetRequiredService<RegionScope>().EnterSystem("tests", audited: false);
        await app.CreateAccountAsync("circuit-county", AccountRole.CountyOfficer, AccessApp.Jinjiang);
        var account = await sp.GetRequiredService<UserManager<Account>>().FindByNameAsync("circuit-county");
        var principal = await sp.GetRequiredService<SignInManager<Account>>().CreateUserPrincipalAsync(account!);
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        // A page's context may be made before the circuit opens: the filters read the scope per query.
        var db = sp.GetRequiredService<ShegongDb>();
        foreach (var handler in sp.GetServices<CircuitHandler>())
        {
            await handler.OnCircuitOpenedAsync(null!, Ct);
        }
        var codes = await db.Stations.Select(s => s.RegionCode).ToListAsync(Ct);
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("510104", c));
        Assert.Equal("circuit-county", sp.GetRequiredService<CurrentUser>().UserName);

        // Pages call services through Scoped<T>, one DI scope per call: it must inherit the circuit's scope.
        var pageCall = sp.GetRequiredService<Scoped<StationService>>();
        var listed = await pageCall.RunAsync(s => s.ListAsync(new StationFilter(), PageRequest.From(1, 500), Ct));
        Assert.NotEmpty(listed.Items);
        Assert.All(listed.Items, s => Assert.StartsWith("510104", s.RegionCode));
        var outside = await Assert.ThrowsAsync<RequestProblem>(() => pageCall.RunAsync(s =>
            s.CreateAsync(new StationForm { Name = "越权站", Level = StationLevel.TownshipStation, RegionCode = "510105002000" }, Ct)));
        Assert.Equal(403, outside.Status);
    }

    [Fact]
    public async Task A_circuit_without_a_signed_in_user_sees_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Looking the account up is the test's own system work; signing in then fills the user's scope.
        sp.GetRequiredService<RegionScope>().EnterSystem("tests", audited: false);
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        foreach (var handler in sp.GetServices<CircuitHandler>())
        {
            await handler.OnCircuitOpenedAsync(null!, Ct);
        }
        var db = sp.GetRequiredService<ShegongDb>();
        Assert.Equal(0, await db.Stations.CountAsync(Ct));
        Assert.Equal(0, await db.Regions.CountAsync(Ct));
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }
}
