using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Pilots;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// The two pilot batches of the plan's pilot townships, with the published figures: 2021, 82
/// counties and 228 townships; 2022, 69 counties, 234 townships and 46.8 million yuan, chosen from
/// 26 governance-pilot counties (of that pilot's 40 units), 87 central towns and 10 relocation sites.
/// The priority flags of the second batch's regions are set here so the figures hold exactly.
/// </summary>
internal sealed class DemoPilots(ShegongDb db, Random random)
{
    public const decimal StandardSubsidy = 200_000m;
    private const string By = "system:demo";

    public async Task SeedAsync(DemoPlan plan, CancellationToken cancellationToken)
    {
        await FlagAsync(plan, cancellationToken);
        var first = await BatchAsync(plan, 1, 2021, "2021年第一批乡镇（街道）社会工作服务站试点", 228 * StandardSubsidy, 82, 228, cancellationToken);
        await BatchAsync(plan, 2, 2022, "2022年第二批乡镇（街道）社会工作服务站试点", 46_800_000m, 69, 234, cancellationToken);
        first.MoveTo(PilotBatchStatus.Closed);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task FlagAsync(DemoPlan plan, CancellationToken cancellationToken)
    {
        var second = plan.PilotTownships.Where(p => p.Value == 2).Select(p => p.Key).Order().ToList();
        var counties = await db.Regions.Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var pilotUnits = plan.Batch2Counties.Order().Take(26).Concat(plan.Batch1Counties.Order().Take(14)).ToHashSet();
        counties.ForEach(c => c.IsGovernancePilot = pilotUnits.Contains(c.Code));
        var shuffled = second.OrderBy(_ => random.Next()).ToList();
        var townships = await db.Regions.Where(r => second.Contains(r.Code)).ToDictionaryAsync(r => r.Code, cancellationToken);
        for (var i = 0; i < shuffled.Count; i++)
        {
            townships[shuffled[i]].IsCentralTown = i < 87;
            townships[shuffled[i]].IsRelocationSite = i >= 87 && i < 97;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<PilotBatch> BatchAsync(DemoPlan plan, int number, int year, string name, decimal budget, int counties, int townships,
        CancellationToken cancellationToken)
    {
        var province = RegionCode.Pad("51");
        var batch = new PilotBatch
        {
            Year = year,
            Name = name,
            RegionCode = province,
            Budget = budget,
            TargetCounties = counties,
            TargetTownships = townships,
            StandardSubsidy = StandardSubsidy
        };
        batch.SetWindow(new DateOnly(year, 3, 1), new DateOnly(year, 4, 30));
        batch.MoveTo(PilotBatchStatus.Open);
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var chosen = plan.PilotTownships.Where(p => p.Value == number).Select(p => p.Key).Order().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => chosen.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var applications = new List<PilotApplication>();
        var at = new DateTime(year, 3, 20, 2, 0, 0, DateTimeKind.Utc);
        foreach (var county in chosen.GroupBy(c => RegionCode.Pad(c[..6])))
        {
            var application = new PilotApplication { PilotBatchId = batch.Id, RegionCode = county.Key };
            application.Townships.AddRange(county.Select(t => new PilotApplicationTownship
            {
                PilotBatchId = batch.Id,
                TownshipCode = t,
                BuildPath = BuildPath.GovernancePilot,
                PlannedStationName = $"{names[t]}社会工作服务站",
                Justification = "乡镇人口较多，困难群众服务需求集中，具备场地和人员条件。",
            }));
            application.Submit(By, at);
            application.Review(PilotStepKind.CityApproved, By, at.AddDays(15), null);
            foreach (var t in county)
            {
                application.Decide(t, true, null, By, at.AddDays(40), null);
            }
            applications.Add(application);
        }
        db.AddRange(applications);
        batch.MoveTo(PilotBatchStatus.Reviewing);
        batch.MoveTo(PilotBatchStatus.Confirmed);
        await db.SaveChangesAsync(cancellationToken);
        await ProjectsAsync(batch, applications.SelectMany(a => a.Townships).ToList(), year, cancellationToken);
        return batch;
    }

    /// <summary>Each confirmed township's project, carried by its township station, awarded and paid in part (in full for the first batch).</summary>
    private async Task ProjectsAsync(PilotBatch batch, List<PilotApplicationTownship> townships, int year, CancellationToken cancellationToken)
    {
        var codes = townships.Select(t => t.TownshipCode).ToList();
        var stations = await db.Stations.AsNoTracking().Where(s => s.Level == StationLevel.TownshipStation && codes.Contains(s.RegionCode))
            .GroupBy(s => s.RegionCode).Select(g => new { g.Key, Id = g.Min(s => s.Id) }).ToDictionaryAsync(s => s.Key, s => s.Id, cancellationToken);
        foreach (var township in townships)
        {
            var project = PilotBatchService.NewProject(batch, township);
            project.StationId = stations.TryGetValue(township.TownshipCode, out var station) ? station : null;
            project.Award(project.GrantedSubsidy, new DateOnly(year, 6, 1));
            project.Pay(new DateOnly(year, 7, 1), project.GrantedSubsidy / 2, $"川民函〔{year}〕{random.Next(10, 99)}号");
            if (year == 2021)
            {
                project.Pay(new DateOnly(year + 1, 3, 1), project.GrantedSubsidy / 2, $"川民函〔{year + 1}〕{random.Next(10, 99)}号");
            }
            db.Add(project);
        }
    }
}
