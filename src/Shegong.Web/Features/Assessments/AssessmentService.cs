using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Assessments;

/// <summary>
/// Needs assessments: list, read, make, edit, delete; each holds its one service record (category
/// NeedsAssessment), revised and deleted with it. What an assessment leads to is opened from the
/// follow-up's own form with the assessment's id (a case: <c>CaseForm.NeedsAssessmentId</c>; a
/// service request, when that feature lands, the same way), and listed here by <see cref="GetAsync"/>.
/// </summary>
public sealed partial class AssessmentService(ShegongDb db, TimeProvider clock)
{
    public static readonly SortFields<NeedsAssessment> Sorts = new SortFields<NeedsAssessment>()
        .Add("assessedOn", a => a.AssessedOn).Add("subject", a => a.Subject);

    private IQueryable<NeedsAssessment> Assessments => db.Set<NeedsAssessment>();

    public async Task<PagedResult<AssessmentRow>> ListAsync(AssessmentFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Assessments;
        if (!string.IsNullOrEmpty(filter.Region))
        {
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            query = query.Where(a => string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0);
        }
        if (filter.Subject is { } subject)
        {
            query = query.Where(a => a.Subject == subject);
        }
        if (filter.StationId is { } stationId)
        {
            query = query.Where(a => a.StationId == stationId);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id), q => q.ThenBy(a => a.Id))
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new AssessmentRow(a.Id, a.Subject,
                a.Subject == AssessmentSubject.Resident ? db.Residents.Where(r => r.Id == a.ResidentId).Select(r => r.Name).FirstOrDefault()
                    : a.Subject == AssessmentSubject.Household ? db.Residents.Where(r => r.HouseholdId == a.HouseholdId && r.Relation == Residents.HouseholdRelation.Head).Select(r => r.Name).FirstOrDefault()
                    : db.Regions.Where(r => r.Code == a.VillageCode).Select(r => r.Name).FirstOrDefault(),
                db.Stations.Where(s => s.Id == a.StationId).Select(s => s.Name).FirstOrDefault(),
                db.SocialWorkers.Where(w => w.Id == a.AssessorId).Select(w => w.Name).FirstOrDefault(),
                a.AssessedOn, a.Scores.Count(s => s.Priority == NeedPriority.High), a.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<AssessmentRow>(rows, total);
    }

    public async Task<AssessmentDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await Assessments.AsNoTracking().Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var station = await db.Stations.Where(s => s.Id == a.StationId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var assessor = await db.SocialWorkers.Where(w => w.Id == a.AssessorId).Select(w => w.Name).FirstOrDefaultAsync(cancellationToken);
        var cases = await db.Set<Case>().Where(c => c.NeedsAssessmentId == id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        return new AssessmentDetail(a.Id, a.Subject, a.ResidentId, a.HouseholdId, a.VillageCode, await SubjectNameAsync(a, cancellationToken),
            a.StationId, station, a.AssessorId, assessor, a.AssessedOn, a.Channel, a.DurationMinutes, a.IdentifiedNeeds,
            [.. a.Scores.OrderBy(s => s.Domain).Select(s => new DomainScoreRow(s.Domain, s.Score, s.Priority))], a.ServiceRecordId, cases, a.Version);
    }

    public async Task<AssessmentDetail> CreateAsync(AssessmentForm form, CancellationToken cancellationToken = default)
    {
        var a = new NeedsAssessment();
        var subject = await CheckAsync(form, a, cancellationToken);
        a.Record = ServiceRecord.Create(ServiceSource.Assessment, a.StationId, a.RegionCode, Facts(a, subject));
        db.Add(a);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(a.Id, cancellationToken);
    }

    public async Task<AssessmentDetail> UpdateAsync(int id, AssessmentForm form, CancellationToken cancellationToken = default)
    {
        var a = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, a, form.Version);
        var subject = await CheckAsync(form, a, cancellationToken);
        a.Record.Revise(Facts(a, subject));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task DeleteAsync(int id, uint? version, CancellationToken cancellationToken = default)
    {
        var a = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, a, version);
        // A case opened from it sits at the same station, so the scoped query sees it; one the caller
        // cannot see is still refused by the foreign key (restrict), as a 400, without naming it.
        if (await db.Set<Case>().AnyAsync(c => c.NeedsAssessmentId == id, cancellationToken))
        {
            throw RequestProblem.Conflict(ProblemText.AssessmentCaseWasOpenedFromAssessmentSoCannot);
        }
        db.Remove(a);
        db.Remove(a.Record);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<NeedsAssessment> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await Assessments.Include(a => a.Scores).Include(a => a.Record).ThenInclude(r => r.Workers).Include(a => a.Record).ThenInclude(r => r.Beneficiaries)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound(id);

    // The people served: the resident, or the household's members; a community assessment names nobody.
    private static ServiceFacts Facts(NeedsAssessment a, IReadOnlyCollection<int> residents) =>
        new(a.AssessedOn, ServiceCategory.NeedsAssessment, a.Subject == AssessmentSubject.Community ? ServiceMethod.CommunityWork : ServiceMethod.Other,
            a.Channel, a.DurationMinutes, [a.AssessorId], residents, 0, Content: a.IdentifiedNeeds.Length > 1000 ? a.IdentifiedNeeds[..1000] : a.IdentifiedNeeds);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.AssessmentNoNeedsAssessment, id));

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
