using System.Net;
using System.Net.Http.Json;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

/// <summary>
/// The access matrix for the workforce endpoints: an agency, a social worker, a contract and a
/// training in 锦江区 (own for the county roles; the worker and contract reach down to the
/// 锦官驿 township station) and the same in sibling 青羊区. The agency manager manages agency 1,
/// the 锦江区 one, and sees only its records.
/// </summary>
public sealed class WorkforceAccessApp : AccessApp
{
    public Dictionary<Relation, (int Agency, int Worker, int Contract, int Training)> Records { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Records[Relation.Own] = await ArrangeAsync(Jinjiang, StationIn[Jinguanyi], StationIn[Jinjiang], 1, Id("51010419880101001"));
        Records[Relation.Sibling] = await ArrangeAsync(Qingyang, StationIn[Qingyang], StationIn[Qingyang], 2, Id("51010519880101001"));
    }

    public static string Id(string first17) => first17 + Shegong.Web.Common.Validation.CitizenId.CheckCharacterOf(first17);

    private async Task<(int, int, int, int)> ArrangeAsync(string county, int station, int countyStation, int n, string idNumber)
    {
        var agency = await PostAsync("/api/agencies", new { name = $"第{n}社工中心", creditCode = CreditCodes.Make(900 + n), regionCode = county });
        var worker = await PostAsync("/api/social-workers", new
        {
            name = $"社工{n}",
            idNumber,
            education = "Bachelor",
            certification = "Assistant",
            certificateNumber = $"Z{n}",
            certificateYear = 2022,
            agencyId = agency,
            hiredOn = "2023-07-01",
            residentStationId = station,
        });
        var contract = await PostAsync("/api/contracts", new
        {
            title = $"第{n}号购买服务合同",
            regionCode = county,
            agencyId = agency,
            startsOn = "2024-01-01",
            endsOn = "2025-12-31",
            amount = 300000,
            stationIds = new[] { station },
        });
        var training = await PostAsync("/api/trainings", new { organiserStationId = countyStation, date = "2024-03-01", hours = 4, topic = "个案工作", leader = "督导甲", attendeeIds = new[] { worker } });
        return (agency, worker, contract, training);
    }

    private async Task<int> PostAsync(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }
}

public class WorkforceAccessTests(WorkforceAccessApp app) : IClassFixture<WorkforceAccessApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly AccountRole[] TownshipRoles = [AccountRole.StationManager, AccountRole.SocialWorker];

    /// <summary>Officials and the workers' employers and stations; social workers and viewers see masked values only.</summary>
    private static readonly AccountRole[] Revealers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.AgencyManager];

    public static TheoryData<AccountRole> Roles() => new(Enum.GetValues<AccountRole>());

    /// <summary>Whether a role sees a kind of record of the own county or the sibling county.</summary>
    private static bool Sees(AccountRole role, Relation relation, string kind) => role switch
    {
        AccountRole.ProvinceAdmin or AccountRole.CityOfficer => true,
        _ when relation == Relation.Sibling => false,
        // Township staff see what reaches their township: their county's agencies, the resident
        // worker and the contract for their station, not the county station's training.
        AccountRole.StationManager or AccountRole.SocialWorker => kind is not "training",
        _ => true,
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Workforce_records_are_read_by_role_and_scope(AccountRole role)
    {
        var failures = new List<string>();
        var client = app.Clients[role];
        foreach (var relation in new[] { Relation.Own, Relation.Sibling })
        {
            var (agency, worker, contract, training) = app.Records[relation];
            foreach (var (kind, url) in new[] { ("agency", $"/api/agencies/{agency}"), ("worker", $"/api/social-workers/{worker}"),
                ("contract", $"/api/contracts/{contract}"), ("training", $"/api/trainings/{training}") })
            {
                var expected = Sees(role, relation, kind) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                expected = role == AccountRole.Volunteer ? HttpStatusCode.Forbidden : expected;
                var actual = (await client.GetAsync(url, Ct)).StatusCode;
                if (actual != expected)
                {
                    failures.Add($"{role} GET {kind} {relation}: expected {(int)expected}, got {(int)actual}");
                }
            }
        }
        foreach (var list in new[] { "/api/agencies", "/api/social-workers", "/api/contracts", "/api/trainings", "/api/supervisions",
            "/api/workforce/summary?region=510104000000", "/api/social-workers/export", "/api/agencies/export" })
        {
            var status = (await client.GetAsync(list, Ct)).StatusCode;
            var expected = list.Contains("summary", StringComparison.Ordinal) && TownshipRoles.Contains(role) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            expected = role == AccountRole.Volunteer ? HttpStatusCode.Forbidden : expected; // a volunteer's account reads no workforce records
            if (status != expected)
            {
                failures.Add($"{role} GET {list}: expected {(int)expected}, got {(int)status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Reveals_are_allowed_to_some_roles_inside_their_scope(AccountRole role)
    {
        var client = app.Clients[role];
        var own = await client.PostAsJsonAsync($"/api/social-workers/{app.Records[Relation.Own].Worker}/reveal", new { field = "idNumber" }, Ct);
        var sibling = await client.PostAsJsonAsync($"/api/social-workers/{app.Records[Relation.Sibling].Worker}/reveal", new { field = "idNumber" }, Ct);
        var sees = Sees(role, Relation.Sibling, "worker");
        // A role that may not reveal is refused before the worker is looked up: the same 403 in and out of scope.
        Assert.Equal(Revealers.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(!Revealers.Contains(role) ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, sibling.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Workforce_writes_are_refused_to_roles_that_may_not_make_them(AccountRole role)
    {
        var client = app.Clients[role];
        var officials = AccessMatrixTests.Officials.Contains(role);
        var suffix = $"{(int)role}";
        var agency = await client.PostAsJsonAsync("/api/agencies",
            new { name = $"新机构{suffix}", creditCode = CreditCodes.Make(950 + (int)role), regionCode = AccessApp.Jinjiang }, Ct);
        Assert.Equal(officials ? HttpStatusCode.Created : HttpStatusCode.Forbidden, agency.StatusCode);

        var own = app.Records[Relation.Own];
        var worker = await client.PostAsJsonAsync("/api/social-workers", new
        {
            name = $"新社工{suffix}",
            idNumber = IdNumberFor(role),
            education = "Bachelor",
            certification = "None",
            agencyId = own.Agency,
            hiredOn = "2024-07-01",
            residentStationId = app.StationIn[AccessApp.Jinguanyi],
        }, Ct);
        var mayWriteWorkers = officials || role is AccountRole.StationManager or AccountRole.AgencyManager;
        Assert.True((mayWriteWorkers ? HttpStatusCode.Created : HttpStatusCode.Forbidden) == worker.StatusCode,
            $"{role}: {worker.StatusCode} {await worker.Content.ReadAsStringAsync(Ct)}");

        var training = await client.PostAsJsonAsync("/api/trainings", new
        {
            organiserStationId = app.StationIn[AccessApp.Jinjiang],
            date = "2024-05-01",
            hours = 2,
            topic = "小组工作",
            leader = "讲师乙",
        }, Ct);
        // Officials and station managers write training and supervision sessions; every other role is
        // refused by role (403) before the organiser is looked up. Sessions are organised by county
        // stations and city centres, so a township station's manager gets 400 naming the organiser,
        // which lies outside its scope (the next test shows a county station's manager writing one).
        var trainingExpected = officials ? HttpStatusCode.Created
            : role == AccountRole.StationManager ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden;
        Assert.True(trainingExpected == training.StatusCode, $"{role}: {training.StatusCode} {await training.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task The_manager_of_a_county_station_writes_the_trainings_it_organises()
    {
        var manager = await app.ClientAsync(AccountRole.StationManager, stationId: app.StationIn[AccessApp.Jinjiang]);
        var created = await manager.PostAsJsonAsync("/api/trainings", new
        {
            organiserStationId = app.StationIn[AccessApp.Jinjiang],
            date = "2024-06-01",
            hours = 3,
            topic = "社区工作",
            leader = "站长",
            attendeeIds = new[] { app.Records[Relation.Own].Worker },
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_viewer_learns_nothing_about_registered_id_numbers_the_role_is_refused_first()
    {
        var registered = WorkforceAccessApp.Id("51010419880101001");
        var statuses = new List<HttpStatusCode>();
        foreach (var idNumber in new[] { registered, IdNumberFor(AccountRole.Viewer) })
        {
            var response = await app.Clients[AccountRole.Viewer].PostAsJsonAsync("/api/social-workers", new
            {
                name = "试探",
                idNumber,
                education = "Bachelor",
                certification = "None",
                agencyId = app.Records[Relation.Own].Agency,
                hiredOn = "2024-07-01",
                residentStationId = app.StationIn[AccessApp.Jinguanyi],
            }, Ct);
            statuses.Add(response.StatusCode);
            Assert.DoesNotContain(idNumber, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
    }

    /// <summary>A distinct valid ID number per role (first 17 digits, check character computed).</summary>
    private static string IdNumberFor(AccountRole role) => WorkforceAccessApp.Id($"51010419900101{(int)role:00}1");
}
