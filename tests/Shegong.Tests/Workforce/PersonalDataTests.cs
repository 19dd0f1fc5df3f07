using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Workforce;

/// <summary>What can be derived from a protected field is protected like it; exact lookups are not an oracle.</summary>
public class PersonalDataTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Born 1990-03-07 in Liangshan (513428), female.</summary>
    private static readonly string IdNumber = WithCheck("51342819900307002");

    private static string WithCheck(string first17) => first17 + Shegong.Web.Common.Validation.CitizenId.CheckCharacterOf(first17);

    private async Task<int> WorkerAsync(int n, string idNumber, string? phone = null)
    {
        var agency = await app.AgencyAsync($"青羊个人信息测试社工中心{n}", CreditCodes.Make(300 + n), "510105000000");
        var response = await app.Client.PostAsJsonAsync("/api/social-workers", new
        {
            name = "王芳",
            idNumber,
            phone,
            education = "Bachelor",
            certification = "None",
            agencyId = agency,
            hiredOn = "2024-07-01",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_reader_who_may_not_reveal_sees_the_age_and_the_birth_date_only_comes_with_an_audited_reveal()
    {
        var worker = await WorkerAsync(1, IdNumber);
        var viewer = await app.ClientAsync(AccountRole.Viewer, "510105000000");
        var detail = await viewer.GetAsync($"/api/social-workers/{worker}", Ct);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var text = await detail.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("1990-03-07", text);
        Assert.DoesNotContain("19900307", text);
        Assert.Contains("513428********002" + IdNumber[^1], text);
        var age = (await detail.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("age").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Equal(today.Year - 1990 - (today < new DateOnly(today.Year, 3, 7) ? 1 : 0), age);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/social-workers/{worker}/reveal", new { field = "birthDate" }, Ct)).StatusCode);
        var revealed = await app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/reveal", new { field = "birthDate" }, Ct);
        Assert.Equal("1990-03-07", (await revealed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("value").GetString());
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == worker.ToString() && a.Action == AuditAction.Revealed, Ct);
        Assert.Contains("birthDate", entry.Changes);
        Assert.DoesNotContain("1990", entry.Changes);
    }

    [Fact]
    public async Task The_audit_trail_and_its_export_mask_birth_date_sex_and_native_county()
    {
        var worker = await WorkerAsync(2, WithCheck("51342819880516002"));
        var changes = await AuditTrail.CreatedChangesAsync(app.Client, "SocialWorker", worker);
        foreach (var field in new[] { "BirthDate", "Sex", "NativeCountyCode", "IdNumberMasked" })
        {
            Assert.Equal(AuditRecorder.Mask, changes[field]);
        }
        Assert.Equal("王芳", changes["Name"]); // the check can fail: unprotected fields are shown

        var cells = await AuditTrail.ExportCellsAsync(app.Client, "SocialWorker", worker);
        Assert.Contains("王芳", cells);
        Assert.All(AuditTrail.Spellings(new DateOnly(1988, 5, 16)), birth => Assert.DoesNotContain(birth, cells));
        Assert.DoesNotContain("513428", cells);
        Assert.DoesNotContain("Female", cells);
        Assert.DoesNotContain("女", cells);
    }

    [Theory]
    [InlineData(AccountRole.Viewer)]
    [InlineData(AccountRole.SocialWorker)]
    public async Task A_role_that_may_not_reveal_cannot_look_up_by_ID_number_or_phone(AccountRole role)
    {
        await WorkerAsync(role == AccountRole.Viewer ? 3 : 4, app.NewIdNumber("510105"), role == AccountRole.Viewer ? "13900001111" : "13900002222");
        var client = await app.ClientAsync(role, "510105000000");
        var response = await client.PostAsJsonAsync("/api/social-workers/lookup", new { phone = role == AccountRole.Viewer ? "13900001111" : "13900002222" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("王芳", await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.LookedUp && a.UserName.StartsWith(role.ToString().ToLower()), Ct));
    }

    [Fact]
    public async Task A_lookup_is_audited_without_the_value_and_a_user_who_keeps_trying_gets_429()
    {
        var worker = await WorkerAsync(5, app.NewIdNumber("510105"), "13900003333");
        var officer = await app.ClientAsync(AccountRole.CountyOfficer, "510105000000");
        var found = await officer.PostAsJsonAsync("/api/social-workers/lookup", new { phone = "139 0000 3333" }, Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(worker, (await found.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("id").GetInt32());
        await using (var db = app.OpenDb())
        {
            var me = await db.Users.IgnoreQueryFilters().Where(u => u.UserName!.StartsWith("countyofficer")).Select(u => u.UserName).ToListAsync(Ct);
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.LookedUp && me.Contains(a.UserName), Ct);
            Assert.Equal(worker.ToString(), entry.EntityId);
            Assert.Contains("phone", entry.Changes);
            Assert.DoesNotContain("3333", entry.Changes);
        }

        // Walking the 10,000 middle digits of a masked phone: refused long before.
        var statuses = new List<HttpStatusCode>();
        for (var middle = 0; middle < 40; middle++)
        {
            statuses.Add((await officer.PostAsJsonAsync("/api/social-workers/lookup", new { phone = $"139{middle:0000}3333" }, Ct)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 1, 29); // 30 a minute, the first one above included
        // Another user is not held up by it.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync("/api/social-workers/lookup", new { phone = "13900003333" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_list_has_no_exact_filter_that_could_put_an_ID_number_in_a_URL()
    {
        var idNumber = app.NewIdNumber("510105");
        await WorkerAsync(6, idNumber);
        // A second worker in the county, so an exact filter would show by a smaller total.
        await WorkerAsync(7, app.NewIdNumber("510105"));
        var all = await app.Client.GetFromJsonAsync<JsonElement>("/api/social-workers?region=510105000000", Ct);
        var filtered = await app.Client.GetFromJsonAsync<JsonElement>($"/api/social-workers?region=510105000000&idNumber={idNumber}", Ct);
        Assert.True(all.GetProperty("total").GetInt32() > 1);
        Assert.Equal(all.GetProperty("total").GetInt32(), filtered.GetProperty("total").GetInt32());
    }
}
