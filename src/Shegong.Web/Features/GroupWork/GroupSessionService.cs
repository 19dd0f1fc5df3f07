using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.GroupWork;

/// <summary>
/// A group's sessions and their attendance. Each session makes its service record in the same save,
/// revises it when the session changes and deletes it with the session: a session is counted once.
/// </summary>
public sealed class GroupSessionService(ShegongDb db, GroupService groups)
{
    public async Task<GroupDetail> AddAsync(int groupId, GroupSessionForm form, CancellationToken cancellationToken = default)
    {
        var group = await GroupAsync(groupId, cancellationToken);
        Validate(form);
        var session = new GroupSession { GroupId = group.Id, RegionCode = group.RegionCode };
        Apply(form, session);
        SetAttendance(group, session, form.AttendeeIds, form.HeadCount ?? 0);
        session.Record = ServiceRecord.Create(ServiceSource.GroupSession, group.StationId, group.RegionCode, session.Facts(group));
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return await groups.GetAsync(groupId, cancellationToken);
    }

    public async Task<GroupDetail> UpdateAsync(int groupId, int sessionId, GroupSessionForm form, CancellationToken cancellationToken = default)
    {
        var (group, session) = await SessionAsync(groupId, sessionId, cancellationToken);
        Versioning.Expect(db, session, form.Version);
        Validate(form);
        Apply(form, session);
        SetAttendance(group, session, form.AttendeeIds, form.HeadCount ?? 0);
        session.Record.Revise(session.Facts(group));
        await db.SaveChangesAsync(cancellationToken);
        return await groups.GetAsync(groupId, cancellationToken);
    }

    /// <summary>Ticks who came (and how many others): the record's beneficiaries and person-times follow.</summary>
    public async Task<GroupDetail> SetAttendanceAsync(int groupId, int sessionId, GroupAttendanceForm form, CancellationToken cancellationToken = default)
    {
        var (group, session) = await SessionAsync(groupId, sessionId, cancellationToken);
        Versioning.Expect(db, session, form.Version);
        FormValidation.ThrowIfInvalid(form);
        SetAttendance(group, session, form.AttendeeIds, form.HeadCount ?? session.HeadCount);
        // Only child rows may change: touch the session so a racing edit of it loses on its version.
        Versioning.Touch(db, session);
        session.Record.Revise(session.Facts(group));
        await db.SaveChangesAsync(cancellationToken);
        return await groups.GetAsync(groupId, cancellationToken);
    }

    public async Task<GroupDetail> DeleteAsync(int groupId, int sessionId, uint? version, CancellationToken cancellationToken = default)
    {
        var (_, session) = await SessionAsync(groupId, sessionId, cancellationToken);
        Versioning.Expect(db, session, version);
        db.Remove(session);
        db.Remove(session.Record);
        await db.SaveChangesAsync(cancellationToken);
        return await groups.GetAsync(groupId, cancellationToken);
    }

    /// <summary>A group's sessions with their records, tracked, for revising or deleting them together.</summary>
    internal static Task<List<GroupSession>> LoadAsync(ShegongDb db, int groupId, CancellationToken cancellationToken) =>
        db.Set<GroupSession>().Include(s => s.Attendees).Include(s => s.Record).ThenInclude(r => r.Workers)
            .Include(s => s.Record).ThenInclude(r => r.Beneficiaries).Where(s => s.GroupId == groupId).ToListAsync(cancellationToken);

    private async Task<Group> GroupAsync(int groupId, CancellationToken cancellationToken) =>
        await db.Set<Group>().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken)
        ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.GroupNoGroup, groupId));

    private async Task<(Group, GroupSession)> SessionAsync(int groupId, int sessionId, CancellationToken cancellationToken)
    {
        var group = await GroupAsync(groupId, cancellationToken);
        var session = (await LoadAsync(db, groupId, cancellationToken)).FirstOrDefault(s => s.Id == sessionId)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.GroupGroupNoSession, groupId, sessionId));
        return (group, session);
    }

    private static void Validate(GroupSessionForm form) => FormValidation.ThrowIfInvalid(form);

    private static void Apply(GroupSessionForm form, GroupSession session)
    {
        session.Date = form.Date!.Value;
        session.DurationMinutes = form.DurationMinutes!.Value;
        session.Content = form.Content!.Trim();
    }

    /// <summary>Attendees must be members of the group (others come in the head count).</summary>
    private static void SetAttendance(Group group, GroupSession session, List<int>? attendeeIds, int headCount)
    {
        var ids = (attendeeIds ?? []).Distinct().ToList();
        var recorded = session.Attendees.Select(a => a.ResidentId).ToHashSet();
        if (ids.Where(id => !recorded.Contains(id) && group.Members.All(m => m.ResidentId != id)).Select(id => (int?)id).FirstOrDefault() is { } stranger)
        {
            throw RequestProblem.Invalid("attendeeIds",
                Problems.Format(ProblemText.GroupResidentNotMemberGroupCountNonMembers, stranger));
        }
        session.HeadCount = headCount;
        session.Attendees.RemoveAll(a => !ids.Contains(a.ResidentId));
        session.Attendees.AddRange(ids.Where(i => !recorded.Contains(i)).Select(i => new GroupAttendance { ResidentId = i }));
    }
}
