using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Linkage;

/// <summary>
/// Five-society figures of a region, for the statistics module. Organisations incubated counts every
/// organisation a station took on, whatever its stage now; the by-stage counts split the same total.
/// Teams formed counts every team, active those still serving. Registered volunteers are the approved ones (not those
/// applied, rejected or left); confirmed hours only the hours the station confirmed. The per-10,000 and share figures are
/// null ("unknown") when the region's resident population is not known (LinkageFigureService.PopulationAsync), never guessed.
/// </summary>
public sealed record LinkageFigures(
    int OrganisationsIncubated,
    IReadOnlyDictionary<OrganisationStage, int> OrganisationsByStage,
    IReadOnlyDictionary<OrganisationType, int> OrganisationsByType,
    int VolunteerTeamsFormed,
    int VolunteerTeamsActive,
    int RegisteredVolunteers,
    decimal ConfirmedHours,
    long? ResidentPopulation,
    decimal? VolunteersPer10000Residents,
    decimal? VolunteerSharePercent);

/// <summary>Counts by region, live from the records and inside the caller's scope (the query filters).</summary>
public sealed class LinkageFigureService(ShegongDb db)
{
    public async Task<LinkageFigures> FiguresAsync(string regionCode, CancellationToken cancellationToken = default)
    {
        if (RegionCode.Problem(regionCode) is { } problem)
        {
            throw RequestProblem.Invalid("region", problem);
        }
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        var cells = await db.Set<CommunityOrganisation>().AsNoTracking()
            .Where(o => string.Compare(o.RegionCode, low) >= 0 && string.Compare(o.RegionCode, high) <= 0)
            .GroupBy(o => new { o.Stage, o.Type }).Select(g => new { g.Key.Stage, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byStage = Enum.GetValues<OrganisationStage>().ToDictionary(s => s, s => cells.Where(c => c.Stage == s).Sum(c => c.Count));
        var byType = Enum.GetValues<OrganisationType>().ToDictionary(t => t, t => cells.Where(c => c.Type == t).Sum(c => c.Count));
        var teams = await db.Set<VolunteerTeam>().AsNoTracking()
            .Where(t => string.Compare(t.RegionCode, low) >= 0 && string.Compare(t.RegionCode, high) <= 0)
            .GroupBy(t => t.IsActive).Select(g => new { Active = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var registered = await db.Set<Volunteer>().AsNoTracking()
            .CountAsync(v => string.Compare(v.RegionCode, low) >= 0 && string.Compare(v.RegionCode, high) <= 0 && v.Status == VolunteerStatus.Approved, cancellationToken);
        var minutes = await db.Set<VolunteerHour>().AsNoTracking()
            .Where(h => string.Compare(h.RegionCode, low) >= 0 && string.Compare(h.RegionCode, high) <= 0 && h.Status == HourStatus.Confirmed)
            .SumAsync(h => (long?)h.Minutes, cancellationToken) ?? 0;
        var population = await PopulationAsync(regionCode, cancellationToken);
        decimal? per10000 = population is > 0 ? Math.Round(registered * 10000m / population.Value, 2) : null;
        decimal? share = population is > 0 ? Math.Round(registered * 100m / population.Value, 4) : null;
        return new LinkageFigures(cells.Sum(c => c.Count), byStage, byType, teams.Sum(t => t.Count), teams.Where(t => t.Active).Sum(t => t.Count),
            registered, Math.Round(minutes / 60m, 2), population, per10000, share);
    }

    /// <summary>
    /// A region's resident population: its own when recorded, else the sum of its children's when every child's is known
    /// (by the same rule, level by level); otherwise null. Region names and populations are reference data, read past the scope.
    /// </summary>
    public async Task<long?> PopulationAsync(string regionCode, CancellationToken cancellationToken = default)
    {
        var regions = db.Regions.IgnoreQueryFilters().AsNoTracking();
        var own = await regions.Where(r => r.Code == regionCode).Select(r => r.ResidentPopulation).FirstOrDefaultAsync(cancellationToken);
        if (own is { } known)
        {
            return known;
        }
        // Level by level down the subtree (a code-range read per level, no long lists of codes): the open regions are
        // those whose figure is missing; each needs children, and those children's figures (or theirs, further down).
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        long total = 0;
        HashSet<string> open = [regionCode];
        for (var level = RegionCode.LevelOf(regionCode) + 1; open.Count > 0; level++)
        {
            if (level > RegionLevel.Village)
            {
                return null;
            }
            var below = level;
            var children = (await regions.Where(r => r.Level == below && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .Select(r => new { r.Code, r.ParentCode, r.ResidentPopulation }).ToListAsync(cancellationToken))
                .Where(c => c.ParentCode is not null && open.Contains(c.ParentCode)).ToList();
            // A region without its figure and without children to sum: the subtree's population is unknown.
            if (open.Except(children.Select(c => c.ParentCode!)).Any())
            {
                return null;
            }
            total += children.Sum(c => (long)(c.ResidentPopulation ?? 0));
            open = [.. children.Where(c => c.ResidentPopulation is null).Select(c => c.Code)];
        }
        return total;
    }
}
