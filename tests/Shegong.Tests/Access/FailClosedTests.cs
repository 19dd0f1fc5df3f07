using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Access;

/// <summary>
/// The access mechanisms fail closed: an unfilled scope, a child row written through a parent
/// out of scope, a bulk write outside the system scope; and the scope leaks a hostile test found.
/// </summary>
public class FailClosedTests(WorkforceAccessApp app) : IClassFixture<WorkforceAccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scope_nobody_filled_sees_nothing_and_writes_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        Assert.Equal(ScopeKind.Nothing, db.Scope.Kind);
        Assert.Equal((0, 0, 0, 0), (await db.Stations.CountAsync(Ct), await db.Regions.CountAsync(Ct), await db.Users.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct)));

        db.Stations.Add(new Station { Name = "无主之站", RegionCode = AccessApp.Jinguanyi, Level = StationLevel.TownshipStation });
        var refused = await Assert.ThrowsAsync<RequestProblem>(() => db.SaveChangesAsync(Ct));
        Assert.Equal(403, refused.Status);
        await using var check = app.OpenDb();
        Assert.False(await check.Stations.AnyAsync(s => s.Name == "无主之站", Ct));
        Assert.True(await check.Stations.AnyAsync(Ct));
    }

    [Fact]
    public async Task Start_up_writes_name_their_system_task_in_the_audit()
    {
        await using var db = app.OpenDb();
        var admin = await db.AuditEntries.SingleAsync(a => a.Entity == "Account" && a.Action == AuditAction.Created
            && a.Changes.Contains("\"admin\""), Ct);
        Assert.Equal("system:bootstrap-admin", admin.UserName);
        Assert.Null(admin.UserId);
    }

    [Fact]
    public async Task Bulk_writes_are_refused_outside_the_system_scope()
    {
        var refused = await Record.ExceptionAsync(() => app.WithServicesAsync(sp =>
        {
            sp.GetRequiredService<RegionScope>().Restrict(AccessApp.Jinjiang);
            return sp.GetRequiredService<ShegongDb>().RequireSystem("test").Regions
                .Where(r => r.Code == AccessApp.Jinguanyi).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "改名"), Ct);
        }));
        Assert.Equal(403, Assert.IsType<RequestProblem>(refused).Status);

        // Every bulk statement in the application asks for the system scope first.
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Shegong.Web"));
        var unguarded = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("ExecuteUpdate", StringComparison.Ordinal)
                || text.Contains("ExecuteDelete", StringComparison.Ordinal) || text.Contains("ExecuteSql", StringComparison.Ordinal))
                && !text.Contains("RequireSystem(", StringComparison.Ordinal) && !f.EndsWith("BulkWrites.cs", StringComparison.Ordinal));
        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task A_county_officer_cannot_evaluate_a_city_contract_and_evaluations_are_audited_under_the_contract()
    {
        var own = app.Records[Relation.Own];
        var created = await app.Client.PostAsJsonAsync("/api/contracts", new
        {
            title = "成都市购买锦江服务合同",
            regionCode = AccessApp.Chengdu,
            agencyId = own.Agency,
            startsOn = "2026-01-01",
            endsOn = "2026-12-31",
            amount = 100000,
            stationIds = new[] { app.StationIn[AccessApp.Jinjiang] },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Task<uint> Version() => app.Client.VersionOfAsync($"/api/contracts/{id}");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/contracts/{id}/activate", new { version = await Version() }, Ct)).StatusCode);

        var county = app.Clients[Shegong.Web.Features.Accounts.AccountRole.CountyOfficer];
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/contracts/{id}", Ct)).StatusCode);
        var midTerm = await county.PostAsJsonAsync($"/api/contracts/{id}/evaluations", new { stage = "MidTerm", on = "2026-06-30", score = 95, version = await Version() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, midTerm.StatusCode);
        var byAdmin = await app.Client.PostAsJsonAsync($"/api/contracts/{id}/evaluations", new { stage = "MidTerm", on = "2026-06-30", score = 88.5, version = await Version() }, Ct);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var final = await county.PostAsJsonAsync($"/api/contracts/{id}/evaluations", new { stage = "Final", on = "2026-11-01", score = 99, version = await Version() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, final.StatusCode);
        await using (var db = app.OpenDb())
        {
            var scores = await db.Set<Shegong.Web.Features.Workforce.Contracts.ContractEvaluation>().Where(e => e.ServiceContractId == id)
                .Select(e => e.Score).ToListAsync(Ct);
            Assert.Equal([88.5m], scores);
        }

        await using var check = app.OpenDb();
        var entry = await check.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == "ServiceContract" && a.EntityId == id.ToString(), Ct);
        Assert.Equal((AuditAction.Updated, "admin", AccessApp.Chengdu), (entry.Action, entry.UserName, entry.RegionCode));
        Assert.Contains("ContractEvaluation.Score", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("88.5", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_officer_cannot_drop_the_attendance_of_a_worker_outside_their_county()
    {
        var (own, sibling) = (app.Records[Relation.Own], app.Records[Relation.Sibling]);
        var form = new { organiserStationId = app.StationIn[AccessApp.Jinjiang], date = "2025-04-01", hours = 3, topic = "跨区培训", leader = "讲师丙", attendeeIds = new[] { own.Worker, sibling.Worker } };
        var created = await app.Client.PostAsJsonAsync("/api/trainings", form, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var county = app.Clients[Shegong.Web.Features.Accounts.AccountRole.CountyOfficer];
        var dropping = await county.PutAsJsonAsync($"/api/trainings/{id}",
            Api.WithVersion(form with { attendeeIds = new[] { own.Worker } }, await app.Client.VersionOfAsync($"/api/trainings/{id}")), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, dropping.StatusCode);
        var keeping = await county.PutAsJsonAsync($"/api/trainings/{id}",
            Api.WithVersion(form with { topic = "跨区培训（改）" }, await app.Client.VersionOfAsync($"/api/trainings/{id}")), Ct);
        Assert.Equal(HttpStatusCode.OK, keeping.StatusCode);

        await using var db = app.OpenDb();
        var attendees = await db.Set<Shegong.Web.Features.Workforce.Development.SessionAttendance>().Where(a => a.StaffSessionId == id)
            .Select(a => a.SocialWorkerId).OrderBy(w => w).ToListAsync(Ct);
        Assert.Equal(new[] { own.Worker, sibling.Worker }.Order(), attendees);
        // Attendance changes are audited under the training.
        var entry = await db.AuditEntries.FirstAsync(a => a.Entity == "Training" && a.EntityId == id.ToString() && a.Action == AuditAction.Created, Ct);
        Assert.Contains("SessionAttendance.SocialWorkerId", entry.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/trainings")]
    [InlineData("/api/supervisions")]
    public async Task Session_lists_and_exports_show_only_the_scope_and_their_total_agrees(string route)
    {
        // One organised by the county's own station, one by the sibling county's (county stations and city centres organise them).
        var own = await SessionAsync(route, app.StationIn[AccessApp.Jinjiang], app.Records[Relation.Own].Worker);
        var sibling = await SessionAsync(route, app.StationIn[AccessApp.Qingyang], app.Records[Relation.Sibling].Worker);
        foreach (var role in new[] { Shegong.Web.Features.Accounts.AccountRole.CountyOfficer, Shegong.Web.Features.Accounts.AccountRole.StationManager })
        {
            var client = app.Clients[role];
            var list = await client.GetFromJsonAsync<JsonElement>($"{route}?pageSize=100", Ct);
            var items = list.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(list.GetProperty("total").GetInt32(), items.Count);
            Assert.All(items, i => Assert.StartsWith(AccessApp.Jinjiang[..6], i.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
            Assert.True(role != Shegong.Web.Features.Accounts.AccountRole.CountyOfficer || items.Any(i => i.GetProperty("id").GetInt32() == own),
                "the county officer sees the county station's own");
            Assert.DoesNotContain(items, i => i.GetProperty("id").GetInt32() == sibling);
            // The export holds exactly the list's rows (its first column is the number), not the whole province's.
            var export = await client.GetAsync($"{route}/export", Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            await using var sheet = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
            var exported = MiniExcelLibs.MiniExcel.Query(sheet).Cast<IDictionary<string, object>>().Skip(1)
                .Select(r => Convert.ToInt32(r["A"], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(items.Select(i => i.GetProperty("id").GetInt32()).Order().ToList(), exported);
        }
        var all = await app.Client.GetFromJsonAsync<JsonElement>($"{route}?pageSize=100", Ct);
        Assert.Equal(all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength());
    }

    private async Task<int> SessionAsync(string route, int stationId, int attendee)
    {
        var response = await app.Client.PostAsJsonAsync(route,
            new { organiserStationId = stationId, date = "2024-04-01", hours = 2, topic = "范围检查", leader = "督导乙", attendeeIds = new[] { attendee } }, Ct);
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }
}
