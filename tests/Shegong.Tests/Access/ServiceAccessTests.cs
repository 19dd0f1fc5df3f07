using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Requests;
using Shegong.Tests.ServiceRecords;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

/// <summary>
/// The access matrix for service records and service requests: a record and a request at the 锦官驿
/// township (own for township staff) and at a sibling township of 锦江区 (sibling for township staff,
/// inside the county roles' own scope), read, listed, exported and written by every role.
/// </summary>
public sealed class ServiceAccessApp : RecordsApp
{
    public Dictionary<Relation, (int Record, int Request)> Records { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (relation, station, worker, village, resident) in new[]
        {
            (Relation.Own, OwnStation, OwnWorker, OwnVillage, OwnResidents[0]),
            (Relation.Sibling, SiblingStation, SiblingWorker, SiblingVillage, SiblingResident),
        })
        {
            var record = await PostAsync("/api/service-records", Visit([resident], station: station, worker: worker));
            var request = await PostAsync("/api/service-requests", new { origin = "WalkIn", contactName = "来访居民", villageCode = village, need = "咨询低保政策" });
            Records[relation] = (record, request);
        }
    }
}

public class ServiceAccessTests(ServiceAccessApp app) : IClassFixture<ServiceAccessApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly AccountRole[] Writers =
        [AccountRole.ProvinceAdmin, AccountRole.CityOfficer, AccountRole.CountyOfficer, AccountRole.StationManager, AccountRole.SocialWorker];

    public static TheoryData<AccountRole> Roles() => new(Enum.GetValues<AccountRole>());

    private static bool Township(AccountRole role) => role is AccountRole.StationManager or AccountRole.SocialWorker;

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Records_and_requests_are_read_by_role_and_scope(AccountRole role)
    {
        var client = app.Clients[role];
        var failures = new List<string>();
        // Requests carry a resident's name and phone: read like residents (never by an agency's manager).
        var readsRequests = role != AccountRole.AgencyManager;
        foreach (var relation in new[] { Relation.Own, Relation.Sibling })
        {
            var (record, request) = app.Records[relation];
            var inScope = relation == Relation.Own || !Township(role);
            Expect(failures, role, $"/api/service-records/{record}", inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound, await client.GetAsync($"/api/service-records/{record}", Ct));
            Expect(failures, role, $"/api/service-requests/{request}", !readsRequests ? HttpStatusCode.Forbidden : inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound,
                await client.GetAsync($"/api/service-requests/{request}", Ct));
        }
        foreach (var url in new[] { "/api/service-records", "/api/service-records/summary", "/api/service-records/export", "/api/statistics/summary",
            "/api/statistics/breakdown?by=month", "/api/statistics/records", "/api/statistics/records/export" })
        {
            Expect(failures, role, url, HttpStatusCode.OK, await client.GetAsync(url, Ct));
        }
        // Statistics of a region: the own region's figures; a sibling region or the region above the scope is 404.
        foreach (var (relation, place) in app.Places[role])
        {
            var region = place.RegionCode;
            var inScope = relation == Relation.Own;
            foreach (var url in new[] { "summary", "breakdown", "records" })
            {
                Expect(failures, role, $"/api/statistics/{url}?region={region}", inScope ? HttpStatusCode.OK : HttpStatusCode.NotFound,
                    await client.GetAsync($"/api/statistics/{url}?region={region}", Ct));
            }
        }
        foreach (var url in new[] { "/api/service-requests", "/api/service-requests/export" })
        {
            Expect(failures, role, url, readsRequests ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await client.GetAsync(url, Ct));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Records_and_requests_are_written_by_the_stations_staff_and_the_officials_above(AccountRole role)
    {
        var client = app.Clients[role];
        var writes = Writers.Contains(role);
        var record = await client.PostJsonAsync("/api/service-records", app.Visit());
        Assert.True((writes ? HttpStatusCode.Created : HttpStatusCode.Forbidden) == record.StatusCode, $"{role}: {await record.Content.ReadAsStringAsync(Ct)}");
        var batch = await client.PostJsonAsync("/api/service-records/batch", new { records = new[] { app.Visit() } });
        Assert.True((writes ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == batch.StatusCode, $"{role} batch: {await batch.Content.ReadAsStringAsync(Ct)}");
        var request = await client.PostJsonAsync("/api/service-requests", new { origin = "WalkIn", contactName = "来访居民", villageCode = app.OwnVillage, need = "咨询救助政策" });
        Assert.True((writes ? HttpStatusCode.Created : HttpStatusCode.Forbidden) == request.StatusCode, $"{role}: {await request.Content.ReadAsStringAsync(Ct)}");
        if (writes)
        {
            var created = await request.ReadAsync<RequestDetail>(HttpStatusCode.Created);
            var triage = await client.PostJsonAsync($"/api/service-requests/{created.Id}/triage",
                new { stationId = app.OwnStation, category = "SocialAssistance", version = created.Version });
            Assert.True(triage.StatusCode == HttpStatusCode.OK, $"{role}: {await triage.Content.ReadAsStringAsync(Ct)}");
        }
        // Another township's record: township staff cannot touch it (404), the county and above can.
        var sibling = app.Records[Relation.Sibling].Record;
        var delete = await client.DeleteAsync($"/api/service-records/{sibling}", Ct);
        var expected = !writes ? HttpStatusCode.Forbidden : Township(role) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest; // 400: no version sent
        Assert.True(expected == delete.StatusCode, $"{role}: {delete.StatusCode}");
    }

    private static void Expect(List<string> failures, AccountRole role, string url, HttpStatusCode expected, HttpResponseMessage actual)
    {
        // A volunteer's account reads no records and no statistics: 403 everywhere.
        expected = role == AccountRole.Volunteer ? HttpStatusCode.Forbidden : expected;
        if (actual.StatusCode != expected)
        {
            failures.Add($"{role} GET {url}: expected {(int)expected}, got {(int)actual.StatusCode}");
        }
    }
}
