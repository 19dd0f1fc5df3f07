using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.GroupWork;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Activities;

public class ActivityTests(GroupWorkApp app) : IClassFixture<GroupWorkApp>
{
    private const string Township = "510104017000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Form(int stationId, string? villageCode, int participantCount, int[] participantIds, int[] workerIds, uint? version = null,
        string title = "重阳节敬老活动") => new
        {
            stationId,
            title,
            date = "2025-10-29",
            villageCode,
            venue = "村委会广场",
            category = "ElderlyAndChildCare",
            durationMinutes = 120,
            participantCount,
            participantIds,
            workerIds,
            volunteers = "村志愿服务队 8 人",
            organisations = "社区老年协会",
            version,
        };

    [Fact]
    public async Task An_activity_makes_one_record_counting_named_participants_plus_the_rest_and_it_follows_edits_and_deletion()
    {
        var station = await app.StationOfAsync(Township);
        var village = await app.VillageUnderAsync(Township);
        var worker = await app.WorkerAsync(station, "510104000000");
        var residents = await app.ResidentsAsync(village, 3);

        var created = await (await app.Client.PostJsonAsync("/api/activities", Form(station, village, 40, residents[..2], [worker])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(40, created.GetProperty("personTimes").GetInt32());
        Assert.Equal(village, created.GetProperty("regionCode").GetString());
        var recordId = created.GetProperty("serviceRecordId").GetInt32();
        var record = Assert.Single(await app.RecordsAsync(ServiceSource.Activity, recordId));
        Assert.Equal((40, 38, ServiceMethod.CommunityWork, ServiceCategory.ElderlyAndChildCare), (record.PersonTimes, record.HeadCount, record.Method, record.Category));
        Assert.Equal(residents[..2].Order(), record.Beneficiaries.Select(b => b.ResidentId).Order());
        Assert.Equal([worker], record.Workers.Select(w => w.SocialWorkerId));

        var id = created.GetProperty("id").GetInt32();
        var edited = await (await app.Client.PutJsonAsync($"/api/activities/{id}",
            Form(station, village, 45, residents, [worker], created.GetProperty("version").GetUInt32()))).ReadAsync<JsonElement>();
        Assert.Equal(recordId, edited.GetProperty("serviceRecordId").GetInt32());
        var revised = Assert.Single(await app.RecordsAsync(ServiceSource.Activity, recordId));
        Assert.Equal((45, 42, 3), (revised.PersonTimes, revised.HeadCount, revised.Beneficiaries.Count));

        // A stale edit is refused and changes nothing.
        var stale = await app.Client.PutJsonAsync($"/api/activities/{id}", Form(station, village, 99, residents, [worker], created.GetProperty("version").GetUInt32()));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        await (await app.Client.PutJsonAsync($"/api/activities/{id}", Form(station, village, 99, residents, [worker]))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(45, Assert.Single(await app.RecordsAsync(ServiceSource.Activity, recordId)).PersonTimes);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/activities/{id}?version={edited.GetProperty("version").GetUInt32()}", Ct)).StatusCode);
        Assert.Empty(await app.RecordsAsync(ServiceSource.Activity, recordId));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetUrlAsync($"/api/activities/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_participant_who_moved_out_of_the_readers_region_shows_only_as_outside_their_scope()
    {
        var station = await app.StationOfAsync(Township);
        var village = await app.VillageUnderAsync(Township);
        var residents = await app.ResidentsAsync(village, 2);
        var created = await (await app.Client.PostJsonAsync("/api/activities", Form(station, village, 10, residents, [])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        await using var db = app.OpenDb();
        // The second resident moves to a village of another county (锦江区 → 青羊区).
        var elsewhere = await db.Regions.Where(r => r.Code.StartsWith("510105") && r.Level == Shegong.Web.Features.Regions.RegionLevel.Village)
            .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
        var moved = await db.Residents.SingleAsync(r => r.Id == residents[1], Ct);
        moved.RegionCode = elsewhere;
        await db.SaveChangesAsync(Ct);
        var county = await app.ClientAsync(Shegong.Web.Features.Accounts.AccountRole.CountyOfficer, "510104000000");

        var seen = await (await county.GetUrlAsync($"/api/activities/{created.GetProperty("id").GetInt32()}")).ReadAsync<JsonElement>();
        var names = seen.GetProperty("participants").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt32(), p => p.GetProperty("name").GetString());
        Assert.Equal(await db.Residents.Where(r => r.Id == residents[0]).Select(r => r.Name).SingleAsync(Ct), names[residents[0]]);
        Assert.Equal("（不在您的范围内）", names[residents[1]]);
        Assert.DoesNotContain(moved.Name, seen.GetRawText());
        Assert.DoesNotContain(elsewhere, seen.GetRawText());
    }

    [Fact]
    public async Task Bad_activities_get_field_errors_and_save_nothing()
    {
        var station = await app.StationOfAsync(Township);
        var village = await app.VillageUnderAsync(Township);
        var residents = await app.ResidentsAsync(village, 3);
        await using var before = app.OpenDb();
        var (activities, records) = (await before.Set<CommunityActivity>().CountAsync(Ct), await before.ServiceRecords.CountAsync(Ct));

        var fewer = await app.Client.PostJsonAsync("/api/activities", Form(station, village, 2, residents, []));
        Assert.Contains("参与人数", (await fewer.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("participantCount"));
        var elsewhere = await app.Client.PostJsonAsync("/api/activities", Form(station, "510105001001", 10, [], []));
        Assert.Contains("村(社区)", (await elsewhere.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("villageCode"));
        var nobody = await app.Client.PostJsonAsync("/api/activities", Form(station, village, 10, [-1], []));
        Assert.Contains("-1", (await nobody.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("participantIds"));
        var noTitle = await app.Client.PostJsonAsync("/api/activities", new { stationId = station, date = "2025-01-01", category = "CommunityGovernance", participantCount = 5 });
        Assert.Contains("活动名称", (await noTitle.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("title"));

        await using var after = app.OpenDb();
        Assert.Equal((activities, records), (await after.Set<CommunityActivity>().CountAsync(Ct), await after.ServiceRecords.CountAsync(Ct)));
    }

    [Fact]
    public async Task Without_a_village_the_activity_belongs_to_the_station_and_lists_filter_by_region()
    {
        var station = await app.StationOfAsync(Township);
        var created = await (await app.Client.PostJsonAsync("/api/activities", Form(station, null, 12, [], [], title: "社区议事会")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(Township, created.GetProperty("regionCode").GetString());
        Assert.Equal(12, created.GetProperty("personTimes").GetInt32());
        var list = await (await app.Client.GetUrlAsync($"/api/activities?region={Township}&search=社区议事会")).ReadAsync<JsonElement>();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var other = await (await app.Client.GetUrlAsync("/api/activities?region=510105000000&search=社区议事会")).ReadAsync<JsonElement>();
        Assert.Equal(0, other.GetProperty("total").GetInt32());
        var export = await app.Client.GetUrlAsync($"/api/activities/export?region={Township}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }
}
