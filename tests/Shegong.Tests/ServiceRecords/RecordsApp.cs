using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Shegong.Tests.Access;
using Shegong.Tests.Workforce;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Residents;

namespace Shegong.Tests.ServiceRecords;

/// <summary>
/// The access app (锦官驿 township station and a sibling township in 锦江区, clients per role) with a
/// social worker resident at each township station and residents in a village of each township.
/// </summary>
public class RecordsApp : AccessApp
{
    public int OwnStation => StationIn[Jinguanyi];
    public int SiblingStation => StationIn[SiblingTownship];
    public int OwnWorker { get; private set; }
    public int SiblingWorker { get; private set; }
    public string OwnVillage => Places[AccountRole.SocialWorker][Relation.Own].VillageCode;
    public string SiblingVillage => Places[AccountRole.SocialWorker][Relation.Sibling].VillageCode;
    public int[] OwnResidents { get; private set; } = [];
    public int SiblingResident { get; private set; }

    /// <summary>A social worker account of the sibling township station.</summary>
    public HttpClient SiblingWorkerClient { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Privacy:Key", WorkforceApp.Key);
        builder.UseSetting("Privacy:HashKey", WorkforceApp.HashKey);
        builder.UseSetting("RateLimit:PublicRequest:PermitLimit", "100000");
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var agency = await PostAsync("/api/agencies", new { name = "服务记录测试社工中心", creditCode = CreditCodes.Make(801), regionCode = Jinjiang });
        OwnWorker = await WorkerAsync(agency, OwnStation, "51010419900101801");
        SiblingWorker = await WorkerAsync(agency, SiblingStation, "51010419900101802");
        await using var db = OpenDb();
        var residents = new[] { Resident("张大爷", OwnVillage), Resident("李奶奶", OwnVillage), Resident("王小明", OwnVillage), Resident("赵阿姨", SiblingVillage) };
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        OwnResidents = [residents[0].Id, residents[1].Id, residents[2].Id];
        SiblingResident = residents[3].Id;
        SiblingWorkerClient = await ClientAsync(AccountRole.SocialWorker, stationId: SiblingStation);
    }

    private static Resident Resident(string name, string village) =>
        new() { Name = name, RegionCode = village, BirthDate = new DateOnly(1950, 3, 1), Sex = Sex.Male };

    private Task<int> WorkerAsync(int agency, int station, string first17) => PostAsync("/api/social-workers", new
    {
        name = "记录社工" + first17[^3..],
        idNumber = first17 + CitizenId.CheckCharacterOf(first17),
        education = "Bachelor",
        certification = "None",
        agencyId = agency,
        hiredOn = "2023-07-01",
        residentStationId = station,
    });

    public async Task<int> PostAsync(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }

    /// <summary>A home visit by the own worker, with named residents and a head count, as a body for the API.</summary>
    public object Visit(int[]? residents = null, int headCount = 0, string servedOn = "2025-03-10", int? worker = null, int? station = null) => new
    {
        servedOn,
        stationId = station ?? OwnStation,
        category = "ElderlyAndChildCare",
        method = "Other",
        channel = "HomeVisit",
        durationMinutes = 45,
        workerIds = new[] { worker ?? OwnWorker },
        residentIds = residents ?? [OwnResidents[0]],
        headCount,
    };
}
