using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Workforce;

public class SocialWorkerApiTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Agency, int Station)> ArrangeAsync(int n)
    {
        var agency = await app.AgencyAsync($"锦江测试社工中心{n}", CreditCodes.Make(100 + n), "510104000000");
        var station = await app.StationAsync($"测试站{n}", Shegong.Web.Features.Stations.StationLevel.VillageRoom, "510104017001");
        return (agency, station);
    }

    private static object Form(int agencyId, string idNumber, string? phone = "13812345678", string certification = "Assistant",
        string? certificateNumber = "A2022510001", int? stationId = null) => new
        {
            name = "张晓梅",
            idNumber,
            phone,
            education = "Bachelor",
            major = "社会工作",
            graduationYear = 2023,
            certification,
            certificateNumber,
            certificateYear = 2023,
            agencyId,
            hiredOn = "2023-07-01",
            residentStationId = stationId,
        };

    [Fact]
    public async Task A_new_worker_is_shown_masked_with_facts_from_the_ID_number_and_found_by_it()
    {
        var (agency, station) = await ArrangeAsync(1);
        var response = await app.Client.PostAsJsonAsync("/api/social-workers", Form(agency, "51342819980815032X", stationId: station), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("513428********032X", body.GetProperty("idNumberMasked").GetString());
        Assert.Equal("138****5678", body.GetProperty("phoneMasked").GetString());
        Assert.False(body.TryGetProperty("birthDate", out _)); // hidden in the mask: shown as an age
        Assert.InRange(body.GetProperty("age").GetInt32(), 25, 120);
        Assert.Equal("Female", body.GetProperty("sex").GetString());
        Assert.True(body.GetProperty("isNewGraduate").GetBoolean());
        Assert.False(body.GetProperty("isLocal").GetBoolean()); // born in Liangshan, resident in Jinjiang
        Assert.Equal("510104017001", body.GetProperty("regionCode").GetString());
        Assert.DoesNotContain("51342819980815032X", await response.Content.ReadAsStringAsync(Ct));

        var found = await (await app.Client.PostAsJsonAsync("/api/social-workers/lookup", new { idNumber = "51342819980815032x" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, found.GetArrayLength());
        Assert.Equal(body.GetProperty("id").GetInt32(), found[0].GetProperty("id").GetInt32());
        var byPhone = await (await app.Client.PostAsJsonAsync("/api/social-workers/lookup", new { phone = "138 1234 5678" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(byPhone.GetArrayLength() >= 1);
    }

    [Theory]
    [InlineData(2, "510105199003071234", "idNumber", "校验位")]
    [InlineData(3, "510105199902301233", "idNumber", "出生日期")]
    [InlineData(4, "990105199003071233", "idNumber", "地址码")]
    public async Task A_bad_ID_number_is_refused_naming_the_field_and_nothing_is_saved(int n, string idNumber, string field, string reason)
    {
        var (agency, _) = await ArrangeAsync(n);
        var before = await CountAsync();
        var response = await app.Client.PostAsJsonAsync("/api/social-workers", Form(agency, idNumber), Ct);
        await AssertFieldErrorAsync(response, field, reason);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_bad_phone_or_a_certificate_without_its_number_is_refused()
    {
        var (agency, _) = await ArrangeAsync(3000);
        await AssertFieldErrorAsync(await app.Client.PostAsJsonAsync("/api/social-workers", Form(agency, app.NewIdNumber(), phone: "12812345678"), Ct), "phone", "13至19");
        await AssertFieldErrorAsync(await app.Client.PostAsJsonAsync("/api/social-workers", Form(agency, app.NewIdNumber(), certificateNumber: null), Ct),
            "certificateNumber", "证书编号");
    }

    [Fact]
    public async Task The_same_ID_number_twice_is_refused_with_a_clear_message()
    {
        var (agency, _) = await ArrangeAsync(3001);
        var id = app.NewIdNumber("510105", 1990);
        Assert.Equal(HttpStatusCode.Created, (await app.Client.PostAsJsonAsync("/api/social-workers", Form(agency, id), Ct)).StatusCode);
        var before = await CountAsync();
        var again = await app.Client.PostAsJsonAsync("/api/social-workers", Form(agency, id.ToLowerInvariant()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已登记", await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Moving_residence_closes_the_previous_one_and_local_follows_the_station_county()
    {
        var (agency, first) = await ArrangeAsync(3002);
        var second = await app.StationAsync("涪城测试站", Shegong.Web.Features.Stations.StationLevel.VillageRoom, "510703001003");
        var worker = await app.WorkerAsync(agency, first, idNumber: app.NewIdNumber("510703", 1990));
        var moved = await app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/assignments",
            new { stationId = second, role = "Resident", from = "2024-03-01", version = await app.Client.VersionOfAsync($"/api/social-workers/{worker}") }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("isLocal").GetBoolean());
        Assert.Equal(second, body.GetProperty("residentStationId").GetInt32());
        var assignments = body.GetProperty("assignments");
        Assert.Equal("2024-02-29", assignments[0].GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, assignments[1].GetProperty("to").ValueKind);
        var back = await app.Client.PostAsJsonAsync($"/api/social-workers/{worker}/assignments",
            new { stationId = first, role = "Resident", from = "2024-01-01", version = await app.Client.VersionOfAsync($"/api/social-workers/{worker}") }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return await db.SocialWorkers.CountAsync(Ct);
    }

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(reason));
    }
}
