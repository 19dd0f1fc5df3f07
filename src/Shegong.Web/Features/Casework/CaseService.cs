using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Casework;

/// <summary>Cases: list, read, open, edit the intake (here); stage moves, contacts and referrals in the other parts. UI and API share it.</summary>
public sealed partial class CaseService(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public static readonly SortFields<Case> Sorts = new SortFields<Case>()
        .Add("openedOn", c => c.OpenedOn).Add("stage", c => c.Stage).Add("id", c => c.Id);

    private IQueryable<Case> Cases => db.Set<Case>();

    public async Task<PagedResult<CaseRow>> ListAsync(CaseFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id), q => q.ThenBy(c => c.Id))
            .Skip(page.Skip).Take(page.PageSize)
            .Select(c => new CaseRow(c.Id, c.ResidentId, db.Residents.Where(r => r.Id == c.ResidentId).Select(r => r.Name).FirstOrDefault(),
                c.StationId, db.Stations.Where(s => s.Id == c.StationId).Select(s => s.Name).FirstOrDefault(), c.WorkerId,
                db.SocialWorkers.Where(w => w.Id == c.WorkerId).Select(w => w.Name).FirstOrDefault(), c.Stage, c.OpenedOn, c.ClosedOn, c.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<CaseRow>(rows, total);
    }

    public async Task<CaseDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var c = await Cases.AsNoTracking().AsSplitQuery().Include(x => x.Goals).Include(x => x.Contacts).Include(x => x.Events).Include(x => x.Referrals)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var resident = await db.Residents.Where(r => r.Id == c.ResidentId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var station = await db.Stations.Where(s => s.Id == c.StationId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var worker = await db.SocialWorkers.Where(w => w.Id == c.WorkerId).Select(w => w.Name).FirstOrDefaultAsync(cancellationToken);
        var referralIds = c.Referrals.Select(r => r.Id).ToList();
        var answers = await db.Set<ReferralAnswer>().AsNoTracking().Where(a => referralIds.Contains(a.ReferralId))
            .ToDictionaryAsync(a => a.ReferralId, cancellationToken);
        return new CaseDetail(c.Id, c.ResidentId, resident, c.StationId, station, c.WorkerId, worker, c.Stage, Case.NextStage(c.Stage), c.OpenedOn,
            c.IntakeSource, c.PresentingProblem, c.AssessmentSummary, c.PlanSummary, c.EvaluationSummary, c.CloseReason, c.ClosingReport, c.ClosedOn,
            c.NeedsAssessmentId,
            [.. c.Goals.OrderBy(g => g.Id).Select(g => new GoalRow(g.Id, g.Description, g.DueOn, g.Outcome, g.OutcomeNote))],
            [.. c.Contacts.OrderBy(x => x.ContactedOn).ThenBy(x => x.Id)
                .Select(x => new ContactRow(x.Id, x.ContactedOn, x.Channel, x.DurationMinutes, x.Category, x.Content, x.ServiceRecordId))],
            [.. c.Events.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).Select(e => new CaseEventRow(e.Kind, e.From, e.To, e.On, e.By, e.Note))],
            [.. c.Referrals.OrderBy(r => r.Id).Select(r => ToRow(r, answers.GetValueOrDefault(r.Id)))],
            c.Version);
    }

    public async Task<CaseDetail> CreateAsync(CaseForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var opened = form.OpenedOn ?? Today;
        if (opened > Today)
        {
            throw RequestProblem.Invalid("openedOn", ProblemText.CaseCaseCannotOpenInFuture);
        }
        var station = await OpenStationAsync(form.StationId, cancellationToken);
        var resident = await ResidentAtAsync(form.ResidentId, station, cancellationToken);
        var workerId = await WorkerAtAsync(form.WorkerId, station.Id, "workerId", cancellationToken);
        if (form.NeedsAssessmentId is { } assessmentId
            && !await db.Set<NeedsAssessment>().AnyAsync(a => a.Id == assessmentId && a.ResidentId == resident.Id, cancellationToken))
        {
            throw RequestProblem.Invalid("needsAssessmentId", Problems.Format(ProblemText.CaseNoNeedsAssessmentResident, assessmentId));
        }
        var c = Case.Open(resident.Id, station.Id, station.RegionCode, workerId, opened, user.UserName, form.NeedsAssessmentId);
        c.IntakeSource = form.IntakeSource!.Value;
        c.PresentingProblem = form.PresentingProblem!.Trim();
        db.Add(c);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(c.Id, cancellationToken);
    }

    public async Task<CaseDetail> UpdateAsync(int id, CaseForm form, CancellationToken cancellationToken = default)
    {
        var c = await Cases.FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, c, form.Version);
        FormValidation.ThrowIfInvalid(form);
        c.IntakeSource = form.IntakeSource!.Value;
        c.PresentingProblem = form.PresentingProblem!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private IQueryable<Case> Filtered(CaseFilter filter)
    {
        var query = Cases;
        if (!string.IsNullOrEmpty(filter.Region))
        {
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            query = query.Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0);
        }
        if (filter.Stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }
        if (filter.StationId is { } stationId)
        {
            query = query.Where(c => c.StationId == stationId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(c => db.Residents.Any(r => r.Id == c.ResidentId && r.Name.Contains(text)));
        }
        return query;
    }

    /// <summary>A station the caller sees and that is not closed; otherwise a 400 naming <c>stationId</c>.</summary>
    private async Task<Station> OpenStationAsync(int? stationId, CancellationToken cancellationToken)
    {
        if (stationId is null)
        {
            throw RequestProblem.Invalid("stationId", ProblemText.ServiceRecordStationIdRequired);
        }
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken);
        if (station is null || station.Status == StationStatus.Closed)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.AssessmentNoOpenStation, stationId));
        }
        return station;
    }

    /// <summary>A resident the caller sees, living under the station's region (so whoever sees the case sees its resident).</summary>
    private async Task<Resident> ResidentAtAsync(int? residentId, Station station, CancellationToken cancellationToken)
    {
        if (residentId is null)
        {
            throw RequestProblem.Invalid("residentId", ProblemText.CaseResidentIdRequired);
        }
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken)
            ?? throw RequestProblem.Invalid("residentId", Problems.Format(ProblemText.ResidentNoResident, residentId));
        var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
        if (string.CompareOrdinal(resident.RegionCode, low) < 0 || string.CompareOrdinal(resident.RegionCode, high) > 0)
        {
            throw RequestProblem.Invalid("residentId", Problems.Format(ProblemText.CaseResidentDoesNotLiveInSArea, station.Name));
        }
        return resident;
    }

    /// <summary>An active social worker the caller sees, working at the station now.</summary>
    private async Task<int> WorkerAtAsync(int? workerId, int stationId, string field, CancellationToken cancellationToken)
    {
        if (workerId is null)
        {
            throw RequestProblem.Invalid(field, Problems.Format(ProblemText.CaseRequired, field));
        }
        var works = await db.SocialWorkers.AnyAsync(w => w.Id == workerId && w.LeftOn == null
            && w.Assignments.Any(a => a.StationId == stationId && a.To == null), cancellationToken);
        return works ? workerId.Value
            : throw RequestProblem.Invalid(field, Problems.Format(ProblemText.AssessmentSocialWorkerDoesNotWorkAtStation, workerId));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static ReferralRow ToRow(CaseReferral r, ReferralAnswer? a) => new(r.Id, r.CaseId, r.Target, r.TargetStationId, r.TargetName,
        r.FromStationName, r.ResidentName, r.Reason, r.ReferredOn, r.ReferredBy, a?.Accepted, a?.AnsweredOn, a?.AnsweredBy, a?.Note);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.CaseNoCase, id));
}
