using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;

namespace Shegong.Tests.Workforce;

public class PrivacyTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private const string IdNumber = "510105199003071233";
    private const string Phone = "13987654321";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ID_numbers_and_phones_are_not_in_the_database_in_plain_and_are_found_by_their_hash()
    {
        var agency = await app.AgencyAsync("青羊隐私测试社工中心", CreditCodes.Make(1), "510105000000");
        var response = await app.Client.PostAsJsonAsync("/api/social-workers", new
        {
            name = "李明",
            idNumber = IdNumber,
            phone = Phone,
            education = "Bachelor",
            certification = "None",
            agencyId = agency,
            hiredOn = "2024-07-01",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        await using (var db = app.OpenDb())
        {
            var stored = await db.SocialWorkers.SingleAsync(w => w.Id == id, Ct);
            Assert.DoesNotContain(IdNumber, stored.IdNumberCipher);
            Assert.DoesNotContain(Phone, stored.PhoneCipher);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", Ct);
            }
        }
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            var bytes = await ReadSharedAsync(file);
            foreach (var secret in new[] { IdNumber, Phone })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
            }
            Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("李明"))); // the file is readable: the check can fail
        }

        var found = await (await app.Client.PostAsJsonAsync("/api/social-workers/lookup", new { idNumber = IdNumber }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(id, found[0].GetProperty("id").GetInt32());
        Assert.Equal("510105********1233", found[0].GetProperty("idNumberMasked").GetString());
    }

    [Fact]
    public async Task A_reveal_answers_the_plain_value_and_is_audited_without_the_value()
    {
        var agency = await app.AgencyAsync("青羊显示测试社工中心", CreditCodes.Make(2), "510105000000");
        var worker = await app.WorkerAsync(agency, null, idNumber: "11010519491231002X");
        var response = await app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/reveal", new { field = "idNumber" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("11010519491231002X", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("value").GetString());

        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(a => a.Entity == "SocialWorker" && a.EntityId == worker.ToString() && a.Action == AuditAction.Revealed, Ct);
        Assert.Equal("admin", entry.UserName);
        Assert.Contains("idNumber", entry.Changes);
        Assert.DoesNotContain("11010519491231002X", entry.Changes);

        // The audit API shows it to an official of the region.
        var audit = await app.Client.GetFromJsonAsync<JsonElement>("/api/audit?entity=SocialWorker", Ct);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), i => i.GetProperty("action").GetString() == "Revealed");

        var bad = await app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/reveal", new { field = "name" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == worker.ToString() && a.Action == AuditAction.Revealed, Ct));
    }

    [Theory]
    [InlineData(AccountRole.Viewer)]
    [InlineData(AccountRole.SocialWorker)]
    public async Task Viewers_and_social_workers_cannot_reveal_and_nothing_is_recorded(AccountRole role)
    {
        var agency = await app.AgencyAsync($"不可显示{role}社工中心", CreditCodes.Make(role == AccountRole.Viewer ? 3 : 4), "510105000000");
        var worker = await app.WorkerAsync(agency, null, idNumber: role == AccountRole.Viewer ? "510105198501010017" : "51010519860202002X");
        var client = await app.ClientAsync(role, "510105000000");
        var response = await client.PostAsJsonAsync($"/api/social-workers/{worker}/reveal", new { field = "idNumber" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("5101051985", await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityId == worker.ToString() && a.Action == AuditAction.Revealed, Ct));
    }

    [Fact]
    public void Masks_keep_only_what_identifies_at_a_glance()
    {
        Assert.Equal("510105********123X", Masking.IdNumber("51010519900307123X"));
        Assert.Equal("138****5678", Masking.Phone("13812345678"));
        Assert.Equal("028-******56", Masking.Phone("028-86123456"));
    }

    [Fact]
    public void A_cipher_differs_each_time_and_opens_only_as_its_own_field()
    {
        var data = new PersonalData(new PrivacyKeys(Convert.FromBase64String(WorkforceApp.Key), Convert.FromBase64String(WorkforceApp.HashKey)));
        var a = data.Encrypt(PersonalField.IdNumber, IdNumber);
        Assert.NotEqual(a, data.Encrypt(PersonalField.IdNumber, IdNumber));
        Assert.Equal(IdNumber, data.Decrypt(PersonalField.IdNumber, a));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => data.Decrypt(PersonalField.Phone, a));
        Assert.Equal(data.Hash(PersonalField.IdNumber, IdNumber), data.Hash(PersonalField.IdNumber, IdNumber));
        Assert.NotEqual(data.Hash(PersonalField.IdNumber, IdNumber), data.Hash(PersonalField.Phone, IdNumber));
    }

    private static async Task<byte[]> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, Ct);
        return memory.ToArray();
    }
}
