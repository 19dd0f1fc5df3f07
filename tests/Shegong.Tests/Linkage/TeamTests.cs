using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Linkage.Teams;

namespace Shegong.Tests.Linkage;

public class TeamTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Form(int stationId, string? regionCode, string name = "锦官驿党员志愿服务队", int memberCount = 20, bool? isActive = null,
        string formedOn = "2024-03-01", uint? version = null) =>
        new { name, stationId, regionCode, leaderName = "李建国", memberCount, formedOn, isActive, activities = "助老巡访", version };

    private async Task<JsonElement> FiguresAsync(HttpClient client, string region) =>
        await (await client.GetUrlAsync($"/api/linkage/figures?region={region}")).ReadAsync<JsonElement>();

    [Fact]
    public async Task A_team_counts_as_formed_and_active_until_it_stops_serving_then_only_as_formed()
    {
        var own = app.Places[AccountRole.StationManager][Relation.Own];
        var before = await FiguresAsync(app.Client, AccessApp.Jinguanyi);
        var siblingBefore = (await FiguresAsync(app.Client, app.SiblingTownship)).GetProperty("volunteerTeamsFormed").GetInt32();
        var created = await (await app.Client.PostJsonAsync("/api/volunteer-teams", Form(own.StationId!.Value, own.VillageCode)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.True(created.GetProperty("isActive").GetBoolean());
        var formed = await FiguresAsync(app.Client, AccessApp.Jinguanyi);
        Assert.Equal(before.GetProperty("volunteerTeamsFormed").GetInt32() + 1, formed.GetProperty("volunteerTeamsFormed").GetInt32());
        Assert.Equal(before.GetProperty("volunteerTeamsActive").GetInt32() + 1, formed.GetProperty("volunteerTeamsActive").GetInt32());

        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetUInt32();
        await (await app.Client.PutJsonAsync($"/api/volunteer-teams/{id}", Form(own.StationId.Value, own.VillageCode, isActive: false))).ProblemAsync(HttpStatusCode.BadRequest);
        var stopped = await (await app.Client.PutJsonAsync($"/api/volunteer-teams/{id}",
            Form(own.StationId.Value, own.VillageCode, isActive: false, version: version))).ReadAsync<JsonElement>();
        Assert.False(stopped.GetProperty("isActive").GetBoolean());
        await (await app.Client.PutJsonAsync($"/api/volunteer-teams/{id}", Form(own.StationId.Value, own.VillageCode, memberCount: 99, version: version)))
            .ProblemAsync(HttpStatusCode.Conflict);
        var after = await FiguresAsync(app.Client, AccessApp.Jinguanyi);
        Assert.Equal(formed.GetProperty("volunteerTeamsFormed").GetInt32(), after.GetProperty("volunteerTeamsFormed").GetInt32());
        Assert.Equal(before.GetProperty("volunteerTeamsActive").GetInt32(), after.GetProperty("volunteerTeamsActive").GetInt32());
        // The township's station manager counts it; the sibling township's figures do not.
        Assert.Equal(after.GetProperty("volunteerTeamsFormed").GetInt32(),
            (await FiguresAsync(app.Clients[AccountRole.StationManager], AccessApp.Jinguanyi)).GetProperty("volunteerTeamsFormed").GetInt32());
        // (The other test in this class may form a team there; compare with the count before, not with zero.)
        Assert.Equal(siblingBefore, (await FiguresAsync(app.Client, app.SiblingTownship)).GetProperty("volunteerTeamsFormed").GetInt32());
    }

    [Fact]
    public async Task Bad_teams_get_field_errors_and_save_nothing_and_other_stations_teams_stay_out_of_reach()
    {
        var own = app.Places[AccountRole.StationManager][Relation.Own];
        var sibling = app.Places[AccountRole.StationManager][Relation.Sibling];
        await using var before = app.OpenDb();
        var count = await before.Set<VolunteerTeam>().CountAsync(Ct);
        var station = own.StationId!.Value;

        var noName = await (await app.Client.PostJsonAsync("/api/volunteer-teams", Form(station, own.VillageCode, name: ""))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("服务队名称", noName.FieldError("name"));
        var elsewhere = await (await app.Client.PostJsonAsync("/api/volunteer-teams", Form(station, sibling.VillageCode))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("锦官驿街道社工站", elsewhere.FieldError("regionCode"));
        var none = await (await app.Client.PostJsonAsync("/api/volunteer-teams", Form(station, own.VillageCode, memberCount: -3))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("成员人数", none.FieldError("memberCount"));
        // A station manager cannot form a team at the sibling township's station (not found in their scope).
        var manager = app.Clients[AccountRole.StationManager];
        var foreign = await (await manager.PostJsonAsync("/api/volunteer-teams", Form(sibling.StationId!.Value, sibling.VillageCode))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(sibling.StationId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), foreign.FieldError("stationId"));
        var viewer = await app.Clients[AccountRole.Viewer].PostJsonAsync("/api/volunteer-teams", Form(station, own.VillageCode));
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);

        await using var after = app.OpenDb();
        Assert.Equal(count, await after.Set<VolunteerTeam>().CountAsync(Ct));

        var theirs = await (await app.Client.PostJsonAsync("/api/volunteer-teams", Form(sibling.StationId.Value, sibling.VillageCode, name: "兄弟街道青年志愿服务队")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetUrlAsync($"/api/volunteer-teams/{theirs.GetProperty("id").GetInt32()}")).StatusCode);
        var listed = await (await manager.GetUrlAsync("/api/volunteer-teams?pageSize=100")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == theirs.GetProperty("id").GetInt32());
    }
}
