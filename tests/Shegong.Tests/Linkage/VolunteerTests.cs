using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Linkage.Volunteers;

namespace Shegong.Tests.Linkage;

public partial class VolunteerTests(VolunteerApp app) : IClassFixture<VolunteerApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> FiguresAsync(string region) =>
        await (await app.Client.GetUrlAsync($"/api/linkage/figures?region={region}")).ReadAsync<JsonElement>();

    [Fact]
    public async Task Self_registration_with_bad_input_names_each_field_in_Chinese_and_saves_nothing()
    {
        await using var before = app.OpenDb();
        var count = await before.Set<Volunteer>().CountAsync(Ct);
        var station = app.StationIn[AccessApp.Jinguanyi];

        var empty = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", new { consent = false })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("姓名", empty.FieldError("name"));
        Assert.Contains("身份证号码", empty.FieldError("idNumber"));
        Assert.Contains("手机号码", empty.FieldError("phone"));
        Assert.Contains("社工站", empty.FieldError("stationId"));
        Assert.Contains("密码", empty.FieldError("password"));
        Assert.Contains("同意", empty.FieldError("consent"));

        var (idNumber, phone) = app.NewPerson();
        var badId = idNumber[..17] + (idNumber[17] == '1' ? '2' : '1');
        var wrongId = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", VolunteerApp.Registration(station, badId, phone)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("校验", wrongId.FieldError("idNumber"));
        var weak = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", VolunteerApp.Registration(station, idNumber, phone, password: "123")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("至少8位", weak.FieldError("password"));
        var noConsent = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", VolunteerApp.Registration(station, idNumber, phone, consent: false)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("同意", noConsent.FieldError("consent"));
        // A county station takes no registrations: volunteers register with a township station.
        var county = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers",
            VolunteerApp.Registration(app.StationIn[AccessApp.Jinjiang], idNumber, phone))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("街道(乡镇)社工站", county.FieldError("stationId"));
        var landline = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", VolunteerApp.Registration(station, idNumber, "028-8888888")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(landline.FieldError("phone"));

        await using var after = app.OpenDb();
        Assert.Equal(count, await after.Set<Volunteer>().CountAsync(Ct));

        // The same person twice: the second is a 409 that names nobody (the visitor may see no record).
        await app.RegisterAsync(idNumber, phone);
        var twice = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", VolunteerApp.Registration(station, idNumber, app.NewPerson().Phone, "另一个")))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain("王志愿", twice.GetProperty("title").GetString());
        var samePhone = await (await app.Anonymous.PostJsonAsync("/api/public/volunteers", VolunteerApp.Registration(station, app.NewPerson().IdNumber, phone)))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("手机号码", samePhone.FieldError("phone"));
    }

    [Fact]
    public async Task The_audit_trail_and_its_export_mask_the_birth_date_and_sex_the_id_number_gives_away()
    {
        var (idNumber, phone) = app.NewPerson();
        var born = DateOnly.ParseExact(idNumber[6..14], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await app.RegisterAsync(idNumber, phone, name: "审计志愿者");

        var changes = await AuditTrail.CreatedChangesAsync(app.Client, "Volunteer", id);
        foreach (var field in new[] { "BirthDate", "Sex", "IdNumberMasked", "IdNumberCipher", "IdNumberHash", "PhoneMasked", "PhoneCipher", "PhoneHash" })
        {
            Assert.Equal(AuditRecorder.Mask, changes[field]);
        }
        Assert.Equal("审计志愿者", changes["Name"]); // the check can fail: unprotected fields are shown

        var cells = await AuditTrail.ExportCellsAsync(app.Client, "Volunteer", id);
        Assert.Contains("审计志愿者", cells);
        Assert.All(AuditTrail.Spellings(born), birth => Assert.DoesNotContain(birth, cells));
        Assert.DoesNotContain(phone, cells);
        // Nor does the record itself show the birth date to staff: an age, and masked numbers.
        var detail = await app.Client.GetStringAsync($"/api/volunteers/{id}", TestContext.Current.CancellationToken);
        Assert.All(AuditTrail.Spellings(born), birth => Assert.DoesNotContain(birth, detail));
        Assert.DoesNotContain(idNumber, detail);
    }

    [Fact]
    public async Task Hours_logged_count_once_confirmed_and_never_when_rejected()
    {
        var before = await FiguresAsync(AccessApp.Jinguanyi);
        var (id, volunteer) = await app.ApprovedVolunteerAsync(name: "李时长");
        var approved = await FiguresAsync(AccessApp.Jinguanyi);
        Assert.Equal(before.GetProperty("registeredVolunteers").GetInt32() + 1, approved.GetProperty("registeredVolunteers").GetInt32());

        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        var two = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 2, activity = "敬老院陪伴" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var half = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 1.5, activity = "社区清扫" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var bad = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = "2099-01-01", hours = 0.3, activity = "" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("0.5", bad.FieldError("hours"));
        Assert.NotEmpty(bad.FieldError("activity"));
        var future = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = "2099-01-01", hours = 1, activity = "未来" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("今天", future.FieldError("servedOn"));
        // Logged, not yet confirmed: not counted.
        Assert.Equal(approved.GetProperty("confirmedHours").GetDecimal(), (await FiguresAsync(AccessApp.Jinguanyi)).GetProperty("confirmedHours").GetDecimal());

        var manager = app.Manager;
        await (await manager.PostJsonAsync($"/api/volunteer-hours/{two.GetProperty("id").GetInt32()}/decision",
            new { status = "Confirmed", version = two.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();
        var noReason = await (await manager.PostJsonAsync($"/api/volunteer-hours/{half.GetProperty("id").GetInt32()}/decision",
            new { status = "Rejected", version = half.GetProperty("version").GetUInt32() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("理由", noReason.FieldError("reason"));
        await (await manager.PostJsonAsync($"/api/volunteer-hours/{half.GetProperty("id").GetInt32()}/decision",
            new { status = "Rejected", reason = "当天无此活动", version = half.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();
        // Decided hours stay decided.
        await (await manager.PostJsonAsync($"/api/volunteer-hours/{two.GetProperty("id").GetInt32()}/decision",
            new { status = "Rejected", reason = "改主意", version = await VersionOfHourAsync(two.GetProperty("id").GetInt32()) })).ProblemAsync(HttpStatusCode.BadRequest);

        var after = await FiguresAsync(AccessApp.Jinguanyi);
        Assert.Equal(approved.GetProperty("confirmedHours").GetDecimal() + 2m, after.GetProperty("confirmedHours").GetDecimal());
        var detail = await (await manager.GetUrlAsync($"/api/volunteers/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(2m, detail.GetProperty("confirmedHours").GetDecimal());
        var home = await (await volunteer.GetUrlAsync("/api/volunteers/me")).ReadAsync<JsonElement>();
        var statuses = home.GetProperty("hours").EnumerateArray().Select(h => h.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["Confirmed", "Rejected"], statuses);
        Assert.Contains(home.GetProperty("hours").EnumerateArray(), h => h.GetProperty("rejectReason").GetString() == "当天无此活动");
    }

    private async Task<uint> VersionOfHourAsync(int id)
    {
        await using var db = app.OpenDb();
        return await db.Set<VolunteerHour>().Where(h => h.Id == id).Select(h => h.Version).SingleAsync(Ct);
    }

    [Fact]
    public async Task A_volunteer_sees_their_own_record_and_hours_and_nothing_of_anyone_else()
    {
        var (mine, me) = await app.ApprovedVolunteerAsync(name: "自己");
        var (theirs, them) = await app.ApprovedVolunteerAsync(name: "别人");
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        var their = await (await them.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 3, activity = "别人的服务" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await me.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 1, activity = "我的服务" })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var home = await (await me.GetUrlAsync("/api/volunteers/me")).ReadAsync<JsonElement>();
        Assert.Equal(mine, home.GetProperty("me").GetProperty("id").GetInt32());
        Assert.All(home.GetProperty("hours").EnumerateArray(), h => Assert.Equal(mine, h.GetProperty("volunteerId").GetInt32()));
        Assert.DoesNotContain("别人", await (await me.GetUrlAsync("/api/volunteers/me")).Content.ReadAsStringAsync(Ct));

        string[] refused = [$"/api/volunteers/{theirs}", $"/api/volunteers/{mine}", "/api/volunteers", "/api/volunteers/export", "/api/volunteer-hours",
            $"/api/volunteer-hours?volunteerId={theirs}", "/api/volunteer-teams", "/api/residents", "/api/stations", "/api/regions/510104000000",
            $"/api/linkage/figures?region={AccessApp.Jinguanyi}", "/api/statistics/summary", "/api/service-records", "/api/audit", "/api/accounts"];
        foreach (var url in refused)
        {
            Assert.True((await me.GetUrlAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await me.PostJsonAsync($"/api/volunteer-hours/{their.GetProperty("id").GetInt32()}/decision",
            new { status = "Confirmed", version = their.GetProperty("version").GetUInt32() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.PostJsonAsync($"/api/volunteers/{theirs}/reveal", new { field = "phone" })).StatusCode);
        // A staff account has no volunteer record of its own.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Manager.GetUrlAsync("/api/volunteers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Manager.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 1, activity = "x" })).StatusCode);
    }

    [Fact]
    public async Task Staff_read_and_decide_volunteers_only_in_their_scope_and_only_managers_approve()
    {
        var (ownId, ownPhone) = app.NewPerson();
        var own = await app.RegisterAsync(ownId, ownPhone);
        var (siblingId, siblingPhone) = app.NewPerson();
        var sibling = await app.RegisterAsync(siblingId, siblingPhone, app.SiblingTownship, "兄弟街道志愿者");
        var manager = app.Manager;

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetUrlAsync($"/api/volunteers/{sibling}")).StatusCode);
        var listed = await (await manager.GetUrlAsync("/api/volunteers?pageSize=100")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetInt32() == sibling);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetInt32() == own);
        var detail = await (await manager.GetUrlAsync($"/api/volunteers/{own}")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(ownId, detail.GetRawText());
        Assert.DoesNotContain(ownPhone, detail.GetRawText());
        Assert.Equal("Applied", detail.GetProperty("status").GetString());

        var version = detail.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostJsonAsync($"/api/volunteers/{sibling}/decision",
            new { status = "Approved", version = await app.Client.VersionOfAsync($"/api/volunteers/{sibling}") })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.SocialWorker].PostJsonAsync($"/api/volunteers/{own}/decision",
            new { status = "Approved", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.Viewer].PostJsonAsync($"/api/volunteers/{own}/decision",
            new { status = "Approved", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.AgencyManager].GetUrlAsync($"/api/volunteers/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Clients[AccountRole.Viewer].GetUrlAsync($"/api/volunteers/{own}")).StatusCode);
        var leave = await (await manager.PostJsonAsync($"/api/volunteers/{own}/decision", new { status = "Left", version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(leave.FieldError("status"));

        var revealed = await (await manager.PostJsonAsync($"/api/volunteers/{own}/reveal", new { field = "phone" })).ReadAsync<JsonElement>();
        Assert.Equal(ownPhone, revealed.GetProperty("value").GetString());
        await (await manager.PostJsonAsync($"/api/volunteers/{own}/decision", new { status = "Approved", version })).ReadAsync<JsonElement>();
        var signedIn = await app.SignedInClientAsync(ownPhone, VolunteerApp.VolunteerPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetUrlAsync("/api/volunteers/me")).StatusCode);

        // Left: the account stops working at once.
        var left = await manager.VersionOfAsync($"/api/volunteers/{own}");
        await (await manager.PostJsonAsync($"/api/volunteers/{own}/decision", new { status = "Left", version = left })).ReadAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetUrlAsync("/api/volunteers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(ownPhone, VolunteerApp.VolunteerPassword)).StatusCode);
    }

    [Fact]
    public async Task Staff_entered_volunteers_get_a_one_time_password_and_the_per_10000_figure_needs_a_known_population()
    {
        var own = app.Places[AccountRole.StationManager][Relation.Own];
        var (idNumber, phone) = app.NewPerson();
        var noConsent = await (await app.Manager.PostJsonAsync("/api/volunteers",
            new { name = "站内录入", idNumber, phone, stationId = own.StationId, regionCode = own.VillageCode })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noConsent.FieldError("consentGivenOn"));
        var created = await (await app.Manager.PostJsonAsync("/api/volunteers",
            new { name = "站内录入", idNumber, phone, stationId = own.StationId, regionCode = own.VillageCode, consentGivenOn = "2024-01-01" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(own.VillageCode, created.GetProperty("regionCode").GetString());
        var decision = await (await app.Manager.PostJsonAsync($"/api/volunteers/{created.GetProperty("id").GetInt32()}/decision",
            new { status = "Approved", version = created.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();
        var initial = decision.GetProperty("initialPassword").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(phone, initial)).GetUrlAsync("/api/volunteers/me")).StatusCode);

        await using (var db = app.OpenDb())
        {
            var township = await db.Regions.SingleAsync(r => r.Code == AccessApp.Jinguanyi, Ct);
            township.ResidentPopulation = 40000;
            await db.SaveChangesAsync(Ct);
        }
        var known = await FiguresAsync(AccessApp.Jinguanyi);
        var registered = known.GetProperty("registeredVolunteers").GetInt32();
        Assert.Equal(Math.Round(registered * 10000m / 40000, 2), known.GetProperty("volunteersPer10000Residents").GetDecimal());
        // The sibling township has no population recorded and its villages neither: unknown, not zero.
        var unknown = await FiguresAsync(app.SiblingTownship);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("volunteersPer10000Residents").ValueKind);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("residentPopulation").ValueKind);
    }
}
