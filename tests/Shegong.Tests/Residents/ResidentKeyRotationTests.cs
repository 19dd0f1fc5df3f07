using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Access;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Requests;

namespace Shegong.Tests.Residents;

/// <summary>A key rotation moves residents' and volunteers' ID numbers and phones, and service requests' phones, to the new key too (its own database: the keys change under it).</summary>
public class ResidentKeyRotationTests(ResidentApp app) : IClassFixture<ResidentApp>
{
    [Fact]
    public async Task A_rotation_re_encrypts_and_re_hashes_residents_volunteers_and_requests_without_losing_a_value()
    {
        var ct = TestContext.Current.CancellationToken;
        var idNumber = app.NewIdNumber();
        var withBoth = await app.ResidentAsync(app.OwnVillage, idNumber, phone: "13600002222");
        var old = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<PrivacyKeys>()));
        int request;
        int volunteer;
        var volunteerId = app.NewIdNumber();
        await using (var db = app.OpenDb())
        {
            var before = new PersonalData(old);
            var registered = new Volunteer
            {
                Name = "李志愿",
                StationId = app.StationIn[AccessApp.Jinguanyi],
                RegionCode = app.OwnVillage,
                IdNumberCipher = before.Encrypt(PersonalField.IdNumber, volunteerId),
                IdNumberHash = before.Hash(PersonalField.IdNumber, volunteerId),
                IdNumberMasked = Masking.IdNumber(volunteerId),
                PhoneCipher = before.Encrypt(PersonalField.Phone, "13600004444"),
                PhoneHash = before.Hash(PersonalField.Phone, "13600004444"),
                PhoneMasked = Masking.Phone("13600004444"),
                AppliedOn = new DateOnly(2025, 3, 1),
            };
            db.Add(registered);
            var raised = new ServiceRequest
            {
                RegionCode = app.OwnVillage,
                ContactName = "张秀英",
                Need = "需要上门送餐",
                PhoneCipher = before.Encrypt(PersonalField.Phone, "13600003333"),
                PhoneHash = before.Hash(PersonalField.Phone, "13600003333"),
                PhoneMasked = Masking.Phone("13600003333"),
            };
            db.Add(raised);
            await db.SaveChangesAsync(ct);
            request = raised.Id;
            volunteer = registered.Id;
        }
        var next = PrivacyKeys.Generate() with { Previous = old };
        await using (var db = app.OpenDb())
        {
            var result = await new KeyRotation(db, new PersonalData(next)).RotateAsync(ct);
            Assert.Equal(0, result.Remaining);
        }
        var onlyNew = new PersonalData(next with { Previous = null });
        await using var after = app.OpenDb();
        var r = await after.Residents.SingleAsync(x => x.Id == withBoth, ct);
        Assert.Equal(idNumber, onlyNew.Decrypt(PersonalField.IdNumber, r.IdNumberCipher!));
        Assert.Equal("13600002222", onlyNew.Decrypt(PersonalField.Phone, r.PhoneCipher!));
        Assert.Equal(onlyNew.Hash(PersonalField.IdNumber, idNumber), r.IdNumberHash);
        Assert.Equal(onlyNew.Hash(PersonalField.Phone, "13600002222"), r.PhoneHash);
        var q = await after.Set<ServiceRequest>().SingleAsync(x => x.Id == request, ct);
        Assert.Equal("13600003333", onlyNew.Decrypt(PersonalField.Phone, q.PhoneCipher!));
        Assert.Equal(onlyNew.Hash(PersonalField.Phone, "13600003333"), q.PhoneHash);
        var v = await after.Set<Volunteer>().SingleAsync(x => x.Id == volunteer, ct);
        Assert.Equal(volunteerId, onlyNew.Decrypt(PersonalField.IdNumber, v.IdNumberCipher));
        Assert.Equal("13600004444", onlyNew.Decrypt(PersonalField.Phone, v.PhoneCipher));
        Assert.Equal(onlyNew.Hash(PersonalField.IdNumber, volunteerId), v.IdNumberHash);
        Assert.Equal(onlyNew.Hash(PersonalField.Phone, "13600004444"), v.PhoneHash);
        Assert.Equal(0, await new KeyRotation(after, onlyNew).RemainingAsync(ct));
    }

    [Fact]
    public async Task Every_entity_with_an_encrypted_column_is_rotated()
    {
        await using var db = app.OpenDb();
        var encrypted = KeyRotation.CipherEntities(db).ToList();
        Assert.Contains(typeof(Volunteer), encrypted);
        Assert.Empty(encrypted.Except(KeyRotation.Rotated));
    }
}
