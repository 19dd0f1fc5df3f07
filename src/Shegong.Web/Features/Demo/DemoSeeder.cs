using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// A deterministic demo data set shaped like Sichuan's programme: a first pilot batch in 82
/// counties and 228 townships (opened 2021), a second in 69 counties and 234 townships (2022),
/// about 33 counties fully covered, other townships partly covered, and about 4,400 stations over
/// the four levels. The same seed always gives the same data. Later features add their own parts.
/// </summary>
public sealed class DemoSeeder(ShegongDb db, PersonalData personal, ILogger<DemoSeeder> logger)
{
    public const int DefaultSeed = 2022;

    /// <summary>
    /// Real data is any station or agency, or any account but the bootstrap <c>admin</c> and the demo
    /// accounts: demo data is never mixed into it.
    /// </summary>
    public static async Task<bool> HoldsRealDataAsync(ShegongDb db, CancellationToken cancellationToken = default) =>
        await db.Stations.IgnoreQueryFilters().AnyAsync(cancellationToken)
        || await db.Agencies.IgnoreQueryFilters().AnyAsync(cancellationToken)
        || await db.Users.IgnoreQueryFilters().AnyAsync(a => a.UserName != Accounts.AccountBootstrap.AdminUserName && !a.UserName!.StartsWith("demo-"), cancellationToken);

    /// <summary>Seeds unless the database holds real data (<see cref="HoldsRealDataAsync"/>); answers whether it seeded.</summary>
    public async Task<bool> SeedAsync(int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        RequireSystemScope(db);
        if (await HoldsRealDataAsync(db, cancellationToken))
        {
            return false;
        }
        var regions = await db.Regions.Where(r => r.Level != RegionLevel.Village).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        if (regions.Count == 0)
        {
            throw new InvalidOperationException("Load the regions before the demo data.");
        }
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var villagesByTownship = villages.ToLookup(v => RegionCode.Pad(v.Code[..9]), v => (v.Code, v.Name));

        var random = new Random(seed);
        var plan = DemoPlan.Make(regions, random);
        var factory = new DemoStationFactory(random);
        var stations = new List<Station>();
        foreach (var city in regions.Where(r => r.Level == RegionLevel.City))
        {
            stations.Add(factory.Operating($"{city.Name}社会工作服务支持中心", StationLevel.CitySupportCentre, city.Code, new DateOnly(2021, 3, 1)));
        }
        foreach (var county in regions.Where(r => r.Level == RegionLevel.County))
        {
            var opened = plan.Batch1Counties.Contains(county.Code) ? new DateOnly(2021, 6, 1) : new DateOnly(2022, 6, 1);
            stations.Add(random.NextDouble() < 0.96
                ? factory.Operating($"{county.Name}社会工作服务总站", StationLevel.CountyStation, county.Code, opened)
                : factory.Building($"{county.Name}社会工作服务总站", StationLevel.CountyStation, county.Code));
        }
        foreach (var township in regions.Where(r => r.Level == RegionLevel.Township))
        {
            var station = plan.TownshipStation(township, factory, random);
            if (station is null)
            {
                continue;
            }
            stations.Add(station);
            if (station.Status == StationStatus.Operating)
            {
                stations.AddRange(plan.VillageRooms(villagesByTownship[township.Code], station, factory, random));
            }
        }
        plan.FlagRegions(regions, random);
        DemoPopulation.Assign(regions, new Random(seed + 5));

        db.Stations.AddRange(stations);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear(); // saving the workforce need not re-scan thousands of saved stations
        // Its own random stream, so the stations stay the same whatever the workforce draws.
        var workforceClock = System.Diagnostics.Stopwatch.StartNew();
        var (agencies, workers) = await new DemoWorkforce(db, personal, new Random(seed + 1)).SeedAsync(regions, stations, plan, cancellationToken);
        db.ChangeTracker.Clear();
        await new DemoPilots(db, new Random(seed + 3)).SeedAsync(plan, cancellationToken);
        var servicesClock = System.Diagnostics.Stopwatch.StartNew();
        var (residents, records) = await SeedServicesAsync(seed, villagesByTownship, cancellationToken);
        await new DemoLinkage(db, new Random(seed + 3)).SeedAsync(cancellationToken);
        await DemoIndicators.SeedAsync(db, cancellationToken);
        await new DemoVolunteers(db, personal, new Random(seed + 4)).SeedAsync(cancellationToken);
        await new DemoEmergencies(db, new Random(seed + 5)).SeedAsync(cancellationToken);
        logger.LogInformation(
            "Demo data seeded: {Stations} stations, {Agencies} agencies, {Workers} social workers (workforce in {Elapsed} ms), {Residents} residents and {Records} service records (in {ServicesElapsed} ms)",
            stations.Count, agencies, workers, workforceClock.ElapsedMilliseconds - servicesClock.ElapsedMilliseconds, residents, records, servicesClock.ElapsedMilliseconds);
        return true;
    }

    /// <summary>
    /// The demo is system work (start-up or the <c>seed demo</c> verb): it reads the whole province through the system
    /// scope's filters rather than stepping around them, and refuses to run in any other scope.
    /// </summary>
    internal static void RequireSystemScope(ShegongDb db)
    {
        if (!db.Scope.IsSystem)
        {
            throw new InvalidOperationException("The demo data is seeded in the system scope only (start-up or `seed demo`).");
        }
    }

    /// <summary>
    /// Residents and a year of service records with the cases, groups, assessments and requests that hold many of them, written in bulk in one transaction (retried as a
    /// whole on PostgreSQL, with the random stream started afresh so a retry writes the same data).
    /// </summary>
    private async Task<(int Residents, int Records)> SeedServicesAsync(int seed, ILookup<string, (string Code, string Name)> villagesByTownship, CancellationToken cancellationToken)
    {
        var staffed = (await db.StationAssignments.AsNoTracking()
                .Where(a => a.Role == AssignmentRole.Resident && a.To == null)
                .Join(db.Stations.Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating),
                    a => a.StationId, s => s.Id, (a, s) => new { s.Id, s.RegionCode, a.SocialWorkerId, a.From })
                .ToListAsync(cancellationToken))
            .GroupBy(a => (a.Id, a.RegionCode)).OrderBy(g => g.Key.Id)
            .Select(g => new DemoStationStaff(g.Key.Id, g.Key.RegionCode, g.OrderBy(a => a.SocialWorkerId).Select(a => new DemoPost(a.SocialWorkerId, a.From)).ToList()))
            .ToList();
        var demoWorker = await DemoAccounts.WorkerPlaceAsync(db, cancellationToken);
        var workerIds = staffed.SelectMany(s => s.WorkerIds).ToHashSet();
        var names = new DemoNames(
            (await db.SocialWorkers.AsNoTracking().Select(w => new { w.Id, w.Name }).ToListAsync(cancellationToken))
                .Where(w => workerIds.Contains(w.Id)).ToDictionary(w => w.Id, w => w.Name),
            await db.Stations.AsNoTracking().Where(s => s.Level == StationLevel.TownshipStation)
                .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken));
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var random = new Random(seed + 2);
            var bulk = new DemoBulk(db);
            var residents = await new DemoResidents(bulk, personal, random).SeedAsync(staffed, villagesByTownship, cancellationToken);
            var records = await new DemoServiceYear(bulk, random).SeedAsync(staffed, residents, demoWorker, names, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (residents.Values.Sum(r => r.Count), records);
        });
    }
}
