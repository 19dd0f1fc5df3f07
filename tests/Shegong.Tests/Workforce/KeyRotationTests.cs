using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;

namespace Shegong.Tests.Workforce;

/// <summary>
/// The privacy keys: every cipher names its key, a rotation moves every encrypted column and the
/// data-protection key ring to a new key without losing a value, and the key ring is never stored
/// in plain. One test class, one database: the rotation changes the keys under this fixture's app.
/// </summary>
public class KeyRotationTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PrivacyKeys Old = new(Convert.FromBase64String(WorkforceApp.Key), Convert.FromBase64String(WorkforceApp.HashKey));

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_a_cookie_sign_in_still_works_then_a_rotation_moves_every_value_to_the_new_key()
    {
        // Cookie sign-in: the data-protection key ring signs the cookie and the anti-forgery token.
        var browser = app.Anonymous;
        var html = await (await browser.GetAsync("/account/signin", Ct)).Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = "admin",
            ["password"] = TestApp.AdminPassword,
            ["returnUrl"] = "/coverage",
        }), Ct);
        Assert.Equal("/coverage", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/accounts/me", Ct)).StatusCode);
        await using (var db = app.OpenDb())
        {
            var ring = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
            Assert.NotEmpty(ring);
            Assert.All(ring, xml =>
            {
                Assert.DoesNotContain("<masterKey", xml);
                Assert.Contains(nameof(KeyRingDecryptor), xml);
            });
        }

        // Arrange values in every encrypted column.
        var agencyResponse = await app.Client.PostAsJsonAsync("/api/agencies",
            new { name = "轮换测试社工中心", creditCode = CreditCodes.Make(500), regionCode = "510105000000", contactPhone = "13700001234" }, Ct);
        var agency = (await agencyResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        for (var i = 0; i < 3; i++)
        {
            var created = await app.Client.PostAsJsonAsync("/api/social-workers", new
            {
                name = "轮换" + i,
                idNumber = app.NewIdNumber("510105"),
                phone = i == 2 ? null : $"1370000{i:0000}",
                education = "Bachelor",
                certification = "None",
                agencyId = agency,
                hiredOn = "2024-07-01",
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var before = await PlainAsync(new PersonalData(Old));
        Assert.Equal(6, before.Count(v => v.Value is not null)); // 3 ID numbers, 2 phones, 1 contact phone

        var next = PrivacyKeys.Generate() with { Previous = Old };
        await using (var db = app.OpenDb())
        {
            var result = await new KeyRotation(db, new PersonalData(next)).RotateAsync(Ct);
            Assert.Equal(0, result.Remaining);
            Assert.True(result.Rotated >= 5, $"rotated {result.Rotated}");
            // Running it again (a resumed run) finds nothing left to do.
            Assert.Equal(new KeyRotation.Result(0, 0), await new KeyRotation(db, new PersonalData(next)).RotateAsync(Ct));
        }

        var onlyNew = new PersonalData(next with { Previous = null });
        Assert.Equal(before, await PlainAsync(onlyNew));
        await using (var db = app.OpenDb())
        {
            var workers = await db.SocialWorkers.ToListAsync(Ct);
            Assert.All(workers, w =>
            {
                Assert.Equal(next.KeyId, PersonalData.KeyIdOf(w.IdNumberCipher));
                Assert.Equal(onlyNew.Hash(PersonalField.IdNumber, onlyNew.Decrypt(PersonalField.IdNumber, w.IdNumberCipher)), w.IdNumberHash);
            });
            Assert.DoesNotContain(workers, w => new[] { w.IdNumberCipher, w.PhoneCipher }.Any(c => c is not null && PersonalData.KeyIdOf(c) == Old.KeyId));
            Assert.ThrowsAny<CryptographicException>(() => new PersonalData(Old).Decrypt(PersonalField.IdNumber, workers[0].IdNumberCipher));
            // The key ring opens under the new key alone.
            Assert.Equal(0, await new KeyRotation(db, onlyNew).RemainingAsync(Ct));
        }
    }

    /// <summary>Every encrypted value by row and column, decrypted with <paramref name="data"/>.</summary>
    private async Task<Dictionary<string, string?>> PlainAsync(PersonalData data)
    {
        await using var db = app.OpenDb();
        var result = new Dictionary<string, string?>();
        foreach (var w in await db.SocialWorkers.ToListAsync(Ct))
        {
            result[$"worker {w.Id} id"] = data.Decrypt(PersonalField.IdNumber, w.IdNumberCipher);
            result[$"worker {w.Id} phone"] = data.DecryptOrNull(PersonalField.Phone, w.PhoneCipher);
        }
        foreach (var a in await db.Agencies.ToListAsync(Ct))
        {
            result[$"agency {a.Id} phone"] = data.DecryptOrNull(PersonalField.Phone, a.ContactPhoneCipher);
        }
        return result;
    }

    [Fact]
    public void Outside_Development_the_app_refuses_to_start_without_keys_and_says_how_to_make_them()
    {
        var empty = new ConfigurationBuilder().Build();
        var production = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Environments.Production };
        var refused = Assert.Throws<InvalidOperationException>(() => PrivacyKeys.From(empty, production, NullLogger.Instance));
        Assert.Contains("keys generate", refused.Message);
        Assert.Contains("Privacy__Key", refused.Message);

        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Privacy:Key"] = WorkforceApp.Key,
            ["Privacy:HashKey"] = WorkforceApp.HashKey,
        }).Build();
        Assert.Equal(Old.KeyId, PrivacyKeys.From(configured, production, NullLogger.Instance).KeyId);
    }

    [Fact]
    public void A_cipher_names_its_key_and_a_cipher_from_before_key_ids_still_opens()
    {
        var data = new PersonalData(Old);
        Assert.Equal(Old.KeyId, PersonalData.KeyIdOf(data.Encrypt(PersonalField.Phone, "13800001111")));

        // Version 1 (no key id), as stored before rotation existed.
        var nonce = new byte[12];
        var plain = "13800001111"u8.ToArray();
        var legacy = new byte[1 + 12 + 16 + plain.Length];
        legacy[0] = 1;
        using (var aes = new AesGcm(Old.EncryptionKey, 16))
        {
            aes.Encrypt(nonce, plain, legacy.AsSpan(29), legacy.AsSpan(13, 16), "Phone"u8.ToArray());
        }
        var stored = Convert.ToBase64String(legacy);
        Assert.Null(PersonalData.KeyIdOf(stored));
        Assert.Equal("13800001111", data.Decrypt(PersonalField.Phone, stored));
        Assert.Equal("13800001111", new PersonalData(PrivacyKeys.Generate() with { Previous = Old }).Decrypt(PersonalField.Phone, stored));
    }

    [Fact]
    public async Task Rotation_reads_across_every_scope_so_it_runs_only_as_system_work()
    {
        await using var db = TestDatabase.Open(app.ConnectionString, RegionScope.For("510104000000"));
        var refused = await Assert.ThrowsAsync<RequestProblem>(() => new KeyRotation(db, new PersonalData(PrivacyKeys.Generate())).RotateAsync(Ct));
        Assert.Equal(403, refused.Status);
        await Assert.ThrowsAsync<RequestProblem>(() => new KeyRotation(db, new PersonalData(PrivacyKeys.Generate())).FillMaskedFormsAsync(Ct));
    }
}
