using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Linkage.Teams;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>The team a volunteer serves in and what it does (the team's activities as the station wrote them).</summary>
public sealed record TeamActivities(int Id, string Name, string StationName, string? LeaderName, bool IsActive, string? Activities);

/// <summary>A volunteer's own page: their record, their team's activities, their hours (newest first).</summary>
public sealed record VolunteerHome(VolunteerDetail Me, TeamActivities? Team, IReadOnlyList<HourRow> Hours);

/// <summary>
/// What a signed-in volunteer sees and does. Their scope shows no region's records, so their own are found by their
/// account (never by an id they send): nobody else's record, team or hours can be asked for.
/// </summary>
public sealed class VolunteerSelfService(ShegongDb db, CurrentUser user, RegionScope scope, TimeProvider clock, VolunteerService volunteers)
{
    public const int HoursShown = 100;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<VolunteerHome> HomeAsync(CancellationToken cancellationToken = default)
    {
        var me = await MeAsync(cancellationToken);
        var team = me.TeamId is { } teamId
            ? await db.Set<VolunteerTeam>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken)
            : null;
        var stations = team is null ? [] : await LinkagePlaces.StationNamesAsync(db, [team.StationId], cancellationToken);
        var hours = await db.Set<VolunteerHour>().IgnoreQueryFilters().AsNoTracking().Where(h => h.VolunteerId == me.Id)
            .OrderByDescending(h => h.ServedOn).ThenByDescending(h => h.Id).Take(HoursShown).ToListAsync(cancellationToken);
        return new VolunteerHome(await volunteers.DetailOfAsync(db, me, cancellationToken),
            team is null ? null : new TeamActivities(team.Id, team.Name, stations.GetValueOrDefault(team.StationId, ""), team.LeaderName, team.IsActive, team.Activities),
            [.. hours.Select(h => VolunteerHourService.Row(h, me.Name))]);
    }

    /// <summary>Logs hours for the signed-in volunteer (approved only): not in the future, not before they applied, in half hours.</summary>
    public async Task<HourRow> LogAsync(HourForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var me = await MeAsync(cancellationToken);
        if (me.Status != VolunteerStatus.Approved)
        {
            throw RequestProblem.Forbidden(ProblemText.VolunteerNotApproved);
        }
        if (form.ServedOn > Today || form.ServedOn < me.AppliedOn)
        {
            throw RequestProblem.Invalid("servedOn", ProblemText.VolunteerHourDateRange);
        }
        if (form.Hours!.Value * 2 != decimal.Truncate(form.Hours.Value * 2))
        {
            throw RequestProblem.Invalid("hours", ProblemText.VolunteerHoursRange);
        }
        var hour = new VolunteerHour
        {
            VolunteerId = me.Id,
            RegionCode = me.RegionCode,
            TeamId = me.TeamId,
            ServedOn = form.ServedOn!.Value,
            Minutes = (int)(form.Hours.Value * 60),
            Activity = form.Activity!.Trim(),
            Status = HourStatus.Logged,
        };
        db.Add(hour);
        // The volunteer's scope holds no region; for this one save it holds their own place, so the write guard
        // checks the new row against the place it was given (and the permission table against their role).
        var saved = new RegionScope();
        saved.CopyFrom(scope);
        scope.Restrict(me.RegionCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            scope.CopyFrom(saved);
        }
        return VolunteerHourService.Row(hour, me.Name);
    }

    private async Task<Volunteer> MeAsync(CancellationToken cancellationToken)
    {
        var id = user.Role == AccountRole.Volunteer ? user.Id : null;
        return await db.Set<Volunteer>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(v => id != null && v.AccountId == id, cancellationToken)
            ?? throw RequestProblem.NotFound(ProblemText.VolunteerNoRecordForAccount);
    }
}
