using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Platform;

/// <summary>The province's 2025 figures recomputed from the demo's raw service records.</summary>
internal sealed record DemoFigures(int Residents, int Records, int AssistancePersonTimes, int CarePersonTimes, int IndustryHelps,
    int Activities, decimal LinkedYuan, int PersonTimesReached, int Beneficiaries, long Checksum)
{
    public static async Task<DemoFigures> ReadAsync(ShegongDb db, CancellationToken ct)
    {
        var year = db.ServiceRecords.Where(r => r.ServedOn >= new DateOnly(2025, 1, 1) && r.ServedOn <= new DateOnly(2025, 12, 31));
        int Times(ServiceCategory category) => year.Where(r => r.Category == category).Sum(r => r.PersonTimes);
        // Decimal sums are computed here: SQLite keeps decimals as text.
        var yuan = (await year.Where(r => r.ValueYuan != null).Select(r => r.ValueYuan!.Value).ToListAsync(ct)).Sum();
        var checksum = (await year.OrderBy(r => r.Id).Select(r => new { r.Id, r.StationId, r.PersonTimes, r.ServedOn.DayNumber }).ToListAsync(ct))
            .Aggregate(17L, (h, r) => unchecked(h * 31 + r.Id * 7 + r.StationId * 13 + r.PersonTimes * 3 + r.DayNumber));
        return new DemoFigures(
            await db.Residents.CountAsync(ct),
            await year.CountAsync(ct),
            Times(ServiceCategory.SocialAssistance),
            Times(ServiceCategory.ElderlyAndChildCare),
            await year.CountAsync(r => r.Category == ServiceCategory.IndustryDevelopment, ct),
            // Activities are real activities, each counted through the one record it made.
            await db.Set<CommunityActivity>().CountAsync(a => a.Date >= new DateOnly(2025, 1, 1) && a.Date <= new DateOnly(2025, 12, 31)
                && a.Record.Source == ServiceSource.Activity && a.Record.ServedOn == a.Date && a.Record.PersonTimes == a.ParticipantCount, ct),
            yuan,
            await year.SumAsync(r => r.PersonTimes, ct),
            await db.ServiceBeneficiaries.CountAsync(ct),
            checksum);
    }

    /// <summary>The seed's published figures, each within 5%.</summary>
    public void AssertPublishedFigures()
    {
        Assert.InRange(Residents, 20_000, 80_000);
        Near(64_500, AssistancePersonTimes);
        Near(191_400, CarePersonTimes);
        Near(3_388, IndustryHelps);
        Near(8_298, Activities);
        Near(28_460_000m, LinkedYuan);
        Near(2_500_000, PersonTimesReached);
        Assert.True(Beneficiaries > Records / 2, "most records name the residents served");
    }

    private static void Near(decimal expected, decimal actual) =>
        Assert.InRange(actual, expected * 0.95m, expected * 1.05m);
}

/// <summary>
/// The demo's cases, groups, assessments and requests, checked against the records they hold: every
/// Casework record is a case contact's, every GroupWork one a session's, every NeedsAssessment one an
/// assessment's, each source holds exactly one record saying what it says, and the dates follow the
/// stages and steps. <see cref="Shape"/> sums them up for the same-seed comparison.
/// </summary>
internal sealed record DemoSources(string Shape)
{
    private static readonly DateOnly YearStart = new(2025, 1, 1);
    private static readonly DateOnly YearEnd = new(2025, 12, 31);

    public static async Task<DemoSources> ReadCheckedAsync(ShegongDb db, CancellationToken ct)
    {
        var cases = db.Set<Case>();
        var contacts = db.Set<CaseContact>();
        var sessions = db.Set<GroupSession>();
        var assessments = db.Set<NeedsAssessment>();

        // Cases in every stage, most in intervention or closed.
        var stages = await cases.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Assert.All(Enum.GetValues<CaseStage>(), s => Assert.True(stages.GetValueOrDefault(s) > 0, $"cases in {s}"));
        var caseCount = stages.Values.Sum();
        Assert.InRange(caseCount, 2_000, 8_000);
        Assert.True(stages[CaseStage.Intervention] + stages[CaseStage.Closed] > caseCount / 2, "most cases in intervention or closed");

        // Every Casework record is a contact's, every GroupWork one a session's, every NeedsAssessment one an assessment's.
        Assert.Equal(0, await db.ServiceRecords.CountAsync(r => r.Method == ServiceMethod.Casework
            && (r.Source != ServiceSource.CaseContact || !contacts.Any(x => x.ServiceRecordId == r.Id)), ct));
        Assert.Equal(0, await db.ServiceRecords.CountAsync(r => r.Method == ServiceMethod.GroupWork
            && (r.Source != ServiceSource.GroupSession || !sessions.Any(s => s.ServiceRecordId == r.Id)), ct));
        Assert.Equal(0, await db.ServiceRecords.CountAsync(r => r.Category == ServiceCategory.NeedsAssessment
            && (r.Source != ServiceSource.Assessment || !assessments.Any(a => a.ServiceRecordId == r.Id)), ct));
        // ... and each source's record is of its kind: one per source, no two sources sharing one.
        Assert.Equal(await contacts.CountAsync(ct), await db.ServiceRecords.CountAsync(r => r.Source == ServiceSource.CaseContact, ct));
        Assert.Equal(await sessions.CountAsync(ct), await db.ServiceRecords.CountAsync(r => r.Source == ServiceSource.GroupSession, ct));
        Assert.Equal(await assessments.CountAsync(ct), await db.ServiceRecords.CountAsync(r => r.Source == ServiceSource.Assessment, ct));
        Assert.Equal(await db.ServiceRequests.CountAsync(r => r.Status == RequestStatus.Completed, ct),
            await db.ServiceRecords.CountAsync(r => r.Source == ServiceSource.Request, ct));

        // A contact's record: its date, method Casework, the case's resident once (person-times 1), not before the case opened.
        Assert.Equal(0, await (from x in contacts
                               join c in cases on x.CaseId equals c.Id
                               where x.Record.Source != ServiceSource.CaseContact || x.Record.Method != ServiceMethod.Casework
                                   || x.Record.ServedOn != x.ContactedOn || x.Record.PersonTimes != 1 || x.Record.StationId != c.StationId
                                   || x.Record.Beneficiaries.Count != 1 || !x.Record.Beneficiaries.Any(b => b.ResidentId == c.ResidentId)
                                   || x.Record.Workers.Count != 1 || x.ContactedOn < c.OpenedOn
                               select x.Id).CountAsync(ct));
        // A session's record: its date, its attendees named, person-times = attendees + head count (docs/person-times.md).
        Assert.Equal(0, await sessions.CountAsync(s => s.Record.Source != ServiceSource.GroupSession || s.Record.Method != ServiceMethod.GroupWork
            || s.Record.ServedOn != s.Date || s.Record.HeadCount != s.HeadCount || s.Record.Beneficiaries.Count != s.Attendees.Count
            || s.Record.PersonTimes != s.Attendees.Count + s.HeadCount, ct));
        Assert.Equal(0, await db.Set<GroupAttendance>().CountAsync(a => !db.Set<GroupMember>().Any(m => m.ResidentId == a.ResidentId
            && sessions.Any(s => s.Id == a.GroupSessionId && s.GroupId == m.GroupId)), ct));
        var groupStages = await db.Set<Group>().GroupBy(g => g.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Assert.All(Enum.GetValues<GroupStage>(), s => Assert.True(groupStages.GetValueOrDefault(s) > 0, $"groups in {s}"));
        // An assessment's record: its date, its resident, and a score for each of the eight domains.
        Assert.Equal(0, await assessments.CountAsync(a => a.Record.Source != ServiceSource.Assessment || a.Record.ServedOn != a.AssessedOn
            || a.Record.Beneficiaries.Count != 1 || !a.Record.Beneficiaries.Any(b => b.ResidentId == a.ResidentId) || a.Scores.Count != 8, ct));
        Assert.True(await cases.CountAsync(c => c.NeedsAssessmentId != null
            && assessments.Any(a => a.Id == c.NeedsAssessmentId && a.ResidentId == c.ResidentId && a.AssessedOn <= c.OpenedOn), ct) > 100,
            "cases opened from an assessment of their resident");

        // Stage records and dates: intake to closing in 2025, no move before the case opened or before the move before it.
        Assert.Equal(0, await cases.CountAsync(c => c.OpenedOn < YearStart || c.Events.Any(e => e.On < c.OpenedOn || e.On > YearEnd), ct));
        // (Stages are stored by name, so they are listed rather than compared.)
        Assert.Equal(0, await cases.CountAsync(c => (c.Stage == CaseStage.Planning || c.Stage == CaseStage.Intervention || c.Stage == CaseStage.Evaluation
            || c.Stage == CaseStage.Closed) && c.AssessmentSummary == null, ct));
        Assert.Equal(0, await cases.CountAsync(c => (c.Stage == CaseStage.Intervention || c.Stage == CaseStage.Evaluation) && !c.Goals.Any(), ct));
        Assert.Equal(0, await cases.CountAsync(c => (c.Stage == CaseStage.Evaluation || c.Stage == CaseStage.Closed) && !c.Contacts.Any(), ct));
        Assert.Equal(0, await cases.CountAsync(c => c.Stage == CaseStage.Closed && (c.ClosingReport == null || c.CloseReason == null
            || c.EvaluationSummary == null || c.ClosedOn == null || c.Goals.Any(g => g.Outcome == null)), ct));
        var events = await db.Set<CaseEvent>().OrderBy(e => e.CaseId).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .Select(e => new { e.CaseId, e.Kind, e.On }).ToListAsync(ct);
        Assert.All(events.GroupBy(e => e.CaseId), g => Assert.True(g.Zip(g.Skip(1)).All(p => p.First.On <= p.Second.On), $"case {g.Key}'s moves in date order"));
        var kinds = events.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds.GetValueOrDefault(CaseEventKind.Reopened) > 0 && kinds.GetValueOrDefault(CaseEventKind.Transferred) > 0
            && kinds.GetValueOrDefault(CaseEventKind.Referred) > 0, "some cases reopened, transferred and referred");
        var referrals = await db.Set<CaseReferral>().Select(r => db.Set<ReferralAnswer>().Where(a => a.ReferralId == r.Id).Select(a => (bool?)a.Accepted).FirstOrDefault())
            .ToListAsync(ct);
        Assert.Contains(true, referrals);
        Assert.Contains(false, referrals);
        Assert.Contains(null, referrals);

        // Requests in every step; step times in order; completed ones rated 1-5 or not at all.
        var requests = await db.ServiceRequests.Select(r => new
        {
            r.Status,
            r.RaisedAt,
            r.TriagedAt,
            r.AssignedAt,
            r.VisitedAt,
            r.CompletedAt,
            r.RatedAt,
            r.DeclinedAt,
            r.Satisfaction,
            r.ServiceRecordId,
            ServedOn = r.Record == null ? (DateOnly?)null : r.Record.ServedOn,
        }).ToListAsync(ct);
        Assert.All(Enum.GetValues<RequestStatus>(), s => Assert.Contains(requests, r => r.Status == s));
        Assert.InRange(requests.Count, 2_000, 6_000);
        Assert.All(requests, r =>
        {
            DateTime?[] steps = [r.RaisedAt, r.TriagedAt, r.AssignedAt, r.VisitedAt, r.CompletedAt, r.RatedAt];
            var taken = steps.TakeWhile(t => t is not null).ToList();
            Assert.True(steps.Skip(taken.Count).All(t => t is null), "no step without the steps before it");
            Assert.True(taken.Zip(taken.Skip(1)).All(p => p.First <= p.Second), "step times in order");
            Assert.True(r.RaisedAt.Year == 2025, "raised in 2025");
            if (r.DeclinedAt is { } declined)
            {
                Assert.True(declined >= (r.TriagedAt ?? r.RaisedAt));
            }
        });
        Assert.All(requests.Where(r => r.Status == RequestStatus.Completed), r =>
        {
            Assert.NotNull(r.ServiceRecordId);
            Assert.True(r.Satisfaction is null or (>= 1 and <= 5));
            Assert.True(DateOnly.FromDateTime(r.CompletedAt!.Value) == r.ServedOn, "completed the day of its service");
        });
        Assert.Contains(requests, r => r.Satisfaction is not null);

        await AssertPeopleWereThereAsync(db, ct);

        var shape = string.Join(";", stages.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))
            + $"|contacts={await contacts.CountAsync(ct)}|groups={string.Join(",", groupStages.OrderBy(s => s.Key).Select(s => s.Value))}"
            + $"|sessions={await sessions.CountAsync(ct)}|assessments={await assessments.CountAsync(ct)}"
            + $"|requests={string.Join(",", requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => g.Count()))}"
            + $"|events={events.Count}|referrals={referrals.Count}";
        return new DemoSources(shape);
    }

    /// <summary>
    /// Who served was there that day: a record names only workers posted at its station on its day, never a day before the
    /// station opened; a case's worker, a group's leader and a request's assigned worker were posted at the station when
    /// the case opened (or was handed to them), the group was set up and the request was assigned.
    /// </summary>
    private static async Task AssertPeopleWereThereAsync(ShegongDb db, CancellationToken ct)
    {
        var posts = db.StationAssignments;
        Assert.Equal(0, await (from w in db.ServiceRecordWorkers
                               join r in db.ServiceRecords on w.ServiceRecordId equals r.Id
                               where !posts.Any(a => a.SocialWorkerId == w.SocialWorkerId && a.StationId == r.StationId && a.From <= r.ServedOn
                                   && (a.To == null || a.To >= r.ServedOn))
                               select w.Id).CountAsync(ct));
        Assert.Equal(0, await db.ServiceRecords.CountAsync(r => db.Stations.Any(s => s.Id == r.StationId && (s.OpenedOn == null || s.OpenedOn > r.ServedOn)), ct));
        // (A case handed over holds its new worker from the day of the handover.)
        Assert.Equal(0, await db.Set<Case>().CountAsync(c => !posts.Any(a => a.SocialWorkerId == c.WorkerId && a.StationId == c.StationId
            && a.From <= (c.Events.Where(e => e.Kind == CaseEventKind.Transferred).Max(e => (DateOnly?)e.On) ?? c.OpenedOn)), ct));
        var since = (await posts.Select(a => new { a.SocialWorkerId, a.StationId, a.From }).ToListAsync(ct))
            .ToLookup(a => (a.SocialWorkerId, a.StationId), a => a.From);
        bool Posted(int worker, int station, DateTime at) => since[(worker, station)].Any(from => from <= DateOnly.FromDateTime(at));
        Assert.All(await db.Set<Group>().Select(g => new { g.LeaderId, g.StationId, g.CreatedAt }).ToListAsync(ct),
            g => Assert.True(Posted(g.LeaderId, g.StationId, g.CreatedAt), "a group's leader was at the station when it was set up"));
        Assert.All(await db.ServiceRequests.Where(r => r.AssignedWorkerId != null).Select(r => new { r.AssignedWorkerId, r.StationId, r.AssignedAt }).ToListAsync(ct),
            r => Assert.True(Posted(r.AssignedWorkerId!.Value, r.StationId!.Value, r.AssignedAt!.Value), "a request's worker was at the station when assigned"));
    }

    /// <summary>The demo worker (<see cref="DemoAccounts"/>) has open cases, requests assigned and a group with sessions left.</summary>
    public static async Task AssertDemoWorkerHasWorkAsync(ShegongDb db, CancellationToken ct)
    {
        var place = await DemoAccounts.WorkerPlaceAsync(db, ct);
        Assert.NotNull(place);
        var worker = place.WorkerId;
        Assert.True(await db.Set<Case>().CountAsync(c => c.WorkerId == worker && c.Stage != CaseStage.Closed, ct) >= 3, "the demo worker's open cases");
        Assert.True(await db.ServiceRequests.CountAsync(r => r.AssignedWorkerId == worker
            && (r.Status == RequestStatus.Assigned || r.Status == RequestStatus.Visited), ct) >= 2, "requests assigned to the demo worker");
        Assert.True(await db.Set<Group>().AnyAsync(g => g.LeaderId == worker && g.Stage != GroupStage.Ending
            && db.Set<GroupSession>().Count(s => s.GroupId == g.Id) < g.PlannedSessions, ct), "a group of the demo worker still meeting");
    }
}
