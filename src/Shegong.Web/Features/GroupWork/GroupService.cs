using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.GroupWork;

/// <summary>Groups: list, read, create, edit, move stage, delete (with their sessions and records). UI and API share it.</summary>
public sealed class GroupService(ShegongDb db, ResidentChoices residents)
{
    public static readonly SortFields<Group> Sorts = new SortFields<Group>()
        .Add("name", g => g.Name).Add("stage", g => g.Stage).Add("type", g => g.Type).Add("createdAt", g => g.CreatedAt);

    public async Task<PagedResult<GroupRow>> ListAsync(GroupFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id), q => q.ThenByDescending(g => g.Id))
            .Skip(page.Skip).Take(page.PageSize)
            // Station and leader by correlated lookups, never IgnoreQueryFilters (it would lift the scope from the whole query).
            .Select(g => new GroupRow(g.Id, g.Name, g.StationId, db.Stations.Where(s => s.Id == g.StationId).Select(s => s.Name).FirstOrDefault() ?? "",
                g.RegionCode, g.Type, g.Category, g.Stage,
                db.SocialWorkers.Where(w => w.Id == g.LeaderId).Select(w => w.Name).FirstOrDefault() ?? "",
                g.PlannedSessions, db.Set<GroupSession>().Count(s => s.GroupId == g.Id), g.Members.Count, g.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<GroupRow>(rows, total);
    }

    public async Task<GroupDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var group = await db.Set<Group>().AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound(id);
        var station = await db.Stations.IgnoreQueryFilters().Where(s => s.Id == group.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
        var leader = await db.SocialWorkers.IgnoreQueryFilters().Where(w => w.Id == group.LeaderId).Select(w => w.Name).FirstAsync(cancellationToken);
        var members = await residents.NamesAsync(group.Members.Select(m => m.ResidentId), cancellationToken);
        var sessions = await db.Set<GroupSession>().AsNoTracking().Where(s => s.GroupId == id).OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Date,
                s.DurationMinutes,
                s.Content,
                Attendees = s.Attendees.Select(a => a.ResidentId).ToList(),
                s.HeadCount,
                s.Record.PersonTimes,
                s.ServiceRecordId,
                s.Version
            })
            .ToListAsync(cancellationToken);
        var rows = sessions.Select((s, i) => new GroupSessionRow(s.Id, i + 1, s.Date, s.DurationMinutes, s.Content, s.Attendees, s.HeadCount,
            s.PersonTimes, s.ServiceRecordId, s.Version)).ToList();
        return new GroupDetail(group.Id, group.Name, group.StationId, station, group.RegionCode, group.Purpose, group.Type, group.Category,
            group.LeaderId, leader, group.PlannedSessions, group.Stage, Group.NextStage(group.Stage), members, rows, group.Version);
    }

    public async Task<GroupDetail> CreateAsync(GroupForm form, CancellationToken cancellationToken = default)
    {
        var group = new Group();
        await ApplyAsync(form, group, cancellationToken);
        db.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(group.Id, cancellationToken);
    }

    public async Task<GroupDetail> UpdateAsync(int id, GroupForm form, CancellationToken cancellationToken = default)
    {
        var group = await db.Set<Group>().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, group, form.Version);
        await ApplyAsync(form, group, cancellationToken);
        // The sessions' records carry the group's category and leader: revise them with it.
        var sessions = await GroupSessionService.LoadAsync(db, id, cancellationToken);
        foreach (var session in sessions)
        {
            session.Record.Revise(session.Facts(group));
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<GroupDetail> MoveStageAsync(int id, GroupStageForm form, CancellationToken cancellationToken = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, group, form.Version);
        group.MoveTo(form.Stage);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes the group with its members, its sessions and the sessions' service records.</summary>
    public async Task DeleteAsync(int id, uint? version, CancellationToken cancellationToken = default)
    {
        var group = await db.Set<Group>().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, group, version);
        foreach (var session in await GroupSessionService.LoadAsync(db, id, cancellationToken))
        {
            db.Remove(session);
            db.Remove(session.Record);
        }
        db.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<Group> Filtered(GroupFilter filter)
    {
        var query = ScopedRegion.Under(db.Set<Group>().AsNoTracking(), filter.Region);
        query = filter.Stage is { } stage ? query.Where(g => g.Stage == stage) : query;
        query = filter.Type is { } type ? query.Where(g => g.Type == type) : query;
        query = filter.Category is { } category ? query.Where(g => g.Category == category) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(g => g.Name.Contains(text) || g.Purpose.Contains(text));
        }
        return query;
    }

    /// <summary>The station and leader must be visible; members are residents in scope. A group keeps its station.</summary>
    private async Task ApplyAsync(GroupForm form, Group group, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var isNew = db.Entry(group).State == EntityState.Detached;
        if (!isNew && form.StationId != group.StationId)
        {
            throw RequestProblem.Invalid("stationId", ProblemText.GroupGroupSStationCannotChange);
        }
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.StationId, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupNoStation, form.StationId));
        if (isNew && station.Status == StationStatus.Closed)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupClosed, station.Name));
        }
        if (!await db.SocialWorkers.AnyAsync(w => w.Id == form.LeaderId, cancellationToken) && form.LeaderId != group.LeaderId)
        {
            throw RequestProblem.Invalid("leaderId", Problems.Format(ProblemText.GroupNoSocialWorker, form.LeaderId));
        }
        var recorded = group.Members.Select(m => m.ResidentId).ToList();
        var ids = await residents.RequireAsync("memberIds", form.MemberIds, recorded, cancellationToken);
        group.StationId = station.Id;
        group.RegionCode = station.RegionCode;
        group.Name = form.Name!.Trim();
        group.Purpose = form.Purpose!.Trim();
        group.Type = form.Type!.Value;
        group.Category = form.Category!.Value;
        group.LeaderId = form.LeaderId!.Value;
        group.PlannedSessions = form.PlannedSessions!.Value;
        group.Members.RemoveAll(m => !ids.Contains(m.ResidentId));
        group.Members.AddRange(ids.Where(i => group.Members.All(m => m.ResidentId != i)).Select(i => new GroupMember { ResidentId = i }));
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.GroupNoGroup, id));
}
