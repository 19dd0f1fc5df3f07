using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Residents;

public class ResidentApiTests(ResidentApp app) : IClassFixture<ResidentApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sex_and_birth_date_come_from_the_id_number_and_the_record_shows_an_age_and_masked_values()
    {
        var response = await app.Worker.PostJsonAsync("/api/residents", new
        {
            name = app.NewName("张"),
            idNumber = "51010419450302002X",
            phone = "13912345678",
            regionCode = app.OwnVillage,
            tags = new[] { "ElderlyLivingAlone", "PersonWithDisability" },
        });
        var created = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal("Female", created.GetProperty("sex").GetString());
        Assert.Equal("510104********002X", created.GetProperty("idNumberMasked").GetString());
        Assert.Equal("139****5678", created.GetProperty("phoneMasked").GetString());
        Assert.True(created.GetProperty("age").GetInt32() >= 80);
        Assert.Equal(2, created.GetProperty("tags").GetArrayLength());
        var text = created.GetRawText();
        Assert.DoesNotContain("1945-03-02", text);
        Assert.DoesNotContain("19450302", text);
        Assert.DoesNotContain("13912345678", text);
    }

    [Fact]
    public async Task The_audit_trail_and_its_export_mask_the_birth_date_and_sex_the_id_number_gives_away()
    {
        var idNumber = app.NewIdNumber();
        var born = DateOnly.ParseExact(idNumber[6..14], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var name = app.NewName("审计");
        var id = await app.ResidentAsync(app.OwnVillage, idNumber, "13912340000", name: name);

        var changes = await AuditTrail.CreatedChangesAsync(app.Client, "Resident", id);
        foreach (var field in new[] { "BirthDate", "Sex", "IdNumberMasked", "IdNumberCipher", "IdNumberHash", "PhoneMasked", "PhoneCipher", "PhoneHash" })
        {
            Assert.Equal(AuditRecorder.Mask, changes[field]);
        }
        Assert.Equal(name, changes["Name"]); // the check can fail: unprotected fields are shown

        var cells = await AuditTrail.ExportCellsAsync(app.Client, "Resident", id);
        Assert.Contains(name, cells);
        Assert.All(AuditTrail.Spellings(born), birth => Assert.DoesNotContain(birth, cells));
        Assert.DoesNotContain(idNumber[..6] + idNumber[6..10], cells);
        Assert.DoesNotContain("13912340000", cells);
    }

    [Fact]
    public async Task Without_an_id_number_name_birth_date_sex_and_village_are_required_and_bad_input_saves_nothing()
    {
        var before = await app.CountAsync();
        var missing = await (await app.Worker.PostJsonAsync("/api/residents", new { name = app.NewName(), regionCode = app.OwnVillage }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("出生日期", missing.FieldError("birthDate"));
        Assert.Contains("性别", missing.FieldError("sex"));

        var bad = await (await app.Worker.PostJsonAsync("/api/residents", new { name = "", idNumber = "510104194503020021", phone = "12345", regionCode = app.OwnVillage }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("姓名", bad.FieldError("name"));
        Assert.NotEmpty(bad.FieldError("idNumber"));
        Assert.NotEmpty(bad.FieldError("phone"));

        var mismatch = await (await app.Worker.PostJsonAsync("/api/residents",
            new { name = app.NewName(), idNumber = app.NewIdNumber(), birthDate = "2001-01-01", regionCode = app.OwnVillage })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不符", mismatch.FieldError("birthDate"));
        var badTag = await app.Worker.PostJsonAsync("/api/residents", new { name = app.NewName(), idNumber = app.NewIdNumber(), regionCode = app.OwnVillage, tags = new[] { "Rich" } });
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        Assert.Equal(before, await app.CountAsync());

        var ok = await app.Worker.PostJsonAsync("/api/residents", new { name = app.NewName(), birthDate = "2015-06-01", sex = "Male", regionCode = app.OwnVillage });
        var created = await ok.ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.False(created.GetProperty("hasIdNumber").GetBoolean());
        Assert.Equal(before + 1, await app.CountAsync());
    }

    [Fact]
    public async Task The_same_name_birth_date_and_village_warns_of_a_possible_duplicate_which_the_user_can_override()
    {
        var name = app.NewName("王");
        var body = new { name, birthDate = "1960-05-05", sex = "Male", regionCode = app.OwnVillage };
        var first = (await (await app.Worker.PostJsonAsync("/api/residents", body)).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var before = await app.CountAsync();

        var warned = await (await app.Worker.PostJsonAsync("/api/residents", body)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain("编号", warned.FieldError("confirmDuplicate"));
        Assert.Equal($"/residents/{first}", warned.GetProperty("existing").GetString());
        Assert.Equal(before, await app.CountAsync());
        // Another village is no duplicate.
        await (await app.Worker.PostJsonAsync("/api/residents", body with { regionCode = app.OwnVillage2 })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var confirmed = await app.Worker.PostJsonAsync("/api/residents", new { name, birthDate = "1960-05-05", sex = "Male", regionCode = app.OwnVillage, confirmDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(before + 2, await app.CountAsync());
    }

    [Fact]
    public async Task Opening_a_record_is_logged_and_the_record_shows_who_has_looked()
    {
        var id = await app.ResidentAsync(app.OwnVillage);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == "Resident" && a.EntityId == id.ToString() && a.Action == AuditAction.Viewed, Ct));
        }
        var workerView = await (await app.Worker.GetUrlAsync($"/api/residents/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(1, workerView.GetProperty("viewCount").GetInt32());

        var viewerClient = app.Clients[AccountRole.Viewer];
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetUrlAsync($"/api/residents/{id}")).StatusCode);
        var adminView = await (await app.Client.GetUrlAsync($"/api/residents/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(3, adminView.GetProperty("viewCount").GetInt32());
        var viewers = adminView.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("userName").GetString()).ToList();
        Assert.Equal("admin", viewers[0]);
        Assert.Contains(viewers, v => v!.StartsWith("viewer", StringComparison.Ordinal));
        Assert.Contains(viewers, v => v!.StartsWith("socialworker", StringComparison.Ordinal));

        // A list is not an opening.
        await app.Worker.GetUrlAsync("/api/residents");
        await using var after = app.OpenDb();
        Assert.Equal(3, await after.AuditEntries.CountAsync(a => a.Entity == "Resident" && a.EntityId == id.ToString() && a.Action == AuditAction.Viewed, Ct));
    }

    [Fact]
    public async Task Consent_is_recorded_with_who_and_when_and_can_be_withdrawn()
    {
        var id = await app.ResidentAsync(app.OwnVillage);
        var detail = await (await app.Worker.GetUrlAsync($"/api/residents/{id}")).ReadAsync<JsonElement>();
        Assert.False(detail.GetProperty("hasConsent").GetBoolean());
        var noVersion = await app.Worker.PostJsonAsync($"/api/residents/{id}/consent", new { on = "2024-03-01" });
        Assert.NotEmpty((await noVersion.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("version"));

        var given = await (await app.Worker.PostJsonAsync($"/api/residents/{id}/consent",
            new { on = "2024-03-01", version = detail.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();
        Assert.True(given.GetProperty("hasConsent").GetBoolean());
        Assert.Equal("2024-03-01", given.GetProperty("consentGivenOn").GetString());
        Assert.StartsWith("socialworker", given.GetProperty("consentRecordedBy").GetString());

        var early = await app.Worker.PostJsonAsync($"/api/residents/{id}/consent/withdraw", new { on = "2024-02-01", version = given.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var withdrawn = await (await app.Worker.PostJsonAsync($"/api/residents/{id}/consent/withdraw",
            new { on = "2024-06-01", version = given.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();
        Assert.False(withdrawn.GetProperty("hasConsent").GetBoolean());
        Assert.Equal("2024-06-01", withdrawn.GetProperty("consentWithdrawnOn").GetString());
        var again = await app.Worker.PostJsonAsync($"/api/residents/{id}/consent/withdraw", new { version = withdrawn.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var list = await (await app.Worker.GetUrlAsync($"/api/residents?village={app.OwnVillage}&pageSize=500")).ReadAsync<JsonElement>();
        Assert.False(list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id).GetProperty("hasConsent").GetBoolean());
    }

    [Fact]
    public async Task A_reveal_answers_the_value_to_revealers_and_is_audited_without_it()
    {
        var idNumber = app.NewIdNumber();
        var id = await app.ResidentAsync(app.OwnVillage, idNumber, phone: "028-86123456");
        var revealed = await (await app.Worker.PostJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber" })).ReadAsync<JsonElement>();
        Assert.Equal(idNumber, revealed.GetProperty("value").GetString());
        var phone = await (await app.Worker.PostJsonAsync($"/api/residents/{id}/reveal", new { field = "phone" })).ReadAsync<JsonElement>();
        Assert.Equal("028-86123456", phone.GetProperty("value").GetString());
        var birth = await (await app.Worker.PostJsonAsync($"/api/residents/{id}/reveal", new { field = "birthDate" })).ReadAsync<JsonElement>();
        Assert.Equal($"{idNumber[6..10]}-{idNumber[10..12]}-{idNumber[12..14]}", birth.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.Viewer].PostJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber" })).StatusCode);

        await using var db = app.OpenDb();
        var entries = await db.AuditEntries.Where(a => a.Entity == "Resident" && a.EntityId == id.ToString() && a.Action == AuditAction.Revealed).ToListAsync(Ct);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("socialworker", e.UserName));
        var all = string.Join("", await db.AuditEntries.Where(a => a.Entity == "Resident" && a.EntityId == id.ToString()).Select(a => a.Changes).ToListAsync(Ct));
        Assert.DoesNotContain(idNumber, all);
        Assert.DoesNotContain("86123456", all);
        Assert.DoesNotContain(idNumber[6..14], all);
    }

    [Fact]
    public async Task A_phone_lookup_finds_exact_matches_for_revealers_and_is_audited()
    {
        var id = await app.ResidentAsync(app.OwnVillage, phone: "13700001111");
        var found = await (await app.Worker.PostJsonAsync("/api/residents/lookup", new { phone = "137 0000 1111" })).ReadAsync<JsonElement>();
        Assert.Equal([id], found.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.Viewer].PostJsonAsync("/api/residents/lookup", new { phone = "13700001111" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Worker.PostJsonAsync("/api/residents/lookup", new { })).StatusCode);
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.Where(a => a.Entity == "Resident" && a.Action == AuditAction.LookedUp).OrderBy(a => a.Id).LastAsync(Ct);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.DoesNotContain("13700001111", entry.Changes);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_an_edit_without_version_names_it()
    {
        var id = await app.ResidentAsync(app.OwnVillage, tags: ["LeftBehindChild"]);
        var read = await (await app.Worker.GetUrlAsync($"/api/residents/{id}")).ReadAsync<JsonElement>();
        var version = read.GetProperty("version").GetUInt32();
        var name = read.GetProperty("name").GetString()!;
        var edited = await (await app.Worker.PutJsonAsync($"/api/residents/{id}",
            new { name = name + "改", regionCode = app.OwnVillage, address = "一组5号", tags = new[] { "ChildInDistress" }, version })).ReadAsync<JsonElement>();
        Assert.Equal(["ChildInDistress"], edited.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(edited.GetProperty("hasIdNumber").GetBoolean()); // an empty ID number keeps the stored one

        var stale = await app.Worker.PutJsonAsync($"/api/residents/{id}", new { name = name + "再改", regionCode = app.OwnVillage, version });
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var missing = await app.Worker.PutJsonAsync($"/api/residents/{id}", new { name = name + "再改", regionCode = app.OwnVillage });
        Assert.NotEmpty((await missing.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("version"));
        var now = await (await app.Client.GetUrlAsync($"/api/residents/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(name + "改", now.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_tag_village_township_and_masked_id_fragment()
    {
        var stem = app.NewName("筛选");
        var idNumber = app.NewIdNumber();
        var tagged = await app.ResidentAsync(app.OwnVillage, idNumber, tags: ["RelocatedResident"], name: stem + "甲");
        var other = await app.ResidentAsync(app.OwnVillage2, name: stem + "乙");
        async Task<List<int>> Ids(string query) => (await (await app.Client.GetUrlAsync($"/api/residents?search={stem}&{query}")).ReadAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([tagged], await Ids("tag=RelocatedResident"));
        Assert.Equal([other], await Ids($"village={app.OwnVillage2}"));
        Assert.Equal(2, (await Ids($"township={ResidentApp.Jinguanyi}")).Count);
        Assert.Equal([tagged], await Ids($"idFragment={idNumber[^4..]}"));
        Assert.Empty(await Ids($"idFragment={idNumber[6..10]}")); // the hidden middle is not searchable
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetUrlAsync("/api/residents?idFragment=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetUrlAsync("/api/residents?village=12")).StatusCode);
    }
}
