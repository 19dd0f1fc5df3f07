using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>One demo account per role, all with <see cref="Password"/> (demo data only; listed in docs/architecture.md).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2022!";
    public const string City = "510100000000";   // 成都市
    public const string County = "510104000000"; // 锦江区

    public static async Task SeedAsync(ShegongDb db, UserManager<Account> users, CancellationToken cancellationToken = default)
    {
        DemoSeeder.RequireSystemScope(db);
        if (await db.Users.IgnoreQueryFilters().AnyAsync(a => a.UserName!.StartsWith("demo-"), cancellationToken)
            || !await db.Regions.AnyAsync(r => r.Code == County, cancellationToken))
        {
            return;
        }
        var station = await WorkerStationAsync(db, cancellationToken);
        List<Account> accounts =
        [
            new() { UserName = "demo-city", DisplayName = "成都市民政局（演示）", Role = AccountRole.CityOfficer, RegionCode = City },
            new() { UserName = "demo-county", DisplayName = "锦江区民政局（演示）", Role = AccountRole.CountyOfficer, RegionCode = County },
            new() { UserName = "demo-agency", DisplayName = "社工机构负责人（演示）", Role = AccountRole.AgencyManager, RegionCode = County, AgencyId = 1 },
            new() { UserName = "demo-viewer", DisplayName = "只读查看（演示）", Role = AccountRole.Viewer, RegionCode = County },
        ];
        if (station is not null)
        {
            accounts.Add(new() { UserName = "demo-station", DisplayName = "站长（演示）", Role = AccountRole.StationManager, RegionCode = station.RegionCode, StationId = station.Id });
            // The worker's account is linked to a resident social worker of the station, so its today page has work on it.
            var worker = await WorkerAtAsync(db, station.Id, cancellationToken);
            accounts.Add(new() { UserName = "demo-worker", DisplayName = "驻站社工（演示）", Role = AccountRole.SocialWorker, RegionCode = station.RegionCode, StationId = station.Id, SocialWorkerId = worker });
        }
        foreach (var account in accounts)
        {
            await users.CreateAsync(account, Password);
        }
    }

    /// <summary>
    /// Where the <c>demo-worker</c> account works: the first township station of 锦江区 with a resident social worker
    /// posted there before the demo's service year, and its longest-serving resident worker. The demo data gives that
    /// worker cases, requests and a group (its today page), which a worker who came later could not have had.
    /// </summary>
    internal static async Task<DemoWorkerPlace?> WorkerPlaceAsync(ShegongDb db, CancellationToken cancellationToken) =>
        await WorkerStationAsync(db, cancellationToken) is { } station && await WorkerAtAsync(db, station.Id, cancellationToken) is { } worker
            ? new DemoWorkerPlace(station.Id, worker)
            : null;

    private static async Task<Station?> WorkerStationAsync(ShegongDb db, CancellationToken cancellationToken)
    {
        var (low, high) = Regions.RegionCode.SubtreeRange(County);
        var townships = db.Stations
            .Where(s => s.Level == StationLevel.TownshipStation && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
            .OrderBy(s => s.RegionCode);
        var yearStart = new DateOnly(DemoServiceYear.Year, 1, 1);
        return await townships.Where(s => db.StationAssignments.Any(a => a.StationId == s.Id && a.Role == Workforce.SocialWorkers.AssignmentRole.Resident
                && a.To == null && a.From < yearStart)).FirstOrDefaultAsync(cancellationToken)
            ?? await townships.FirstOrDefaultAsync(cancellationToken);
    }

    private static Task<int?> WorkerAtAsync(ShegongDb db, int stationId, CancellationToken cancellationToken) =>
        db.StationAssignments
            .Where(a => a.StationId == stationId && a.Role == Workforce.SocialWorkers.AssignmentRole.Resident && a.To == null)
            .OrderBy(a => a.From).ThenBy(a => a.SocialWorkerId).Select(a => (int?)a.SocialWorkerId).FirstOrDefaultAsync(cancellationToken);
}
