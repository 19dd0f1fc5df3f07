using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Requests;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>Why an open case is on the worker's list today.</summary>
public enum CaseDueReason
{
    /// <summary>A goal of the plan, not yet evaluated, is due.</summary>
    GoalDue,

    /// <summary>Nothing has happened on the case (contact, stage move, transfer) for <see cref="WorkerDayService.FollowUpDays"/> days.</summary>
    FollowUp,
}

public sealed record DueCase(int Id, string ResidentName, CaseStage Stage, DateOnly DueOn, CaseDueReason Reason, string? Goal);

public sealed record AssignedRequest(int Id, string ContactName, RequestStatus Status, bool Urgent, DateTime RaisedAt);

public sealed record GroupMeeting(int Id, string Name, GroupStage Stage, DateOnly NextOn, int SessionsHeld, int PlannedSessions);

/// <summary>A worker's day: cases due, requests assigned, groups meeting; empty lists when the account is linked to no worker.</summary>
public sealed record WorkerDay(int? SocialWorkerId, DateOnly Today, IReadOnlyList<DueCase> Cases, IReadOnlyList<AssignedRequest> Requests,
    IReadOnlyList<GroupMeeting> Groups);

/// <summary>
/// The "today" page's lists for the signed-in account's social worker. A case is due when its next
/// date has come: the earliest goal not yet evaluated (its due date), or a follow-up
/// <see cref="FollowUpDays"/> days after the case's last activity, whichever is first. Groups have no
/// session calendar, so a group meets when its next session, by its own rhythm (the gap between its
/// last two sessions, else weekly), falls within <see cref="GroupWindowDays"/> days or is overdue,
/// while it has sessions left and has not ended.
/// </summary>
public sealed class WorkerDayService(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public const int FollowUpDays = 14;
    public const int GroupWindowDays = 7;
    private const int DefaultGroupRhythmDays = 7;

    public async Task<WorkerDay> MineAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (user.SocialWorkerId is not { } worker)
        {
            return new WorkerDay(null, today, [], [], []);
        }
        return new WorkerDay(worker, today, await CasesDueAsync(worker, today, cancellationToken), await RequestsAsync(worker, cancellationToken),
            await GroupsAsync(worker, today, cancellationToken));
    }

    private async Task<IReadOnlyList<DueCase>> CasesDueAsync(int worker, DateOnly today, CancellationToken cancellationToken)
    {
        var open = await db.Set<Case>().AsNoTracking().Where(c => c.WorkerId == worker && c.Stage != CaseStage.Closed)
            .Select(c => new
            {
                c.Id,
                Resident = db.Residents.Where(r => r.Id == c.ResidentId).Select(r => r.Name).FirstOrDefault(),
                c.Stage,
                c.OpenedOn,
                Goal = c.Goals.Where(g => g.Outcome == null && g.DueOn != null).OrderBy(g => g.DueOn).ThenBy(g => g.Id)
                    .Select(g => new { g.DueOn, g.Description }).FirstOrDefault(),
                LastContact = c.Contacts.Max(x => (DateOnly?)x.ContactedOn),
                LastEvent = c.Events.Max(e => (DateOnly?)e.On),
            }).ToListAsync(cancellationToken);
        var due = new List<DueCase>();
        foreach (var c in open)
        {
            var last = new[] { c.OpenedOn, c.LastContact ?? c.OpenedOn, c.LastEvent ?? c.OpenedOn }.Max();
            var followUp = last.AddDays(FollowUpDays);
            var (on, reason) = c.Goal?.DueOn is { } goalDue && goalDue <= followUp ? (goalDue, CaseDueReason.GoalDue) : (followUp, CaseDueReason.FollowUp);
            if (on <= today)
            {
                due.Add(new DueCase(c.Id, c.Resident ?? "", c.Stage, on, reason, reason == CaseDueReason.GoalDue ? c.Goal!.Description : null));
            }
        }
        return [.. due.OrderBy(d => d.DueOn).ThenBy(d => d.Id)];
    }

    private async Task<IReadOnlyList<AssignedRequest>> RequestsAsync(int worker, CancellationToken cancellationToken) =>
        await db.ServiceRequests.AsNoTracking()
            .Where(r => r.AssignedWorkerId == worker && (r.Status == RequestStatus.Assigned || r.Status == RequestStatus.Visited))
            .OrderByDescending(r => r.Urgent).ThenBy(r => r.RaisedAt).ThenBy(r => r.Id)
            .Select(r => new AssignedRequest(r.Id, r.ContactName, r.Status, r.Urgent, r.RaisedAt)).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<GroupMeeting>> GroupsAsync(int worker, DateOnly today, CancellationToken cancellationToken)
    {
        var groups = await db.Set<Group>().AsNoTracking().Where(g => g.LeaderId == worker && g.Stage != GroupStage.Ending)
            .Select(g => new
            {
                g.Id,
                g.Name,
                g.Stage,
                g.PlannedSessions,
                Held = db.Set<GroupSession>().Count(s => s.GroupId == g.Id),
                Last = db.Set<GroupSession>().Where(s => s.GroupId == g.Id).OrderByDescending(s => s.Date).Select(s => s.Date).Take(2).ToList(),
            }).ToListAsync(cancellationToken);
        var meeting = new List<GroupMeeting>();
        foreach (var g in groups.Where(g => g.Held < g.PlannedSessions))
        {
            var rhythm = g.Last.Count == 2 ? Math.Max(1, g.Last[0].DayNumber - g.Last[1].DayNumber) : DefaultGroupRhythmDays;
            // A group that has not met yet is due to hold its first session.
            var next = g.Last.Count == 0 ? today : g.Last[0].AddDays(rhythm);
            if (next <= today.AddDays(GroupWindowDays))
            {
                meeting.Add(new GroupMeeting(g.Id, g.Name, g.Stage, next, g.Held, g.PlannedSessions));
            }
        }
        return [.. meeting.OrderBy(m => m.NextOn).ThenBy(m => m.Id)];
    }
}
