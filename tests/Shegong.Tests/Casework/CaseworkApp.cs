using System.Net;
using System.Net.Http.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Residents;

namespace Shegong.Tests.Casework;

/// <summary>
/// The access app (stations around 锦江区) with social workers and residents for casework: two
/// workers at the 锦官驿 township station, one at the sibling township's station, one at the 青羊区
/// county station; a resident in a 锦官驿 village and one in 青羊区; staff of the sibling township
/// station (the receiving side of referrals) and a 青羊区 county officer.
/// </summary>
public sealed class CaseworkApp : AccessApp
{
    public int Worker1 { get; private set; }
    public int Worker2 { get; private set; }
    public int SiblingWorker { get; private set; }
    public int QingyangWorker { get; private set; }
    public int Resident { get; private set; }
    public int QingyangResident { get; private set; }
    public int Household { get; private set; }
    public int Station => StationIn[Jinguanyi];
    public string Village => Places[AccountRole.SocialWorker][Relation.Own].VillageCode;
    public HttpClient Worker => Clients[AccountRole.SocialWorker];
    public HttpClient SiblingStationManager { get; private set; } = null!;
    public HttpClient QingyangOfficer { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var agency = await PostAsync("/api/agencies", new { name = "锦江个案社工中心", creditCode = CreditCodes.Make(777), regionCode = Jinjiang });
        Worker1 = await WorkerAsync("个案社工甲", "51010419900101001", agency, Station);
        Worker2 = await WorkerAsync("个案社工乙", "51010419900101002", agency, Station);
        SiblingWorker = await WorkerAsync("兄弟站社工", "51010419900101003", agency, StationIn[SiblingTownship]);
        QingyangWorker = await WorkerAsync("青羊社工", "51010519900101004", agency, StationIn[Qingyang]);
        await using (var db = OpenDb())
        {
            var household = new Household { RegionCode = Village };
            db.Households.Add(household);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Household = household.Id;
            var resident = Person("张大爷", Village, household.Id);
            var spouse = Person("李大娘", Village, household.Id);
            var other = Person("青羊居民", Places[AccountRole.CountyOfficer][Relation.Sibling].VillageCode, null);
            db.Residents.AddRange(resident, spouse, other);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            (Resident, QingyangResident) = (resident.Id, other.Id);
        }
        SiblingStationManager = await ClientAsync(AccountRole.StationManager, stationId: StationIn[SiblingTownship]);
        QingyangOfficer = await ClientAsync(AccountRole.CountyOfficer, Qingyang);
    }

    private static Resident Person(string name, string village, int? household) => new()
    {
        Name = name,
        RegionCode = village,
        BirthDate = new DateOnly(1950, 3, 1),
        Sex = Sex.Male,
        HouseholdId = household,
        Relation = household is null ? null : name == "张大爷" ? HouseholdRelation.Head : HouseholdRelation.Spouse,
    };

    /// <summary>Opens a case for the 锦官驿 resident as the township social worker, with worker 1 responsible.</summary>
    public async Task<CaseDetail> OpenCaseAsync(HttpClient? client = null) =>
        await (await (client ?? Worker).PostJsonAsync("/api/cases", new
        {
            residentId = Resident,
            stationId = Station,
            workerId = Worker1,
            openedOn = "2025-03-01",
            intakeSource = "WalkIn",
            presentingProblem = "独居，行动不便，需要日常照料",
        })).ReadAsync<CaseDetail>(HttpStatusCode.Created);

    public static object Contact(uint version, int minutes = 60, string category = "ElderlyAndChildCare", string on = "2025-03-10") =>
        new { contactedOn = on, channel = "HomeVisit", durationMinutes = minutes, category, content = "入户探访，了解起居情况", version };

    private Task<int> WorkerAsync(string name, string first17, int agency, int station) => PostAsync("/api/social-workers", new
    {
        name,
        idNumber = first17 + CitizenId.CheckCharacterOf(first17),
        education = "Bachelor",
        certification = "Assistant",
        certificateNumber = $"C{first17[^3..]}",
        certificateYear = 2022,
        agencyId = agency,
        hiredOn = "2024-07-01",
        residentStationId = station,
    });

    private async Task<int> PostAsync(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }
}
