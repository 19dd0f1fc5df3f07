using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Linkage;

/// <summary>
/// The access matrix for community organisations and volunteer teams: one of each in the 锦官驿 township (own for the township
/// roles, inside 锦江区 for the county roles), one in the sibling township and one in sibling 青羊区.
/// </summary>
public sealed class OrganisationAccessApp : AccessApp
{
    public Dictionary<string, int> Organisations { get; } = [];
    public Dictionary<string, int> Teams { get; } = [];

    /// <summary>A village of each place: an organisation works in a village or township (the 青羊区 station is a county's).</summary>
    public Dictionary<string, string> VillageOf { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        VillageOf[Jinguanyi] = Places[AccountRole.StationManager][Relation.Own].VillageCode;
        VillageOf[SiblingTownship] = Places[AccountRole.StationManager][Relation.Sibling].VillageCode;
        VillageOf[Qingyang] = Places[AccountRole.CountyOfficer][Relation.Sibling].VillageCode;
        foreach (var region in new[] { Jinguanyi, SiblingTownship, Qingyang })
        {
            var response = await Client.PostAsJsonAsync("/api/community-organisations",
                OrganisationTests.Form(StationIn[region], VillageOf[region], $"权限协会{region}"), TestContext.Current.CancellationToken);
            Organisations[region] = (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
            var team = await Client.PostAsJsonAsync("/api/volunteer-teams", TeamTests.Form(StationIn[region], VillageOf[region], $"权限服务队{region}"),
                TestContext.Current.CancellationToken);
            Teams[region] = (await team.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        }
    }
}

public class OrganisationAccessTests(OrganisationAccessApp app) : IClassFixture<OrganisationAccessApp>
{
    private static readonly AccountRole[] Writers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.SocialWorker];

    /// <summary>Which of the three places each role's scope holds.</summary>
    private static bool Sees(AccountRole role, string region) => role switch
    {
        AccountRole.ProvinceAdmin or AccountRole.CityOfficer => true,
        AccountRole.CountyOfficer or AccountRole.Viewer or AccountRole.AgencyManager => region.StartsWith("510104", StringComparison.Ordinal),
        _ => region == AccessApp.Jinguanyi,
    };

    [Theory]
    [InlineData(AccountRole.ProvinceAdmin)]
    [InlineData(AccountRole.CityOfficer)]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.StationManager)]
    [InlineData(AccountRole.SocialWorker)]
    [InlineData(AccountRole.AgencyManager)]
    [InlineData(AccountRole.Viewer)]
    [InlineData(AccountRole.Volunteer)]
    public async Task Organisation_and_team_endpoints_answer_by_role_and_scope(AccountRole role)
    {
        var client = app.Clients[role];
        var failures = new List<string>();
        void Expect(string what, HttpStatusCode expected, HttpResponseMessage response)
        {
            // A volunteer's account reads its own team through its own page only: every endpoint here is a 403.
            expected = role == AccountRole.Volunteer ? HttpStatusCode.Forbidden : expected;
            if (response.StatusCode != expected)
            {
                failures.Add($"{role} {what}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
        var write = Writers.Contains(role);
        Expect("GET list", HttpStatusCode.OK, await client.GetUrlAsync("/api/community-organisations"));
        Expect("GET export", HttpStatusCode.OK, await client.GetUrlAsync("/api/community-organisations/export"));
        Expect("GET figures", HttpStatusCode.OK, await client.GetUrlAsync($"/api/linkage/figures?region={AccessApp.Jinjiang}"));
        var listed = role == AccountRole.Volunteer ? default
            : await (await client.GetUrlAsync("/api/community-organisations?pageSize=100")).ReadAsync<JsonElement>();
        var ids = role == AccountRole.Volunteer ? [] : listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToHashSet();
        foreach (var (region, id) in app.Organisations)
        {
            var seen = Sees(role, region);
            if (role != AccountRole.Volunteer && ids.Contains(id) != seen)
            {
                failures.Add($"{role} list {region}: listed {ids.Contains(id)}, expected {seen}");
            }
            Expect($"GET {region}", seen ? HttpStatusCode.OK : HttpStatusCode.NotFound, await client.GetUrlAsync($"/api/community-organisations/{id}"));
            var version = await app.Client.VersionOfAsync($"/api/community-organisations/{id}");
            var writable = !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Expect($"PUT {region}", writable, await client.PutJsonAsync($"/api/community-organisations/{id}",
                OrganisationTests.Form(app.StationIn[region], app.VillageOf[region], $"权限协会{region}", memberCount: 30, version: version)));
            version = await app.Client.VersionOfAsync($"/api/community-organisations/{id}");
            // A stage move back to Incubating is refused (400) by whoever may reach the record; it changes nothing either way.
            Expect($"POST stage {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound,
                await client.PostJsonAsync($"/api/community-organisations/{id}/stage", new { stage = "Incubating", date = "2024-05-01", version }));
            // Creating at a station outside the scope: the station is not found (400), as for an id that does not exist.
            Expect($"POST {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.Created : HttpStatusCode.BadRequest,
                await client.PostJsonAsync("/api/community-organisations", OrganisationTests.Form(app.StationIn[region], app.VillageOf[region], $"新协会{role}{region}")));
        }
        Expect("GET teams", HttpStatusCode.OK, await client.GetUrlAsync("/api/volunteer-teams"));
        Expect("GET teams export", HttpStatusCode.OK, await client.GetUrlAsync("/api/volunteer-teams/export"));
        foreach (var (region, id) in app.Teams)
        {
            var seen = Sees(role, region);
            Expect($"GET team {region}", seen ? HttpStatusCode.OK : HttpStatusCode.NotFound, await client.GetUrlAsync($"/api/volunteer-teams/{id}"));
            var version = await app.Client.VersionOfAsync($"/api/volunteer-teams/{id}");
            Expect($"PUT team {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound,
                await client.PutJsonAsync($"/api/volunteer-teams/{id}", TeamTests.Form(app.StationIn[region], app.VillageOf[region], $"权限服务队{region}", version: version)));
            Expect($"POST team {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.Created : HttpStatusCode.BadRequest,
                await client.PostJsonAsync("/api/volunteer-teams", TeamTests.Form(app.StationIn[region], app.VillageOf[region], $"新服务队{role}{region}")));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
