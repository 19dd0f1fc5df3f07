using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Donations;
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
/// Donated yuan received are the donations' values; linked, the part of them linked to needs so far.
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
    decimal? VolunteerSharePercent,
    decimal DonatedYuanReceived,
    decimal DonatedYuanLinked);

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
        // Donations count where their receiving station is; linked yuan are those of the links (the statistics' resource-linking records).
        var donations = await db.Set<Donation>().AsNoTracking()
            .Where(d => string.Compare(d.RegionCode, low) >= 0 && string.Compare(d.RegionCode, high) <= 0)
            .GroupBy(d => 1).Select(g => new { Received = g.Sum(d => d.ValueYuan), Linked = g.Sum(d => d.LinkedYuan) }).FirstOrDefaultAsync(cancellationToken);
        var population = await PopulationAsync(regionCode, cancellationToken);
        decimal? per10000 = population is > 0 ? Math.Round(registered * 10000m / population.Value, 2) : null;
        decimal? share = population is > 0 ? Math.Round(registered * 100m / population.Value, 4) : null;
        return new LinkageFigures(cells.Sum(c => c.Count), byStage, byType, teams.Sum(t => t.Count), teams.Where(t => t.Active).Sum(t => t.Count),
            registered, Math.Round(minutes / 60m, 2), population, per10000, share, donations?.Received ?? 0, donations?.Linked ?? 0);
    }

    /// <summary>
    /// Organisations incubated, teams formed and registered volunteers of a region: the statistics summary's counts, the same as
    /// <see cref="FiguresAsync"/>'s, without its hours, donations and population.
    /// </summary>
    public async Task<(int Organisations, int Teams, int Volunteers)> CountsAsync(string regionCode, CancellationToken cancellationToken = default)
    {
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        var organisations = await db.Set<CommunityOrganisation>().AsNoTracking()
            .CountAsync(o => string.Compare(o.RegionCode, low) >= 0 && string.Compare(o.RegionCode, high) <= 0, cancellationToken);
        var teams = await db.Set<VolunteerTeam>().AsNoTracking()
            .CountAsync(t => string.Compare(t.RegionCode, low) >= 0 && string.Compare(t.RegionCode, high) <= 0, cancellationToken);
        var volunteers = await db.Set<Volunteer>().AsNoTracking()
            .CountAsync(v => string.Compare(v.RegionCode, low) >= 0 && string.Compare(v.RegionCode, high) <= 0 && v.Status == VolunteerStatus.Approved, cancellationToken);
        return (organisations, teams, volunteers);
    }

    /// <summary>A region's resident population, or null when it is not known (<see cref="RegionPopulation"/>).</summary>
    public Task<long?> PopulationAsync(string regionCode, CancellationToken cancellationToken = default) =>
        RegionPopulation.OfAsync(db, regionCode, urban: false, cancellationToken);
}
