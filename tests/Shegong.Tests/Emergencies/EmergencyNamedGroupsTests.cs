using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Linkage;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Emergencies;
using static Shegong.Tests.Emergencies.EmergencyApi;

namespace Shegong.Tests.Emergencies;

/// <summary>A daily report names the station's own volunteer teams and organisations mobilised; the figures count the distinct ones.</summary>
public class EmergencyNamedGroupsTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    private Place Own => app.Places[AccountRole.StationManager][Relation.Own];

    private Place Sibling => app.Places[AccountRole.StationManager][Relation.Sibling];

    private async Task<(int Id, string Name)> TeamAsync(Place place, string name)
    {
        name = Unique(name);
        var team = await (await app.Client.PostJsonAsync("/api/volunteer-teams", TeamTests.Form(place.StationId!.Value, place.VillageCode, name: name)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (team.GetProperty("id").GetInt32(), name);
    }

    private async Task<(int Id, string Name)> OrganisationAsync(Place place, string name)
    {
        name = Unique(name);
        var organisation = await (await app.Client.PostJsonAsync("/api/community-organisations",
            OrganisationTests.Form(place.StationId!.Value, place.VillageCode, name: name))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        return (organisation.GetProperty("id").GetInt32(), name);
    }

    private static (int Id, string Name)[] Named(JsonElement report, string kind) =>
        [.. report.GetProperty(kind).EnumerateArray().Select(g => (g.GetProperty("id").GetInt32(), g.GetProperty("name").GetString()!)).OrderBy(g => g.Item1)];

    [Fact]
    public async Task A_worker_names_their_stations_teams_and_organisations_and_sees_them_on_the_report_and_a_correction_replaces_them()
    {
        var id = await DeclareAsync(app.Client, Unique("具名动员"), AccessApp.Jinjiang);
        var (youth, elders, association) = (await TeamAsync(Own, "青年突击队"), await TeamAsync(Own, "党员先锋队"), await OrganisationAsync(Own, "老年协会"));
        var worker = app.Clients[AccountRole.SocialWorker];
        var station = Own.StationId!.Value;

        // Ticking the same team twice names it once.
        var created = await (await worker.PostJsonAsync($"/api/emergencies/{id}/reports", Report(station, "2024-01-12", volunteers: 30, organisations: 2,
            teamIds: [youth.Id, elders.Id, youth.Id], organisationIds: [association.Id]))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(new[] { youth, elders }.OrderBy(t => t.Id), Named(created, "teams"));
        Assert.Equal([association], Named(created, "organisations"));
        var reportId = created.GetProperty("id").GetInt32();
        var read = await (await worker.GetUrlAsync($"/api/emergencies/{id}/reports/{reportId}")).ReadAsync<JsonElement>();
        Assert.Equal(new[] { youth, elders }.OrderBy(t => t.Id), Named(read, "teams"));
        var listed = (await (await app.Clients[AccountRole.CountyOfficer].GetUrlAsync($"/api/emergencies/{id}/reports")).ReadAsync<JsonElement>())
            .GetProperty("items")[0];
        Assert.Equal([association], Named(listed, "organisations"));

        var corrected = await (await worker.PutJsonAsync($"/api/emergencies/{id}/reports/{reportId}", Report(station, "2024-01-12", volunteers: 30,
            teamIds: [elders.Id], version: read.GetProperty("version").GetUInt32()))).ReadAsync<JsonElement>();
        Assert.Equal([elders], Named(corrected, "teams"));
        Assert.Empty(Named(corrected, "organisations"));
        await using var db = app.OpenDb();
        Assert.Equal([elders.Id], await db.Set<EmergencyReportTeam>().Where(t => t.EmergencyReportId == reportId).Select(t => t.VolunteerTeamId).ToListAsync(Ct));
        Assert.False(await db.Set<EmergencyReportOrganisation>().AnyAsync(o => o.EmergencyReportId == reportId, Ct));
    }

    [Fact]
    public async Task Another_stations_team_or_organisation_or_a_missing_one_is_a_400_on_the_field_and_changes_nothing()
    {
        var id = await DeclareAsync(app.Client, Unique("他站队伍"), AccessApp.Jinjiang);
        var (mine, theirs) = (await TeamAsync(Own, "本站服务队"), await TeamAsync(Sibling, "兄弟服务队"));
        var theirOrganisation = await OrganisationAsync(Sibling, "兄弟协会");
        var worker = app.Clients[AccountRole.SocialWorker];
        var station = Own.StationId!.Value;
        var url = $"/api/emergencies/{id}/reports";
        var reportId = (await (await worker.PostJsonAsync(url, Report(station, "2024-01-12", screening: 5, teamIds: [mine.Id])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var version = await worker.VersionOfAsync($"{url}/{reportId}");

        // Outside the worker's scope, the other station's team reads like one that does not exist: no name, no hint.
        var foreign = (await (await worker.PostJsonAsync(url, Report(station, "2024-01-13", teamIds: [mine.Id, theirs.Id])))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("teamIds");
        var missing = (await (await worker.PostJsonAsync(url, Report(station, "2024-01-13", teamIds: [999_999])))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("teamIds");
        Assert.Equal(missing.Replace("999999", "?", StringComparison.Ordinal), foreign.Replace(theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "?", StringComparison.Ordinal));
        Assert.DoesNotContain(theirs.Name, foreign);
        // The province admin sees both stations' teams, and still may not name one station's team on another's report.
        Assert.Contains("锦官驿街道社工站", (await (await app.Client.PostJsonAsync(url, Report(station, "2024-01-13", organisationIds: [theirOrganisation.Id])))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("organisationIds"));
        Assert.False(string.IsNullOrEmpty((await (await worker.PutJsonAsync($"{url}/{reportId}", Report(station, "2024-01-12", screening: 9,
            teamIds: [theirs.Id], version: version))).ProblemAsync(HttpStatusCode.BadRequest)).FieldError("teamIds")));

        var report = await (await worker.GetUrlAsync($"{url}/{reportId}")).ReadAsync<JsonElement>();
        Assert.Equal(5, report.GetProperty("screening").GetInt32());
        Assert.Equal(version, report.GetProperty("version").GetUInt32());
        Assert.Equal([mine], Named(report, "teams"));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Set<EmergencyReport>().CountAsync(r => r.EmergencyId == id, Ct));
    }

    [Fact]
    public async Task Figures_count_each_named_team_and_organisation_once_per_region_line_and_in_the_totals_within_the_readers_scope()
    {
        var id = await DeclareAsync(app.Client, Unique("汇总具名"), AccessApp.Jinjiang);
        var (a, b, c) = (await TeamAsync(Own, "甲队"), await TeamAsync(Own, "乙队"), await TeamAsync(Sibling, "丙队"));
        var association = await OrganisationAsync(Own, "互助会");
        var (own, sibling) = (Own.StationId!.Value, Sibling.StationId!.Value);
        await ReportAsync(app.Client, id, Report(own, "2024-01-12", volunteers: 10, teamIds: [a.Id], organisationIds: [association.Id]));
        await ReportAsync(app.Client, id, Report(own, "2024-01-13", volunteers: 12, teamIds: [a.Id, b.Id], organisationIds: [association.Id]));
        await ReportAsync(app.Client, id, Report(sibling, "2024-01-12", volunteers: 4, teamIds: [c.Id]));

        var byRegion = await FiguresAsync(app.Client, id, $"?region={AccessApp.Jinjiang}");
        var rows = byRegion.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal((2, 1), Named(rows[AccessApp.Jinguanyi]));
        Assert.Equal((1, 0), Named(rows[app.SiblingTownship]));
        Assert.Equal((3, 1), Named(byRegion.GetProperty("totals")));
        // The numeric counts stay as reported beside them.
        Assert.Equal(26, byRegion.GetProperty("totals").GetProperty("volunteersMobilised").GetInt32());

        var byDay = (await FiguresAsync(app.Client, id, $"?region={AccessApp.Jinjiang}&by=day")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, Named);
        Assert.Equal((2, 1), byDay["2024-01-12"]);
        Assert.Equal((2, 1), byDay["2024-01-13"]);

        // The township worker's figures hold their own station's teams only.
        Assert.Equal((2, 1), Named((await FiguresAsync(app.Clients[AccountRole.SocialWorker], id)).GetProperty("totals")));
    }

    [Fact]
    public async Task The_cross_emergency_list_and_its_export_name_each_reports_teams_and_organisations_in_scope()
    {
        var id = await DeclareAsync(app.Client, Unique("钻取具名"), AccessApp.Jinjiang);
        var (youth, elders, theirs) = (await TeamAsync(Own, "青年队"), await TeamAsync(Own, "银龄队"), await TeamAsync(Sibling, "邻站队"));
        var association = await OrganisationAsync(Own, "睦邻会");
        var (own, sibling) = (Own.StationId!.Value, Sibling.StationId!.Value);
        await ReportAsync(app.Client, id, Report(own, "2024-01-12", volunteers: 9, teamIds: [youth.Id, elders.Id], organisationIds: [association.Id]));
        await ReportAsync(app.Client, id, Report(own, "2024-01-13", volunteers: 3));
        await ReportAsync(app.Client, id, Report(sibling, "2024-01-12", volunteers: 4, teamIds: [theirs.Id]));

        static Dictionary<(int Station, string Day), (string[] Teams, string[] Organisations)> Lines(JsonElement list) =>
            list.GetProperty("items").EnumerateArray().ToDictionary(r => (r.GetProperty("stationId").GetInt32(), r.GetProperty("day").GetString()!),
                r => (r.GetProperty("teams").EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray(),
                    r.GetProperty("organisations").EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray()));
        var all = Lines(await (await app.Clients[AccountRole.CountyOfficer].GetUrlAsync($"/api/emergency-reports?emergencyId={id}&pageSize=100"))
            .ReadAsync<JsonElement>());
        Assert.Equal(3, all.Count);
        Assert.Equal(new[] { youth.Name, elders.Name }.Order(StringComparer.Ordinal), all[(own, "2024-01-12")].Teams);
        Assert.Equal([association.Name], all[(own, "2024-01-12")].Organisations);
        Assert.Empty(all[(own, "2024-01-13")].Teams);
        Assert.Equal([theirs.Name], all[(sibling, "2024-01-12")].Teams);

        // The township worker lists their own station's reports, and no other station's groups appear anywhere in them.
        var mine = await (await app.Clients[AccountRole.SocialWorker].GetUrlAsync($"/api/emergency-reports?emergencyId={id}&pageSize=100"))
            .ReadAsync<JsonElement>();
        Assert.Equal(2, Lines(mine).Count);
        Assert.DoesNotContain(theirs.Name, mine.GetRawText());

        using var response = await app.Clients[AccountRole.CountyOfficer].GetUrlAsync($"/api/emergency-reports/export?emergencyId={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await response.Content.ReadAsStreamAsync(Ct)).Cast<IDictionary<string, object>>().ToList();
        var header = rows[0].ToDictionary(c => c.Value?.ToString() ?? "", c => c.Key);
        var (teams, organisations) = (header["动员的志愿服务队"], header["动员的社区社会组织"]);
        var named = rows.Skip(1).Select(r => (Teams: r[teams]?.ToString() ?? "", Organisations: r[organisations]?.ToString() ?? "")).ToList();
        Assert.Equal(3, named.Count);
        Assert.Contains((string.Join("、", new[] { youth.Name, elders.Name }.Order(StringComparer.Ordinal)), association.Name), named);
        Assert.Contains((theirs.Name, ""), named);
        Assert.Contains(("", ""), named);
    }

    private static (int Teams, int Organisations) Named(JsonElement row) =>
        (row.GetProperty("teamsNamed").GetInt32(), row.GetProperty("organisationsNamed").GetInt32());
}
