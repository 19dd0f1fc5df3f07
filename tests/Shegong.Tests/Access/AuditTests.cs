using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

public class AuditTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> AuditAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=500&" + query, Ct);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static (string? Old, string? New) Change(JsonElement entry, string field)
    {
        var change = entry.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == field);
        return (change.GetProperty("old").GetString(), change.GetProperty("new").GetString());
    }

    [Fact]
    public async Task Creating_editing_and_moving_a_station_each_leave_an_entry_with_old_and_new_values()
    {
        var created = await app.Client.PostAsJsonAsync("/api/stations",
            new { name = "审计测试站", level = "TownshipStation", regionCode = "510104017000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var station = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = station.GetProperty("id").GetInt32();
        var form = new { name = "审计测试站（改）", level = "TownshipStation", regionCode = "510104017000", version = station.GetProperty("version").GetUInt32() };
        var edited = await app.Client.PutAsJsonAsync($"/api/stations/{id}", form, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var version = (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/stations/{id}/status", new { status = "UnderConstruction", version }, Ct)).StatusCode);

        var entries = await AuditAsync(app.Client, $"entity=Station&entityId={id}");
        Assert.Equal(["StatusChanged", "Updated", "Created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("admin", e.GetProperty("userName").GetString()));
        Assert.All(entries, e => Assert.Equal("510104017000", e.GetProperty("regionCode").GetString()));
        Assert.Equal((null, "审计测试站"), Change(entries[2], "Name"));
        Assert.Equal(("审计测试站", "审计测试站（改）"), Change(entries[1], "Name"));
        Assert.Equal(("Planned", "UnderConstruction"), Change(entries[0], "Status"));

        // Scoped like everything else: the sibling county sees none of it, the county does.
        var qingyang = await app.ClientAsync(AccountRole.CountyOfficer, "510105000000");
        Assert.Empty(await AuditAsync(qingyang, $"entity=Station&entityId={id}"));
        var jinjiang = await app.ClientAsync(AccountRole.CountyOfficer, "510104000000");
        Assert.Equal(3, (await AuditAsync(jinjiang, $"entity=Station&entityId={id}")).Count);
        Assert.Empty(await AuditAsync(app.Client, $"entity=Station&entityId={id}&from={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}"));
        Assert.Equal(3, (await AuditAsync(app.Client, $"entity=Station&entityId={id}&user=admin&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}")).Count);

        // The export carries the same filtered entries as evidence; the sibling county's export has none of them.
        Assert.Equal(3, (await ExportAsync(app.Client, $"entity=Station&entityId={id}")).Count);
        Assert.Contains("审计测试站（改）", (await ExportAsync(app.Client, $"entity=Station&entityId={id}"))[1]["变更内容"]?.ToString());
        Assert.Empty(await ExportAsync(qingyang, $"entity=Station&entityId={id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(AccountRole.SocialWorker, "510104017000"))
            .GetAsync("/api/audit/export", Ct)).StatusCode);
    }

    private static async Task<List<IDictionary<string, object>>> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/audit/export?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task Region_and_account_changes_are_audited_with_secrets_masked()
    {
        var before = (await app.Client.GetFromJsonAsync<JsonElement>("/api/regions/510104017000", Ct)).GetProperty("residentPopulation");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PutAsJsonAsync("/api/regions/510104017000",
            new { urbanRuralCode = (string?)null, isCentralTown = false, isRelocationSite = false, isGovernancePilot = false, residentPopulation = 43210, urbanResidentPopulation = 43000, version = await app.Client.VersionOfAsync("/api/regions/510104017000") }, Ct)).StatusCode);
        var region = (await AuditAsync(app.Client, "entity=Region&entityId=510104017000"))[0];
        Assert.Equal((before.ValueKind == JsonValueKind.Null ? null : before.ToString(), "43210"), Change(region, "ResidentPopulation"));

        var created = await app.Client.PostAsJsonAsync("/api/accounts", new
        {
            userName = "audited-viewer",
            password = "Secret@Pass2022",
            displayName = "被审计",
            role = "Viewer",
            regionCode = "510104000000",
        }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await app.AccountActionAsync(app.Client, id!, "disable")).StatusCode);
        var entries = await AuditAsync(app.Client, $"entity=Account&entityId={id}");
        Assert.Equal(["StatusChanged", "Created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal((null, "audited-viewer"), Change(entries[1], "UserName"));
        Assert.Equal((null, "***"), Change(entries[1], "PasswordHash"));
        Assert.Equal(("False", "True"), Change(entries[0], "IsDisabled"));
        var raw = string.Join("", entries.Select(e => e.GetRawText()));
        Assert.DoesNotContain("Secret@Pass2022", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", raw, StringComparison.Ordinal); // the start of an Identity password hash
    }

    [Fact]
    public async Task A_delete_is_audited_and_audit_entries_cannot_be_changed_or_deleted()
    {
        await using (var arrange = app.OpenDb())
        {
            var village = await arrange.Regions.Where(r => r.ParentCode == "510104017000").Select(r => r.Code).FirstAsync(Ct);
            arrange.Stations.Add(new Shegong.Web.Features.Stations.Station { Name = "将删除的站", RegionCode = village, Level = Shegong.Web.Features.Stations.StationLevel.VillageRoom });
            await arrange.SaveChangesAsync(Ct);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Looking the account up is the test's own system work; signing in then fills the user's scope.
        sp.GetRequiredService<RegionScope>().EnterSystem("tests", audited: false);
        var admin = await sp.GetRequiredService<UserManager<Account>>().FindByNameAsync("admin");
        var principal = await sp.GetRequiredService<SignInManager<Account>>().CreateUserPrincipalAsync(admin!);
        Assert.True(await sp.GetRequiredService<AccessResolver>().ApplyAsync(principal, "10.0.0.1", Ct));
        var db = sp.GetRequiredService<ShegongDb>();
        var doomed = await db.Stations.SingleAsync(s => s.Name == "将删除的站", Ct);
        db.Stations.Remove(doomed);
        await db.SaveChangesAsync(Ct);

        var entry = await db.AuditEntries.SingleAsync(a => a.Entity == "Station" && a.EntityId == doomed.Id.ToString(), Ct);
        Assert.Equal(Shegong.Web.Features.Audit.AuditAction.Deleted, entry.Action);
        Assert.Equal("10.0.0.1", entry.IpAddress);
        Assert.Contains("将删除的站", entry.Changes, StringComparison.Ordinal);

        db.Entry(entry).Property(a => a.UserName).CurrentValue = "someone-else";
        Assert.Equal(403, Assert.Throws<RequestProblem>(() => db.SaveChanges()).Status);
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, Ct));
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestProblem>(() => db.SaveChangesAsync(Ct))).Status);
        await using var check = app.OpenDb();
        Assert.Equal("admin", (await check.AuditEntries.SingleAsync(a => a.Id == entry.Id, Ct)).UserName);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await app.Client.DeleteAsync("/api/audit", Ct)).StatusCode);
    }
}
