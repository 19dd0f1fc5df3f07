using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Residents;

namespace Shegong.Tests.GroupWork;

/// <summary>
/// The access matrix for groups and activities: a group (with a session) and an activity in the
/// 锦官驿 township (own for the township roles, inside 锦江区 for the county roles) and the same in
/// the sibling township and in sibling 青羊区.
/// </summary>
public sealed class GroupWorkAccessApp : AccessApp
{
    public Dictionary<string, (int Group, int Activity, int File)> Records { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var n = 0;
        foreach (var region in new[] { Jinguanyi, SiblingTownship, Qingyang })
        {
            Records[region] = await ArrangeAsync(StationIn[region], region, ++n);
        }
    }

    private async Task<(int, int, int)> ArrangeAsync(int station, string region, int n)
    {
        var ct = TestContext.Current.CancellationToken;
        var county = region[..6] + "000000";
        var agency = await PostAsync("/api/agencies", new { name = $"小组权限{n}社工中心", creditCode = Workforce.CreditCodes.Make(800 + n), regionCode = county });
        var first17 = $"{region[..6]}1988020{n}00{n}";
        var worker = await PostAsync("/api/social-workers", new
        {
            name = $"带组社工{n}",
            idNumber = first17 + CitizenId.CheckCharacterOf(first17),
            education = "Bachelor",
            certification = "None",
            agencyId = agency,
            hiredOn = "2023-07-01",
            residentStationId = station,
        });
        int resident;
        await using (var db = OpenDb())
        {
            var village = db.Regions.Where(r => r.Level == Shegong.Web.Features.Regions.RegionLevel.Village && r.Code.StartsWith(region.Substring(0, 6)))
                .OrderBy(r => r.Code).Select(r => r.Code).First();
            var person = new Resident { Name = $"组员{n}", RegionCode = village, BirthDate = new DateOnly(1950, 1, 1) };
            db.Add(person);
            await db.SaveChangesAsync(ct);
            resident = person.Id;
        }
        var group = await PostAsync("/api/groups", new
        {
            stationId = station,
            name = $"权限小组{n}",
            purpose = "目标",
            type = "Growth",
            category = "ElderlyAndChildCare",
            leaderId = worker,
            plannedSessions = 4,
            memberIds = new[] { resident },
        });
        await PostAsync($"/api/groups/{group}/sessions", new { date = "2025-03-01", durationMinutes = 60, content = "第一节", attendeeIds = new[] { resident } });
        var activity = await PostAsync("/api/activities", new { stationId = station, title = $"权限活动{n}", date = "2025-03-02", category = "CommunityGovernance", participantCount = 5 });
        var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent("%PDF-1.4\n"u8.ToArray()), "file", "签到表.pdf");
        var file = await Client.PostAsync($"/api/activities/{activity}/files", upload, ct);
        return (group, activity, (await file.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32());
    }

    public async Task<int> PostAsync(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }
}

public class GroupWorkAccessTests(GroupWorkAccessApp app) : IClassFixture<GroupWorkAccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AccountRole[] Readers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.SocialWorker, AccountRole.Viewer];
    private static readonly AccountRole[] Writers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.SocialWorker];

    /// <summary>Which of the three places each role's scope holds.</summary>
    private bool Sees(AccountRole role, string region) => role switch
    {
        AccountRole.ProvinceAdmin or AccountRole.CityOfficer => true,
        AccountRole.CountyOfficer or AccountRole.Viewer or AccountRole.AgencyManager => region.StartsWith("510104", StringComparison.Ordinal),
        _ => region == AccessApp.Jinguanyi,
    };

    private async Task<JsonElement> AsAdminAsync(string url) => await (await app.Client.GetUrlAsync(url)).ReadAsync<JsonElement>();

    [Theory]
    [InlineData(AccountRole.ProvinceAdmin)]
    [InlineData(AccountRole.CityOfficer)]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.StationManager)]
    [InlineData(AccountRole.SocialWorker)]
    [InlineData(AccountRole.AgencyManager)]
    [InlineData(AccountRole.Viewer)]
    public async Task Group_and_activity_endpoints_answer_by_role_and_scope(AccountRole role)
    {
        var client = app.Clients[role];
        var failures = new List<string>();
        void Expect(string what, HttpStatusCode expected, HttpResponseMessage response)
        {
            if (response.StatusCode != expected)
            {
                failures.Add($"{role} {what}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
        var read = Readers.Contains(role);
        var write = Writers.Contains(role);
        Expect("GET groups", read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await client.GetUrlAsync("/api/groups"));
        Expect("GET groups export", read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await client.GetUrlAsync("/api/groups/export"));
        Expect("GET activities", read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await client.GetUrlAsync("/api/activities"));
        Expect("GET activities export", read ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await client.GetUrlAsync("/api/activities/export"));
        foreach (var (region, (group, activity, file)) in app.Records)
        {
            var seen = Sees(role, region);
            var readable = !read ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var writable = !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Expect($"GET group {region}", readable, await client.GetUrlAsync($"/api/groups/{group}"));
            Expect($"GET activity {region}", readable, await client.GetUrlAsync($"/api/activities/{activity}"));
            Expect($"GET activity file {region}", readable, await client.GetUrlAsync($"/api/activities/{activity}/files/{file}"));

            var g = await AsAdminAsync($"/api/groups/{group}");
            var form = new
            {
                stationId = g.GetProperty("stationId").GetInt32(),
                name = g.GetProperty("name").GetString(),
                purpose = "新目标 " + role,
                type = "Growth",
                category = "ElderlyAndChildCare",
                leaderId = g.GetProperty("leaderId").GetInt32(),
                plannedSessions = 4,
                memberIds = g.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToArray(),
                version = g.GetProperty("version").GetUInt32(),
            };
            Expect($"PUT group {region}", writable, await client.PutJsonAsync($"/api/groups/{group}", form));
            Expect($"POST session {region}", write && seen ? HttpStatusCode.Created : writable,
                await client.PostJsonAsync($"/api/groups/{group}/sessions", new { date = "2025-03-08", durationMinutes = 30, content = "补充一节" }));
            var a = await AsAdminAsync($"/api/activities/{activity}");
            Expect($"PUT activity {region}", writable, await client.PutJsonAsync($"/api/activities/{activity}", new
            {
                stationId = a.GetProperty("stationId").GetInt32(),
                title = a.GetProperty("title").GetString(),
                date = "2025-03-02",
                category = "CommunityGovernance",
                participantCount = 6,
                version = a.GetProperty("version").GetUInt32(),
            }));
            // Creating at a station outside the scope: the station is not found (400), as for an id that does not exist.
            var station = g.GetProperty("stationId").GetInt32();
            Expect($"POST activity {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.Created : HttpStatusCode.BadRequest,
                await client.PostJsonAsync("/api/activities", new { stationId = station, title = "新活动", date = "2025-04-01", category = "CommunityGovernance", participantCount = 3 }));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
