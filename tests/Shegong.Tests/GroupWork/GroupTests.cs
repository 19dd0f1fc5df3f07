using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.GroupWork;

public class GroupTests(GroupWorkApp app) : IClassFixture<GroupWorkApp>
{
    private const string Township = "510104017000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Station, int Leader, int[] Residents, JsonElement Group)> GroupAsync(int members = 4)
    {
        var station = await StationOnceAsync();
        var leader = await app.WorkerAsync(station, "510104000000");
        var residents = await app.ResidentsAsync(await app.VillageUnderAsync(Township), members);
        var response = await app.Client.PostJsonAsync("/api/groups", new
        {
            stationId = station,
            name = "独居老人互助小组",
            purpose = "缓解孤独，建立互助网络",
            type = "Support",
            category = "ElderlyAndChildCare",
            leaderId = leader,
            plannedSessions = 6,
            memberIds = residents,
        });
        return (station, leader, residents, await response.ReadAsync<JsonElement>(HttpStatusCode.Created));
    }

    private Task<int> StationOnceAsync() => app.StationOfAsync(Township);

    private static int Id(JsonElement e) => e.GetProperty("id").GetInt32();

    private static uint Version(JsonElement e) => e.GetProperty("version").GetUInt32();

    private static JsonElement LastSession(JsonElement group) => group.GetProperty("sessions").EnumerateArray().Last();

    [Fact]
    public async Task A_session_makes_one_record_whose_person_times_are_attendees_plus_head_count_and_follow_its_edits_and_deletion()
    {
        var (_, leader, residents, group) = await GroupAsync();
        var id = Id(group);
        var added = await (await app.Client.PostJsonAsync($"/api/groups/{id}/sessions", new
        {
            date = "2025-04-03",
            durationMinutes = 90,
            content = "相互认识，订立小组契约",
            attendeeIds = residents[..3],
            headCount = 2,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var session = LastSession(added);
        Assert.Equal(5, session.GetProperty("personTimes").GetInt32());
        var recordId = session.GetProperty("serviceRecordId").GetInt32();
        var record = Assert.Single(await app.RecordsAsync(ServiceSource.GroupSession, recordId));
        Assert.Equal((5, 2, ServiceMethod.GroupWork, ServiceCategory.ElderlyAndChildCare, 90), (record.PersonTimes, record.HeadCount, record.Method, record.Category, record.DurationMinutes));
        Assert.Equal(residents[..3].Order(), record.Beneficiaries.Select(b => b.ResidentId).Order());
        Assert.Equal([leader], record.Workers.Select(w => w.SocialWorkerId));

        // Ticking attendance again revises the same record: all four members, nobody else.
        var ticked = await (await app.Client.PutJsonAsync($"/api/groups/{id}/sessions/{Id(session)}/attendance",
            new { attendeeIds = residents, headCount = 0, version = Version(session) })).ReadAsync<JsonElement>();
        Assert.Equal(4, LastSession(ticked).GetProperty("personTimes").GetInt32());
        Assert.Equal(recordId, LastSession(ticked).GetProperty("serviceRecordId").GetInt32());
        Assert.Equal(4, Assert.Single(await app.RecordsAsync(ServiceSource.GroupSession, recordId)).PersonTimes);

        // A second session is a second record; the group's records add up.
        var second = await (await app.Client.PostJsonAsync($"/api/groups/{id}/sessions", new
        {
            date = "2025-04-10",
            durationMinutes = 60,
            content = "分享生活中的困难",
            attendeeIds = residents[..1],
            headCount = 1,
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var secondRecord = LastSession(second).GetProperty("serviceRecordId").GetInt32();
        Assert.Equal(6, (await app.RecordsAsync(ServiceSource.GroupSession, recordId, secondRecord)).Sum(r => r.PersonTimes));

        // The group's category moves both records with it.
        var form = new
        {
            stationId = group.GetProperty("stationId").GetInt32(),
            name = "独居老人互助小组",
            purpose = "缓解孤独",
            type = "Support",
            category = "SocialAssistance",
            leaderId = leader,
            plannedSessions = 6,
            memberIds = residents,
            version = Version(second),
        };
        await (await app.Client.PutJsonAsync($"/api/groups/{id}", form)).ReadAsync<JsonElement>();
        Assert.All(await app.RecordsAsync(ServiceSource.GroupSession, recordId, secondRecord), r => Assert.Equal(ServiceCategory.SocialAssistance, r.Category));

        var deleted = await app.Client.DeleteAsync($"/api/groups/{id}/sessions/{Id(LastSession(ticked))}?version={Version(LastSession(ticked))}", Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty(await app.RecordsAsync(ServiceSource.GroupSession, recordId));
        Assert.Single(await app.RecordsAsync(ServiceSource.GroupSession, secondRecord));
    }

    [Fact]
    public async Task Attendance_of_someone_not_a_member_is_refused_and_nothing_is_saved()
    {
        var (_, _, residents, group) = await GroupAsync(2);
        var outsider = (await app.ResidentsAsync(await app.VillageUnderAsync(Township), 1))[0];
        await using var before = app.OpenDb();
        var records = await before.ServiceRecords.CountAsync(Ct);
        var response = await app.Client.PostJsonAsync($"/api/groups/{Id(group)}/sessions",
            new { date = "2025-05-01", durationMinutes = 60, content = "第一节", attendeeIds = new[] { residents[0], outsider } });
        Assert.Contains("不是本小组组员", (await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("attendeeIds"));
        var noDuration = await app.Client.PostJsonAsync($"/api/groups/{Id(group)}/sessions", new { date = "2025-05-01", content = "第一节" });
        Assert.Contains("时长", (await noDuration.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("durationMinutes"));
        await using var after = app.OpenDb();
        Assert.Equal(records, await after.ServiceRecords.CountAsync(Ct));
        Assert.Equal(0, await after.Set<Shegong.Web.Features.GroupWork.GroupSession>().CountAsync(s => s.GroupId == Id(group), Ct));
    }

    [Fact]
    public async Task Stages_move_one_at_a_time_in_order_and_end()
    {
        var (_, _, _, group) = await GroupAsync(1);
        var id = Id(group);
        Assert.Equal("Preparation", group.GetProperty("stage").GetString());
        var skipped = await app.Client.PostJsonAsync($"/api/groups/{id}/stage", new { stage = "Transition", version = Version(group) });
        Assert.Contains("形成期", (await skipped.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("stage"));
        var current = group;
        foreach (var stage in new[] { "Formation", "Transition", "Maturity", "Ending" })
        {
            current = await (await app.Client.PostJsonAsync($"/api/groups/{id}/stage", new { stage, version = Version(current) })).ReadAsync<JsonElement>();
            Assert.Equal(stage, current.GetProperty("stage").GetString());
        }
        Assert.Equal(JsonValueKind.Null, current.GetProperty("nextStage").ValueKind);
        var back = await app.Client.PostJsonAsync($"/api/groups/{id}/stage", new { stage = "Maturity", version = Version(current) });
        Assert.Contains("已结束", (await back.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("stage"));
        var noVersion = await app.Client.PostJsonAsync($"/api/groups/{id}/stage", new { stage = "Ending" });
        Assert.Contains("version", (await noVersion.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("version"));
    }

    [Fact]
    public async Task Stale_edits_of_a_group_and_a_session_are_409_and_change_nothing()
    {
        var (stationId, leader, residents, group) = await GroupAsync(2);
        var id = Id(group);
        object Form(string name, uint? version) => new
        {
            stationId,
            name,
            purpose = "目标",
            type = "Growth",
            category = "ElderlyAndChildCare",
            leaderId = leader,
            plannedSessions = 4,
            memberIds = residents,
            version,
        };
        var moved = await (await app.Client.PostJsonAsync($"/api/groups/{id}/stage", new { stage = "Formation", version = Version(group) })).ReadAsync<JsonElement>();
        await (await app.Client.PutJsonAsync($"/api/groups/{id}", Form("旧版本的名称", Version(group)))).ProblemAsync(HttpStatusCode.Conflict);
        await (await app.Client.PutJsonAsync($"/api/groups/{id}", Form("没有版本的名称", null))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await app.Client.PutJsonAsync($"/api/groups/{id}", Form("当前版本的名称", Version(moved)))).ReadAsync<JsonElement>();

        var added = await (await app.Client.PostJsonAsync($"/api/groups/{id}/sessions",
            new { date = "2025-06-01", durationMinutes = 60, content = "第一节", attendeeIds = residents })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var session = LastSession(added);
        var url = $"/api/groups/{id}/sessions/{Id(session)}";
        await (await app.Client.PutJsonAsync($"{url}/attendance", new { attendeeIds = residents[..1], headCount = 0, version = Version(session) })).ReadAsync<JsonElement>();
        await (await app.Client.PutJsonAsync(url, new { date = "2025-06-01", durationMinutes = 60, content = "改过", attendeeIds = residents, version = Version(session) }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await app.Client.DeleteAsync($"{url}?version={Version(session)}", Ct)).ProblemAsync(HttpStatusCode.Conflict);

        var detail = await (await app.Client.GetUrlAsync($"/api/groups/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("当前版本的名称", detail.GetProperty("name").GetString());
        Assert.Equal(1, LastSession(detail).GetProperty("personTimes").GetInt32());
        Assert.Equal("第一节", LastSession(detail).GetProperty("content").GetString());
    }

    [Fact]
    public async Task Deleting_a_group_deletes_its_sessions_and_their_records()
    {
        var (_, _, residents, group) = await GroupAsync(2);
        var id = Id(group);
        var added = await (await app.Client.PostJsonAsync($"/api/groups/{id}/sessions",
            new { date = "2025-06-01", durationMinutes = 60, content = "第一节", attendeeIds = residents })).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var recordId = LastSession(added).GetProperty("serviceRecordId").GetInt32();
        await (await app.Client.DeleteAsync($"/api/groups/{id}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/groups/{id}?version={Version(added)}", Ct)).StatusCode);
        Assert.Empty(await app.RecordsAsync(ServiceSource.GroupSession, recordId));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetUrlAsync($"/api/groups/{id}")).StatusCode);
    }
}
