using Microsoft.EntityFrameworkCore;

namespace Shegong.Web.Features.Pilots;

/// <summary>
/// The province's choosing view: every applied township with its priority flags and score, and
/// the live totals of what is confirmed so far against the batch's budget and targets.
/// </summary>
public sealed partial class PilotBatchService
{
    // The three priorities of the 2022 batch, weighted by the order the province named them.
    public const int GovernancePilotPoints = 40;
    public const int CentralTownPoints = 30;
    public const int RelocationSitePoints = 30;

    public async Task<PilotChoosing> ChoosingAsync(int id, string? sort = null, CancellationToken cancellationToken = default)
    {
        var batch = await db.Set<PilotBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw NotFound(id);
        var applications = await db.Set<PilotApplication>().AsNoTracking().Include(a => a.Townships)
            .Where(a => a.PilotBatchId == id && a.Status != PilotApplicationStatus.Draft).ToListAsync(cancellationToken);
        var codes = applications.SelectMany(a => a.Townships.Select(t => t.TownshipCode).Append(a.RegionCode)).ToList();
        var cityCodes = applications.Select(a => a.RegionCode[..4] + "00000000").Distinct().ToList();
        var regions = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code) || cityCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, cancellationToken);
        var rows = new List<PilotChoiceRow>();
        foreach (var a in applications)
        {
            var county = regions[a.RegionCode];
            var city = regions.GetValueOrDefault(a.RegionCode[..4] + "00000000")?.Name ?? "";
            foreach (var t in a.Townships)
            {
                var township = regions[t.TownshipCode];
                var score = (county.IsGovernancePilot ? GovernancePilotPoints : 0) + (township.IsCentralTown ? CentralTownPoints : 0)
                    + (township.IsRelocationSite ? RelocationSitePoints : 0);
                rows.Add(new PilotChoiceRow(a.Id, a.Version, a.RegionCode, county.Name, city, t.TownshipCode, township.Name, t.BuildPath,
                    t.PlannedStationName, a.Status, county.IsGovernancePilot, township.IsCentralTown, township.IsRelocationSite, score,
                    t.Decision, t.Subsidy ?? batch.StandardSubsidy));
            }
        }
        var sorted = sort switch
        {
            "score" => rows.OrderBy(r => r.Score).ThenBy(r => r.TownshipCode),
            "township" => rows.OrderBy(r => r.TownshipCode),
            "-township" => rows.OrderByDescending(r => r.TownshipCode),
            _ => rows.OrderByDescending(r => r.Score).ThenBy(r => r.TownshipCode),
        };
        return new PilotChoosing(batch.Id, batch.Name, batch.Status, sorted.ToList(), Totals(batch, rows));
    }

    /// <summary>Totals of the confirmed choices; each priority share is of the chosen counties (governance pilot) or townships.</summary>
    public static PilotChoiceTotals Totals(PilotBatch batch, IEnumerable<PilotChoiceRow> rows)
    {
        var chosen = rows.Where(r => r.Decision == TownshipDecision.Confirmed).ToList();
        var counties = chosen.GroupBy(r => r.CountyCode).Select(g => g.First()).ToList();
        var pilotCounties = counties.Count(c => c.GovernancePilotCounty);
        var central = chosen.Count(r => r.CentralTown);
        var relocation = chosen.Count(r => r.RelocationSite);
        return new PilotChoiceTotals(counties.Count, batch.TargetCounties, chosen.Count, batch.TargetTownships, chosen.Sum(r => r.Subsidy), batch.Budget,
            pilotCounties, Share(pilotCounties, counties.Count), central, Share(central, chosen.Count), relocation, Share(relocation, chosen.Count));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
