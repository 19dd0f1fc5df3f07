using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Linkage.Teams;

/// <summary>Volunteer teams: list, read, create, edit (marking a team inactive included). UI and API share it.</summary>
public sealed class TeamService(ShegongDb db, TimeProvider clock)
{
    public static readonly SortFields<VolunteerTeam> Sorts = new SortFields<VolunteerTeam>()
        .Add("name", t => t.Name).Add("formedOn", t => t.FormedOn).Add("members", t => t.MemberCount);

    public async Task<PagedResult<TeamRow>> ListAsync(TeamFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = ScopedRegion.Under(db.Set<VolunteerTeam>().AsNoTracking(), filter.Region);
        query = filter.Active is { } active ? query.Where(t => t.IsActive == active) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(t => t.Name.Contains(text) || (t.LeaderName != null && t.LeaderName.Contains(text)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderBy(t => t.RegionCode).ThenBy(t => t.Id), q => q.ThenBy(t => t.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, rows.Select(t => t.StationId), cancellationToken);
        var places = await RegionPaths.NameAsync(db, rows.Select(t => t.RegionCode), cancellationToken);
        var hours = await ConfirmedMinutesAsync([.. rows.Select(t => t.Id)], cancellationToken);
        return new PagedResult<TeamRow>([.. rows.Select(t => new TeamRow(t.Id, t.Name, t.StationId, stations.GetValueOrDefault(t.StationId, ""),
            t.RegionCode, places[t.RegionCode].Name, t.LeaderName, t.MemberCount, t.FormedOn, t.IsActive,
            VolunteerService.HoursOf(hours.GetValueOrDefault(t.Id))))], total);
    }

    public async Task<TeamDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var t = await db.Set<VolunteerTeam>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw NotFound(id);
        var stations = await LinkagePlaces.StationNamesAsync(db, [t.StationId], cancellationToken);
        var (place, path) = (await RegionPaths.NameAsync(db, [t.RegionCode], cancellationToken))[t.RegionCode];
        return new TeamDetail(t.Id, t.Name, t.StationId, stations.GetValueOrDefault(t.StationId, ""), t.RegionCode, place, path, t.LeaderName,
            t.MemberCount, t.FormedOn, t.IsActive, t.Activities, t.Version,
            VolunteerService.HoursOf((await ConfirmedMinutesAsync([t.Id], cancellationToken)).GetValueOrDefault(t.Id)));
    }

    /// <summary>
    /// The hours the stations confirmed for each team: those its volunteers logged while in it (an hour keeps the team it was
    /// logged in). Read through the scope, like the hours themselves.
    /// </summary>
    private Task<Dictionary<int, long>> ConfirmedMinutesAsync(List<int> teamIds, CancellationToken cancellationToken) =>
        db.Set<VolunteerHour>().AsNoTracking().Where(h => h.TeamId != null && teamIds.Contains(h.TeamId.Value) && h.Status == HourStatus.Confirmed)
            .GroupBy(h => h.TeamId!.Value).Select(g => new { Team = g.Key, Minutes = g.Sum(h => (long)h.Minutes) })
            .ToDictionaryAsync(g => g.Team, g => g.Minutes, cancellationToken);

    public async Task<TeamDetail> CreateAsync(TeamForm form, CancellationToken cancellationToken = default)
    {
        var team = new VolunteerTeam();
        await ApplyAsync(form, team, cancellationToken);
        db.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(team.Id, cancellationToken);
    }

    public async Task<TeamDetail> UpdateAsync(int id, TeamForm form, CancellationToken cancellationToken = default)
    {
        var team = await db.Set<VolunteerTeam>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, team, form.Version);
        await ApplyAsync(form, team, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.TeamNotFound, id));

    private async Task ApplyAsync(TeamForm form, VolunteerTeam team, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var station = await LinkagePlaces.StationAsync(db, form.StationId, team.StationId, cancellationToken);
        var place = await LinkagePlaces.PlaceAsync(db, form.RegionCode, station, cancellationToken);
        if (form.FormedOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
        {
            throw RequestProblem.Invalid("formedOn", ProblemText.OrganisationDateInFuture);
        }
        team.Name = form.Name!.Trim();
        team.StationId = station.Id;
        team.RegionCode = place;
        team.LeaderName = string.IsNullOrWhiteSpace(form.LeaderName) ? null : form.LeaderName.Trim();
        team.MemberCount = form.MemberCount!.Value;
        team.FormedOn = form.FormedOn!.Value;
        team.IsActive = form.IsActive ?? team.IsActive;
        team.Activities = string.IsNullOrWhiteSpace(form.Activities) ? null : form.Activities.Trim();
    }
}
