using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Emergencies;

/// <summary>How an emergency's figures are broken down: by the region's children, or by day.</summary>
public enum EmergencyBreakdown
{
    Region,
    Day,
}

/// <summary>One line of an emergency's figures: a child region or a day (or the totals), summed from the daily reports.</summary>
public sealed record EmergencyFigureRow(string Key, string Name, int Screening, int TestingSupport, int SupplyDelivery, int CareVisits,
    int VolunteersMobilised, int OrganisationsMobilised, int StationsReporting, int Reports, int TeamsNamed = 0, int OrganisationsNamed = 0)
{
    public int CountOf(EmergencyTask task) => task switch
    {
        EmergencyTask.Screening => Screening,
        EmergencyTask.TestingSupport => TestingSupport,
        EmergencyTask.SupplyDelivery => SupplyDelivery,
        _ => CareVisits,
    };
}

public sealed record EmergencyFigures(int EmergencyId, string EmergencyName, string Region, string RegionName, DateOnly From, DateOnly To,
    EmergencyBreakdown By, EmergencyFigureRow Totals, IReadOnlyList<EmergencyFigureRow> Rows);

/// <summary>
/// An emergency's figures for a region (everything under it) and a day range, live from the daily reports inside the
/// reader's scope: totals per task, volunteers and organisations mobilised, stations reporting; by child region or by day.
/// </summary>
public sealed class EmergencyFigureService(ShegongDb db, TimeProvider clock)
{
    public static EmergencyBreakdown ParseBy(string? by) => by?.Trim().ToLowerInvariant() switch
    {
        null or "" or "region" => EmergencyBreakdown.Region,
        "day" => EmergencyBreakdown.Day,
        _ => throw RequestProblem.Invalid("by", ProblemText.EmergencyFiguresBy),
    };

    public async Task<EmergencyFigures> FiguresAsync(int id, string? region, EmergencyBreakdown by, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken = default)
    {
        var emergency = await db.Set<Emergency>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.EmergencyNotFound, id));
        var place = await ReaderRegion.ResolveAsync(db, region, cancellationToken);
        var first = from ?? emergency.StartDate;
        var last = to ?? emergency.EndDate ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (last < first)
        {
            throw RequestProblem.Invalid("to", ProblemText.StatisticsToBeforeFrom);
        }
        var (low, high) = RegionCode.SubtreeRange(place.Code);
        var reports = db.Set<EmergencyReport>().AsNoTracking().Where(r => r.EmergencyId == id && r.Day >= first && r.Day <= last
            && string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0);
        // One line per station: few enough to sum by child region here, and the stations reporting are then distinct by construction.
        var stations = await reports.GroupBy(r => new { r.StationId, r.RegionCode }).Select(g => new Sums(g.Key.RegionCode, g.Sum(r => r.Screening),
            g.Sum(r => r.TestingSupport), g.Sum(r => r.SupplyDelivery), g.Sum(r => r.CareVisits), g.Sum(r => r.VolunteersMobilised),
            g.Sum(r => r.OrganisationsMobilised), g.Count())).ToListAsync(cancellationToken);
        var named = await EmergencyReportNaming.CountAsync(db, reports, by, code => ChildOf(place, code), cancellationToken);
        var totals = Row(place.Code, place.Name, stations, stations.Count) with { TeamsNamed = named.AllTeams, OrganisationsNamed = named.AllOrganisations };
        List<EmergencyFigureRow> rows;
        if (by == EmergencyBreakdown.Region)
        {
            var groups = stations.GroupBy(s => ChildOf(place, s.Key)).OrderBy(g => g.Key).ToList();
            var names = await EmergencyPlaces.NamesAsync(db, groups.Select(g => g.Key), cancellationToken);
            rows = [.. groups.Select(g => Row(g.Key, names[g.Key].Name, [.. g], g.Count()))];
        }
        else
        {
            // One report per station and day, so a day's reports are its stations reporting.
            var days = await reports.GroupBy(r => r.Day).Select(g => new
            {
                Day = g.Key,
                Sums = new Sums("", g.Sum(r => r.Screening),
                g.Sum(r => r.TestingSupport), g.Sum(r => r.SupplyDelivery), g.Sum(r => r.CareVisits), g.Sum(r => r.VolunteersMobilised),
                g.Sum(r => r.OrganisationsMobilised), g.Count())
            }).ToListAsync(cancellationToken);
            rows = [.. days.OrderBy(d => d.Day).Select(d => Row(d.Day.ToString("yyyy-MM-dd"), d.Day.ToString("yyyy-MM-dd"), [d.Sums], d.Sums.Reports))];
        }
        // Distinct per line: the same team named on two days (or by two reports of a region) counts once there and in the totals.
        rows = [.. rows.Select(r => r with
        {
            TeamsNamed = named.Teams.GetValueOrDefault(r.Key),
            OrganisationsNamed = named.Organisations.GetValueOrDefault(r.Key),
        })];
        return new EmergencyFigures(emergency.Id, emergency.Name, place.Code, place.Name, first, last, by, totals, rows);
    }

    /// <summary>The child of <paramref name="place"/> that holds <paramref name="code"/>; the place itself for its own stations.</summary>
    private static string ChildOf(Region place, string code) =>
        place.Level == RegionLevel.Village || RegionCode.LevelOf(code) <= place.Level
            ? place.Code
            : RegionCode.Pad(code[..RegionCode.PrefixLength(place.Level + 1)]);

    private static EmergencyFigureRow Row(string key, string name, IReadOnlyList<Sums> sums, int stations) => new(key, name,
        sums.Sum(s => s.Screening), sums.Sum(s => s.TestingSupport), sums.Sum(s => s.SupplyDelivery), sums.Sum(s => s.CareVisits),
        sums.Sum(s => s.Volunteers), sums.Sum(s => s.Organisations), stations, sums.Sum(s => s.Reports));

    private sealed record Sums(string Key, int Screening, int TestingSupport, int SupplyDelivery, int CareVisits, int Volunteers, int Organisations,
        int Reports);
}
