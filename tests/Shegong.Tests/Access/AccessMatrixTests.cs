using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Emergencies;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Pilots;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Access;

/// <summary>
/// Roles × endpoints × (own scope, sibling region, parent region). Every feature adds its
/// endpoints here (see docs/architecture.md, "Access").
/// </summary>
public class AccessMatrixTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // Today's rights, written out independently of the permission table so that the table is checked against them.
    public static readonly AccountRole[] Officials = [AccountRole.ProvinceAdmin, AccountRole.CityOfficer, AccountRole.CountyOfficer];
    private static readonly AccountRole[] AccountManagers = [.. Officials, AccountRole.StationManager];
    private static readonly AccountRole[] AuditReaders = [.. Officials, AccountRole.Viewer];
    private static readonly AccountRole[] ResidentReaders = [.. Officials, AccountRole.StationManager, AccountRole.SocialWorker, AccountRole.Viewer];

    private sealed record Case(string Name, Func<HttpClient, Place, Task<HttpResponseMessage>> Send, Func<AccountRole, Relation, HttpStatusCode?> Expected);

    private static HttpStatusCode Allow(bool allowed, HttpStatusCode ok) => allowed ? ok : HttpStatusCode.Forbidden;

    private List<Case> Cases() =>
    [
        new("GET region", (c, p) => c.GetAsync($"/api/regions/{p.RegionCode}", Ct),
            (_, r) => r == Relation.Sibling ? HttpStatusCode.NotFound : HttpStatusCode.OK),
        new("GET region children", (c, p) => c.GetAsync($"/api/regions/{p.RegionCode}/children", Ct),
            (_, r) => r == Relation.Sibling ? HttpStatusCode.NotFound : HttpStatusCode.OK),
        new("GET coverage", (c, p) => c.GetAsync($"/api/coverage/{p.RegionCode}", Ct),
            (_, r) => r == Relation.Own ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        new("GET station", (c, p) => c.GetAsync($"/api/stations/{p.StationId}", Ct),
            (_, r) => r == Relation.Own ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        new("GET station list", (c, p) => c.GetAsync($"/api/stations?region={p.RegionCode}", Ct), (_, _) => HttpStatusCode.OK),
        new("GET station export", (c, p) => c.GetAsync($"/api/stations/export?region={p.RegionCode}", Ct), (_, _) => HttpStatusCode.OK),
        new("PUT region", async (c, p) => await c.PutAsJsonAsync($"/api/regions/{p.RegionCode}", new { urbanRuralCode = (string?)null, isCentralTown = false, isRelocationSite = false, isGovernancePilot = false, residentPopulation = Random.Shared.Next(1000, 9999), urbanResidentPopulation = 10, version = await app.Client.VersionOfAsync($"/api/regions/{p.RegionCode}") }, Ct),
            (role, r) => !Officials.Contains(role) ? HttpStatusCode.Forbidden : r switch
            {
                Relation.Own => HttpStatusCode.OK,
                Relation.Sibling => HttpStatusCode.NotFound,
                _ => HttpStatusCode.Forbidden,
            }),
        new("PUT station", async (c, p) => await c.PutAsJsonAsync($"/api/stations/{p.StationId}", await FormOfAsync(p.StationId!.Value), Ct),
            (role, r) => !CanWriteStations(role) ? HttpStatusCode.Forbidden : r == Relation.Own ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        new("POST station", (c, p) => c.PostAsJsonAsync("/api/stations", new { name = "新建村社工室", level = "VillageRoom", regionCode = p.VillageCode }, Ct),
            (role, r) => r switch
            {
                Relation.Own => Allow(CanWriteStations(role), HttpStatusCode.Created),
                Relation.Sibling => HttpStatusCode.Forbidden,
                _ => null, // the parent's first village may lie inside the scope
            }),
        new("POST station status", async (c, p) => await c.PostAsJsonAsync($"/api/stations/{p.StationId}/status",
                await NextStatusAsync(p.StationId!.Value), Ct),
            (role, r) => !CanWriteStations(role) ? HttpStatusCode.Forbidden : r == Relation.Own ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        new("GET accounts", (c, _) => c.GetAsync("/api/accounts", Ct),
            (role, r) => r == Relation.Own ? Allow(AccountManagers.Contains(role), HttpStatusCode.OK) : null),
        new("POST account", (c, p) => c.PostAsJsonAsync("/api/accounts", new
            {
                userName = "v" + Guid.NewGuid().ToString("N")[..12], password = "Viewer@2022!", displayName = "查看员", role = "Viewer", regionCode = p.RegionCode,
            }, Ct),
            (role, r) => r == Relation.Own ? Allow(AccountManagers.Contains(role), HttpStatusCode.Created) : HttpStatusCode.Forbidden),
        new("GET audit", (c, _) => c.GetAsync("/api/audit", Ct),
            (role, r) => r == Relation.Own ? Allow(AuditReaders.Contains(role), HttpStatusCode.OK) : null),
        // Pilots: batches are the province's; a county applies, its city reviews, the province decides and awards (PilotMatrix holds the records).
        new("GET pilot batches", (c, _) => c.GetAsync("/api/pilot-batches", Ct), (_, _) => HttpStatusCode.OK),
        new("GET pilot batch", Pilot((m, c, _) => c.GetAsync($"/api/pilot-batches/{m.OpenBatchId}", Ct)), (_, _) => HttpStatusCode.OK),
        new("GET pilot choosing", Pilot((m, c, _) => c.GetAsync($"/api/pilot-batches/{m.OpenBatchId}/choosing", Ct)), (_, _) => HttpStatusCode.OK),
        new("GET pilot dashboard", Pilot((m, c, _) => c.GetAsync($"/api/pilot-batches/{m.OpenBatchId}/dashboard", Ct)), (_, _) => HttpStatusCode.OK),
        new("POST pilot batch", (c, _) => c.PostAsJsonAsync("/api/pilot-batches", new { year = 2032, name = $"矩阵新批次{Guid.NewGuid():N}"[..16], budget = 1m, targetCounties = 1, targetTownships = 1, opensOn = "2032-01-01", closesOn = "2032-02-01", standardSubsidy = 1m }, Ct),
            (role, _) => Allow(role == AccountRole.ProvinceAdmin, HttpStatusCode.Created)),
        new("PUT pilot batch", Pilot((m, c, _) => m.BatchWriteAsync(c, move: false)), (role, _) => Allow(role == AccountRole.ProvinceAdmin, HttpStatusCode.OK)),
        new("POST pilot batch move", Pilot((m, c, _) => m.BatchWriteAsync(c, move: true)), (role, _) => Allow(role == AccountRole.ProvinceAdmin, HttpStatusCode.OK)),
        new("GET pilot applications", (c, _) => c.GetAsync("/api/pilot-applications", Ct), (_, _) => HttpStatusCode.OK),
        new("GET pilot application export", (c, _) => c.GetAsync("/api/pilot-applications/export", Ct), (_, _) => HttpStatusCode.OK),
        new("GET pilot application", Pilot((m, c, p) => c.GetAsync($"/api/pilot-applications/{m.ApplicationAt(p)}", Ct)),
            (role, r) => PilotRead(r, !StationStaff.Contains(role))),
        new("POST pilot application", Pilot((m, c, p) => m.CreateApplicationAsync(c, p)),
            (role, r) => role != AccountRole.CountyOfficer ? HttpStatusCode.Forbidden : r switch
            {
                Relation.Own => HttpStatusCode.Created,
                Relation.Sibling => HttpStatusCode.Forbidden,
                _ => null,
            }),
        new("PUT pilot application", Pilot((m, c, p) => m.EditApplicationAsync(c, p)), (role, r) => PilotWrite(role, r, [AccountRole.CountyOfficer])),
        new("POST pilot review", Pilot((m, c, p) => m.ReviewApplicationAsync(c, p)), (role, r) => PilotWrite(role, r, [AccountRole.CityOfficer])),
        new("POST pilot decision", Pilot((m, c, p) => m.DecideTownshipAsync(c, p)), (role, r) => PilotWrite(role, r, [AccountRole.ProvinceAdmin])),
        new("POST pilot amendment", Pilot((m, c, p) => m.AmendAsync(c, p)), (role, r) => PilotWrite(role, r, [AccountRole.ProvinceAdmin])),
        new("GET pilot projects", (c, _) => c.GetAsync("/api/pilot-projects", Ct), (_, _) => HttpStatusCode.OK),
        new("GET pilot project export", (c, _) => c.GetAsync("/api/pilot-projects/export", Ct), (_, _) => HttpStatusCode.OK),
        new("GET pilot project", Pilot((m, c, p) => c.GetAsync($"/api/pilot-projects/{m.ProjectAt(p)}", Ct)), (_, r) => PilotRead(r, seen: true)),
        new("POST pilot award", Pilot((m, c, p) => m.ProjectWriteAsync(c, p, "award")), (role, r) => PilotWrite(role, r, [AccountRole.ProvinceAdmin])),
        new("POST pilot disbursement", Pilot((m, c, p) => m.ProjectWriteAsync(c, p, "pay")), (role, r) => PilotWrite(role, r, Officials)),
        new("PUT pilot carrier", Pilot((m, c, p) => m.ProjectWriteAsync(c, p, "carrier")), (role, r) => PilotWrite(role, r, Officials)),
        new("GET pilot notifications", (c, _) => c.GetAsync("/api/pilot-notifications", Ct), (_, _) => HttpStatusCode.OK),
        // Emergencies (EmergencyMatrix): read wherever an affected region overlaps the scope, declared and closed by officials, reported by stations.
        new("GET emergencies", (c, p) => c.GetAsync($"/api/emergencies?region={p.RegionCode}", Ct), (_, _) => HttpStatusCode.OK),
        new("GET emergency", EmergencyMatrix.At(app, (c, _, id) => c.GetAsync($"/api/emergencies/{id}", Ct)), EmergencyMatrix.Read),
        new("GET emergency figures", EmergencyMatrix.At(app, (c, _, id) => c.GetAsync($"/api/emergencies/{id}/figures?by=day", Ct)), EmergencyMatrix.Read),
        new("GET emergency figures export", EmergencyMatrix.At(app, (c, _, id) => c.GetAsync($"/api/emergencies/{id}/figures/export", Ct)), EmergencyMatrix.Read),
        new("GET emergency reports", EmergencyMatrix.At(app, (c, _, id) => c.GetAsync($"/api/emergencies/{id}/reports", Ct)), EmergencyMatrix.Read),
        new("POST emergency", (c, p) => c.PostAsJsonAsync("/api/emergencies", EmergencyApi.Form("矩阵声明", [p.RegionCode], p.RegionCode), Ct), EmergencyMatrix.Declare),
        new("PUT emergency", EmergencyMatrix.At(app, async (c, p, id) => await c.PutAsJsonAsync($"/api/emergencies/{id}",
            EmergencyApi.Form("矩阵改名", [p.RegionCode], p.RegionCode, version: await app.Client.VersionOfAsync($"/api/emergencies/{id}")), Ct)), EmergencyMatrix.Manage),
        new("POST emergency close", EmergencyMatrix.At(app, async (c, _, id) => await c.PostAsJsonAsync($"/api/emergencies/{id}/close",
            new { endDate = "2024-03-01", version = await app.Client.VersionOfAsync($"/api/emergencies/{id}") }, Ct)), EmergencyMatrix.Manage),
        new("POST emergency report (station)", EmergencyMatrix.At(app, (c, p, id) => c.PostAsJsonAsync($"/api/emergencies/{id}/reports",
            EmergencyApi.Report(p.StationId!.Value, "2024-02-02", 2), Ct)), EmergencyMatrix.ReportFor),
        new("PUT emergency report (station)", EmergencyMatrix.WithReport(app, (c, p, id, r) => c.PutAsJsonAsync($"/api/emergencies/{id}/reports/{r.GetProperty("id")}",
            EmergencyApi.Report(p.StationId!.Value, "2024-02-01", 3, version: r.GetProperty("version").GetUInt32()), Ct)), EmergencyMatrix.Correct),
        // The drill-through lists of the statistics' five-society and emergency figures: filters inside the reader's scope (another
        // region's rows are filtered out, never an error). Hours are read like volunteers (like residents); reports by everyone.
        new("GET volunteer hours", (c, p) => c.GetAsync($"/api/volunteer-hours?region={p.RegionCode}&status=Confirmed", Ct), (role, _) => Allow(ResidentReaders.Contains(role), HttpStatusCode.OK)),
        new("GET volunteer hours totals", (c, p) => c.GetAsync($"/api/volunteer-hours/totals?region={p.RegionCode}&from=2024-01-01&to=2024-12-31", Ct),
            (role, _) => Allow(ResidentReaders.Contains(role), HttpStatusCode.OK)),
        new("GET volunteer hours export", (c, p) => c.GetAsync($"/api/volunteer-hours/export?region={p.RegionCode}", Ct), (role, _) => Allow(ResidentReaders.Contains(role), HttpStatusCode.OK)),
        new("GET emergency reports of a region", (c, p) => c.GetAsync($"/api/emergency-reports?region={p.RegionCode}&from=2024-01-01&to=2024-12-31", Ct), (_, _) => HttpStatusCode.OK),
        new("GET emergency reports totals", (c, p) => c.GetAsync($"/api/emergency-reports/totals?region={p.RegionCode}", Ct), (_, _) => HttpStatusCode.OK),
        new("GET emergency reports export", (c, p) => c.GetAsync($"/api/emergency-reports/export?region={p.RegionCode}", Ct), (_, _) => HttpStatusCode.OK),
        new("GET pilot batch export", (c, _) => c.GetAsync("/api/pilot-batches/export", Ct), (_, _) => HttpStatusCode.OK),
    ];

    private static readonly AccountRole[] StationStaff = [AccountRole.StationManager, AccountRole.SocialWorker];

    private Func<HttpClient, Place, Task<HttpResponseMessage>> Pilot(Func<PilotMatrix, HttpClient, Place, Task<HttpResponseMessage>> send) =>
        async (c, p) => await send(await PilotMatrix.OfAsync(app), c, p);

    /// <summary>A pilot record at the place: read inside the scope (station staff do not see their county's applications).</summary>
    private static HttpStatusCode? PilotRead(Relation relation, bool seen) => relation switch
    {
        Relation.Own => seen ? HttpStatusCode.OK : HttpStatusCode.NotFound,
        Relation.Sibling => HttpStatusCode.NotFound,
        _ => null, // the parent stands for a record that may lie inside the scope
    };

    /// <summary>A pilot write: officials only (the table), in scope, and only the step's own role (the service).</summary>
    private static HttpStatusCode? PilotWrite(AccountRole role, Relation relation, AccountRole[] stepRoles) =>
        !Officials.Contains(role) ? HttpStatusCode.Forbidden : relation switch
        {
            Relation.Own => stepRoles.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            Relation.Sibling => HttpStatusCode.NotFound,
            _ => null,
        };

    private static bool CanWriteStations(AccountRole role) => Officials.Contains(role) || role == AccountRole.StationManager;

    [Theory]
    [InlineData(AccountRole.ProvinceAdmin)]
    [InlineData(AccountRole.CityOfficer)]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.StationManager)]
    [InlineData(AccountRole.SocialWorker)]
    [InlineData(AccountRole.AgencyManager)]
    [InlineData(AccountRole.Viewer)]
    [InlineData(AccountRole.Volunteer)]
    public async Task Every_endpoint_answers_by_role_and_scope(AccountRole role)
    {
        var failures = new List<string>();
        foreach (var (relation, place) in app.Places[role])
        {
            foreach (var test in Cases())
            {
                // A volunteer's account reaches none of these: 403 everywhere (it sees only its own record, hours and team).
                if ((role == AccountRole.Volunteer ? HttpStatusCode.Forbidden : test.Expected(role, relation)) is not { } expected || (test.Name.Contains("station", StringComparison.Ordinal)
                    && test.Name != "POST station" && !test.Name.Contains("list") && !test.Name.Contains("export") && place.StationId is null))
                {
                    continue;
                }
                using var response = await test.Send(app.Clients[role], place);
                if (response.StatusCode != expected)
                {
                    failures.Add($"{role} {test.Name} {relation} ({place.RegionCode}): expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Unauthenticated_calls_get_401_problem_details_not_a_redirect()
    {
        var station = app.StationIn[AccessApp.Jinjiang];
        string[] paths = ["/api/regions/510104000000", "/api/regions/510104000000/children", "/api/regions?search=锦江", "/api/stations",
            $"/api/stations/{station}", "/api/stations/export", "/api/coverage/510104000000", "/api/accounts", "/api/accounts/me", "/api/audit"];
        foreach (var path in paths)
        {
            using var response = await app.Anonymous.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var write = await app.Anonymous.PutAsJsonAsync("/api/regions/510104000000", new { residentPopulation = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/stations");
        bad.Headers.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.SendAsync(bad, Ct)).StatusCode);
    }

    [Fact]
    public async Task Out_of_scope_and_viewer_writes_leave_the_database_unchanged()
    {
        var sibling = app.StationIn[AccessApp.Qingyang];
        var own = app.StationIn[AccessApp.Jinjiang];
        var county = app.Clients[AccountRole.CountyOfficer];
        var form = await FormOfAsync(sibling);
        form.Name = "被篡改的名称";
        Assert.Equal(HttpStatusCode.NotFound, (await county.PutAsJsonAsync($"/api/stations/{sibling}", form, Ct)).StatusCode);
        var moved = await FormOfAsync(own);
        moved.RegionCode = AccessApp.Qingyang;
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PutAsJsonAsync($"/api/stations/{own}", moved, Ct)).StatusCode);
        var viewerForm = await FormOfAsync(own);
        viewerForm.Name = "查看员改的名称";
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.Viewer].PutAsJsonAsync($"/api/stations/{own}", viewerForm, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PutAsJsonAsync($"/api/regions/{AccessApp.Chengdu}",
            new
            {
                urbanRuralCode = (string?)null,
                isCentralTown = false,
                isRelocationSite = false,
                isGovernancePilot = false,
                residentPopulation = 777,
                urbanResidentPopulation = 7,
                version = await app.Client.VersionOfAsync($"/api/regions/{AccessApp.Chengdu}")
            }, Ct)).StatusCode);

        await using var db = app.OpenDb();
        Assert.Equal("青羊区总站", (await db.Stations.SingleAsync(s => s.Id == sibling, Ct)).Name);
        var ownNow = await db.Stations.SingleAsync(s => s.Id == own, Ct);
        Assert.Equal(AccessApp.Jinjiang, ownNow.RegionCode);
        Assert.Equal("锦江区总站", ownNow.Name);
        Assert.NotEqual(777, (await db.Regions.SingleAsync(r => r.Code == AccessApp.Chengdu, Ct)).ResidentPopulation);
    }

    /// <summary>Suspended and operating in turn, so every role's move is a valid one.</summary>
    private async Task<object> NextStatusAsync(int id)
    {
        await using var db = app.OpenDb();
        var station = await db.Stations.Where(s => s.Id == id).Select(s => new { s.Status, s.Version }).SingleAsync(Ct);
        return new { status = station.Status == StationStatus.Suspended ? "Operating" : "Suspended", on = "2023-01-01", version = station.Version };
    }

    private async Task<StationForm> FormOfAsync(int id)
    {
        await using var db = app.OpenDb();
        return StationForm.From(await db.Stations.SingleAsync(s => s.Id == id, Ct));
    }
}
