using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Emergencies;

/// <summary>
/// The volunteer teams and community organisations a daily report names as mobilised: only the reporting station's own,
/// read through the scope, so a foreign or unseen one is "not the station's" like a missing one (no hint of what lies outside).
/// </summary>
internal static class EmergencyReportNaming
{
    public static async Task ApplyAsync(ShegongDb db, EmergencyReportForm form, EmergencyReport report, Station station,
        CancellationToken cancellationToken)
    {
        // A repeated id is the same group ticked twice: it is named once.
        var teamIds = (form.TeamIds ?? []).Distinct().ToList();
        var organisationIds = (form.OrganisationIds ?? []).Distinct().ToList();
        var teams = await db.Set<VolunteerTeam>().AsNoTracking().Where(t => teamIds.Contains(t.Id) && t.StationId == station.Id)
            .Select(t => t.Id).ToListAsync(cancellationToken);
        if (teamIds.Where(id => !teams.Contains(id)).Select(id => (int?)id).FirstOrDefault() is { } team)
        {
            throw RequestProblem.Invalid("teamIds", Problems.Format(ProblemText.EmergencyReportTeamNotOwn, team, station.Name));
        }
        var organisations = await db.Set<CommunityOrganisation>().AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id) && o.StationId == station.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        if (organisationIds.Where(id => !organisations.Contains(id)).Select(id => (int?)id).FirstOrDefault() is { } organisation)
        {
            throw RequestProblem.Invalid("organisationIds", Problems.Format(ProblemText.EmergencyReportOrganisationNotOwn, organisation, station.Name));
        }
        report.Name(teamIds, organisationIds);
    }

    /// <summary>The station's teams still serving and its organisations, by name: what the report form offers to tick.</summary>
    public static async Task<StationGroups> OfStationAsync(ShegongDb db, int stationId, CancellationToken cancellationToken) => new(
        await db.Set<VolunteerTeam>().AsNoTracking().Where(t => t.StationId == stationId && t.IsActive).OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new NamedGroup(t.Id, t.Name)).ToListAsync(cancellationToken),
        await db.Set<CommunityOrganisation>().AsNoTracking().Where(o => o.StationId == stationId).OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new NamedGroup(o.Id, o.Name)).ToListAsync(cancellationToken));

    /// <summary>The teams and organisations each of the given (already read, so in scope) reports names, by name.</summary>
    public static async Task<ILookup<int, (bool Team, NamedGroup Group)>> NamedAsync(ShegongDb db, IReadOnlyCollection<int> reportIds,
        CancellationToken cancellationToken)
    {
        // The child rows carry no scope of their own; the groups are the reporting station's, so inside the report's reader's scope.
        var teams = await db.Set<EmergencyReportTeam>().AsNoTracking().Where(t => reportIds.Contains(t.EmergencyReportId))
            .Join(db.Set<VolunteerTeam>(), r => r.VolunteerTeamId, t => t.Id, (r, t) => new { r.EmergencyReportId, t.Id, t.Name })
            .ToListAsync(cancellationToken);
        var organisations = await db.Set<EmergencyReportOrganisation>().AsNoTracking().Where(o => reportIds.Contains(o.EmergencyReportId))
            .Join(db.Set<CommunityOrganisation>(), r => r.CommunityOrganisationId, o => o.Id, (r, o) => new { r.EmergencyReportId, o.Id, o.Name })
            .ToListAsync(cancellationToken);
        return teams.Select(t => (t.EmergencyReportId, Team: true, Group: new NamedGroup(t.Id, t.Name)))
            .Concat(organisations.Select(o => (o.EmergencyReportId, Team: false, Group: new NamedGroup(o.Id, o.Name))))
            .OrderBy(g => g.Group.Name, StringComparer.Ordinal).ThenBy(g => g.Group.Id)
            .ToLookup(g => g.EmergencyReportId, g => (g.Team, g.Group));
    }

    /// <summary>The distinct teams and organisations the reports name, per breakdown key (a team named on two days counts once).</summary>
    public static async Task<NamedCounts> CountAsync(ShegongDb db, IQueryable<EmergencyReport> reports, EmergencyBreakdown by,
        Func<string, string> regionKey, CancellationToken cancellationToken)
    {
        // Joins, not SelectMany over the navigations: that needs APPLY, which SQLite lacks.
        var teamRows = reports.Join(db.Set<EmergencyReportTeam>(), r => r.Id, t => t.EmergencyReportId,
            (r, t) => new { r.RegionCode, r.Day, Id = t.VolunteerTeamId });
        var organisationRows = reports.Join(db.Set<EmergencyReportOrganisation>(), r => r.Id, o => o.EmergencyReportId,
            (r, o) => new { r.RegionCode, r.Day, Id = o.CommunityOrganisationId });
        List<(string Key, int Id)> teams, organisations;
        if (by == EmergencyBreakdown.Region)
        {
            teams = [.. (await teamRows.Select(t => new { t.RegionCode, t.Id }).Distinct().ToListAsync(cancellationToken)).Select(t => (regionKey(t.RegionCode), t.Id))];
            organisations = [.. (await organisationRows.Select(o => new { o.RegionCode, o.Id }).Distinct().ToListAsync(cancellationToken))
                .Select(o => (regionKey(o.RegionCode), o.Id))];
        }
        else
        {
            teams = [.. (await teamRows.Select(t => new { t.Day, t.Id }).Distinct().ToListAsync(cancellationToken)).Select(t => (DayKey(t.Day), t.Id))];
            organisations = [.. (await organisationRows.Select(o => new { o.Day, o.Id }).Distinct().ToListAsync(cancellationToken))
                .Select(o => (DayKey(o.Day), o.Id))];
        }
        return new NamedCounts(Per(teams), Per(organisations), teams.Select(t => t.Id).Distinct().Count(), organisations.Select(o => o.Id).Distinct().Count());
    }

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Per(List<(string Key, int Id)> rows) =>
        rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().Count());
}

/// <summary>A station's own volunteer teams and community organisations a report may name.</summary>
public sealed record StationGroups(IReadOnlyList<NamedGroup> Teams, IReadOnlyList<NamedGroup> Organisations);

/// <summary>Distinct teams and organisations named, per breakdown key and in all.</summary>
internal sealed record NamedCounts(Dictionary<string, int> Teams, Dictionary<string, int> Organisations, int AllTeams, int AllOrganisations);
