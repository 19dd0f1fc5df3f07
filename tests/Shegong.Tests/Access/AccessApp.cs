using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Access;

/// <summary>Where a request points, seen from the account making it.</summary>
public enum Relation
{
    Own,
    Sibling,
    Parent,
}

/// <summary>A region and a station (and a village to build in) for one relation to an account's scope.</summary>
public sealed record Place(string RegionCode, int? StationId, string VillageCode);

/// <summary>
/// The Sichuan app with a few stations around 成都市 / 锦江区 and a signed-in client per role,
/// each with its own, a sibling and the parent region and station.
/// </summary>
public class AccessApp : TestApp
{
    public const string Province = "510000000000";
    public const string Chengdu = "510100000000";
    public const string Zigong = "510300000000";
    public const string Jinjiang = "510104000000";
    public const string Qingyang = "510105000000";
    public const string Jinguanyi = "510104017000";

    protected override bool WithSichuanRegions => true;

    public Dictionary<string, int> StationIn { get; } = [];
    public Dictionary<AccountRole, HttpClient> Clients { get; } = [];
    public Dictionary<AccountRole, Dictionary<Relation, Place>> Places { get; } = [];
    public string SiblingTownship { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = OpenDb())
        {
            SiblingTownship = await db.Regions.Where(r => r.ParentCode == Jinjiang && r.Code != Jinguanyi)
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(ct);
            var stations = new List<Station>
            {
                Operating("成都市支持中心", StationLevel.CitySupportCentre, Chengdu),
                Operating("自贡市支持中心", StationLevel.CitySupportCentre, Zigong),
                Operating("锦江区总站", StationLevel.CountyStation, Jinjiang),
                Operating("青羊区总站", StationLevel.CountyStation, Qingyang),
                Operating("锦官驿街道社工站", StationLevel.TownshipStation, Jinguanyi),
                Operating("兄弟街道社工站", StationLevel.TownshipStation, SiblingTownship),
            };
            db.Stations.AddRange(stations);
            await db.SaveChangesAsync(ct);
            foreach (var station in stations)
            {
                StationIn[station.RegionCode] = station.Id;
            }
        }
        var county = new Dictionary<Relation, Place>
        {
            [Relation.Own] = await PlaceAsync(Jinjiang),
            [Relation.Sibling] = await PlaceAsync(Qingyang),
            [Relation.Parent] = await PlaceAsync(Chengdu),
        };
        var township = new Dictionary<Relation, Place>
        {
            [Relation.Own] = await PlaceAsync(Jinguanyi),
            [Relation.Sibling] = await PlaceAsync(SiblingTownship),
            [Relation.Parent] = await PlaceAsync(Jinjiang),
        };
        Places[AccountRole.ProvinceAdmin] = new() { [Relation.Own] = await PlaceAsync(Chengdu) };
        Places[AccountRole.CityOfficer] = new()
        {
            [Relation.Own] = await PlaceAsync(Chengdu),
            [Relation.Sibling] = await PlaceAsync(Zigong),
            [Relation.Parent] = await PlaceAsync(Province),
        };
        Places[AccountRole.CountyOfficer] = county;
        Places[AccountRole.AgencyManager] = county;
        Places[AccountRole.Viewer] = county;
        Places[AccountRole.StationManager] = township;
        Places[AccountRole.SocialWorker] = township;
        Places[AccountRole.Volunteer] = township;

        Clients[AccountRole.ProvinceAdmin] = Client;
        Clients[AccountRole.CityOfficer] = await ClientAsync(AccountRole.CityOfficer, Chengdu);
        Clients[AccountRole.CountyOfficer] = await ClientAsync(AccountRole.CountyOfficer, Jinjiang);
        Clients[AccountRole.AgencyManager] = await ClientAsync(AccountRole.AgencyManager, Jinjiang, agencyId: 1);
        Clients[AccountRole.Viewer] = await ClientAsync(AccountRole.Viewer, Jinjiang);
        Clients[AccountRole.StationManager] = await ClientAsync(AccountRole.StationManager, stationId: StationIn[Jinguanyi]);
        Clients[AccountRole.SocialWorker] = await ClientAsync(AccountRole.SocialWorker, stationId: StationIn[Jinguanyi]);
        // A volunteer's account of the township station (no volunteer record behind it: it must see nothing anyway).
        Clients[AccountRole.Volunteer] = await ClientAsync(AccountRole.Volunteer, stationId: StationIn[Jinguanyi]);
    }

    private async Task<Place> PlaceAsync(string regionCode)
    {
        await using var db = OpenDb();
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        var village = await db.Regions.Where(r => r.Level == RegionLevel.Village
                && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(TestContext.Current.CancellationToken);
        return new Place(regionCode, StationIn.TryGetValue(regionCode, out var id) ? id : null, village);
    }

    private static Station Operating(string name, StationLevel level, string regionCode)
    {
        var station = new Station { Name = name, Level = level, RegionCode = regionCode };
        station.StartAs(StationStatus.Operating, new DateOnly(2022, 6, 1));
        return station;
    }
}
