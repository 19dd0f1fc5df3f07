using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Workforce.Development;

/// <summary>Trainings or supervisions (one service shape, two kinds): list, read, record, edit.</summary>
public sealed class StaffSessionService<T>(ShegongDb db) where T : StaffSession, new()
{
    /// <summary>The columns a session list may be sorted by (not hours: SQLite cannot order decimals).</summary>
    public static readonly SortFields<T> Sorts = new SortFields<T>()
        .Add("date", s => s.Date).Add("topic", s => s.Topic).Add("leader", s => s.Leader);

    public async Task<PagedResult<StaffSessionRow>> ListAsync(StaffSessionFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(Sorts.Apply(query, page.Sort, q => q.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id), q => q.ThenByDescending(s => s.Id)).Skip(page.Skip).Take(page.PageSize)).ToListAsync(cancellationToken);
        return new PagedResult<StaffSessionRow>(rows, total);
    }

    public async Task<StaffSessionDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<T>().AsNoTracking().Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw NotFound(id);
        var organiser = await db.Stations.IgnoreQueryFilters().Where(s => s.Id == session.OrganiserStationId).Select(s => s.Name).FirstAsync(cancellationToken);
        var ids = session.Attendees.Select(a => a.SocialWorkerId).ToList();
        var attendees = await db.SocialWorkers.IgnoreQueryFilters().Where(w => ids.Contains(w.Id)).OrderBy(w => w.Id)
            .Select(w => new AttendeeRow(w.Id, w.Name)).ToListAsync(cancellationToken);
        return new StaffSessionDetail(session.Id, session.OrganiserStationId, organiser, session.RegionCode, session.Date, session.Hours,
            session.Topic, session.Leader, session.Note, attendees, session.Version);
    }

    public async Task<StaffSessionDetail> CreateAsync(StaffSessionForm form, CancellationToken cancellationToken = default)
    {
        var session = new T();
        await ApplyAsync(form, session, cancellationToken);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(session.Id, cancellationToken);
    }

    public async Task<StaffSessionDetail> UpdateAsync(int id, StaffSessionForm form, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<T>().Include(s => s.Attendees).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, session, form.Version);
        await ApplyAsync(form, session, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private IQueryable<T> Filtered(StaffSessionFilter filter)
    {
        var query = db.Set<T>().AsQueryable();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            var (low, high) = WorkforceRegions.Range(filter.Region);
            query = query.Where(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0);
        }
        if (filter.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(s => s.Date >= from && s.Date <= to);
        }
        query = filter.SocialWorkerId is { } workerId ? query.Where(s => s.Attendees.Any(a => a.SocialWorkerId == workerId)) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(s => s.Topic.Contains(text) || s.Leader.Contains(text));
        }
        return query;
    }

    // The organiser's name by a correlated lookup: IgnoreQueryFilters on a joined set would lift
    // the scope's filters from the whole query, sessions included. The organiser shares the
    // session's region, so it is visible whenever the session is.
    private IQueryable<StaffSessionRow> Rows(IQueryable<T> query) => query.Select(s => new StaffSessionRow(s.Id, s.OrganiserStationId,
        db.Stations.Where(st => st.Id == s.OrganiserStationId).Select(st => st.Name).FirstOrDefault() ?? "", s.RegionCode, s.Date, s.Hours,
        s.Topic, s.Leader, s.Attendees.Count));

    /// <summary>The organiser is a county station or city centre in scope; attendees are workers in scope.</summary>
    private async Task ApplyAsync(StaffSessionForm form, T session, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var organiser = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.OrganiserStationId, cancellationToken)
            ?? throw RequestProblem.Invalid("organiserStationId", Problems.Format(ProblemText.NoStationWithId, form.OrganiserStationId));
        if (organiser.Level is not (StationLevel.CountyStation or StationLevel.CitySupportCentre))
        {
            throw RequestProblem.Invalid("organiserStationId",
                Problems.Format(ProblemText.SessionOrganiserLevel, organiser.Name));
        }
        var ids = (form.AttendeeIds ?? []).Distinct().ToList();
        // Attendees already recorded may lie outside the editor's scope (a city officer recorded
        // them): they may stay in the list, but only someone who sees them may drop them.
        var recorded = session.Attendees.Select(a => a.SocialWorkerId).ToList();
        var visible = await db.SocialWorkers.Where(w => ids.Contains(w.Id) || recorded.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
        // Ids outside the scope are not found, and answer like ids that do not exist (0 and -1 too).
        if (ids.Except(visible).Except(recorded).ToList() is [var missing, ..])
        {
            throw RequestProblem.Invalid("attendeeIds", Problems.Format(ProblemText.NoSocialWorkerWithId, missing));
        }
        if (recorded.Except(visible).Any(id => !ids.Contains(id)))
        {
            throw RequestProblem.Forbidden(ProblemText.SessionAttendanceOutsideScope);
        }
        session.OrganiserStationId = organiser.Id;
        session.RegionCode = organiser.RegionCode;
        session.Date = form.Date!.Value;
        session.Hours = form.Hours!.Value;
        session.Topic = form.Topic!.Trim();
        session.Leader = form.Leader!.Trim();
        session.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        session.Attendees.RemoveAll(a => !ids.Contains(a.SocialWorkerId));
        session.Attendees.AddRange(ids.Where(i => session.Attendees.All(a => a.SocialWorkerId != i)).Select(i => new SessionAttendance { SocialWorkerId = i }));
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(typeof(T) == typeof(Training)
        ? Problems.Format(ProblemText.SessionNoTrainingId, id)
        : Problems.Format(ProblemText.SessionNoSupervisionId, id));
}
