using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Pilots;

public enum PilotNoticeKind
{
    /// <summary>The city returned the county's application: edit and resubmit.</summary>
    ApplicationReturned,

    /// <summary>A batch takes applications and the county has submitted none (a draft at most).</summary>
    BatchAwaitsApplication,

    /// <summary>Applications of the city's counties wait for its review.</summary>
    ApplicationsAwaitReview,

    /// <summary>Townships the cities approved wait for the province's decision.</summary>
    TownshipsAwaitConfirmation,

    /// <summary>Pilot projects in scope that miss their standard.</summary>
    ProjectsWithProblems,
}

/// <summary>One thing waiting for the user: how many, in which batch, and the page where it is done.</summary>
public sealed record PilotNotice(PilotNoticeKind Kind, int Count, string BatchName, string Href);

public sealed record PilotNotices(int Total, IReadOnlyList<PilotNotice> Items);

/// <summary>
/// What the pilot workflow waits for from the signed-in user, by role: the county its returned
/// applications and open batches, the city the applications to review, the province the townships
/// to confirm; everyone the projects in their scope with compliance problems. Scoped like every read.
/// </summary>
public sealed class PilotNotificationService(ShegongDb db, CurrentUser user, TimeProvider clock, PilotProjectService projects)
{
    public async Task<PilotNotices> ListAsync(CancellationToken cancellationToken = default)
    {
        var batches = await db.Set<PilotBatch>().AsNoTracking().ToDictionaryAsync(b => b.Id, cancellationToken);
        var items = new List<PilotNotice>();
        var applications = db.Set<PilotApplication>().AsNoTracking();
        if (user.Role == AccountRole.CountyOfficer)
        {
            var own = await applications.Select(a => new { a.Id, a.PilotBatchId, a.Status }).ToListAsync(cancellationToken);
            items.AddRange(own.Where(a => a.Status == PilotApplicationStatus.Returned)
                .Select(a => new PilotNotice(PilotNoticeKind.ApplicationReturned, 1, batches[a.PilotBatchId].Name, $"/pilots/applications/{a.Id}")));
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            foreach (var batch in batches.Values.Where(b => b.Status == PilotBatchStatus.Open && b.OpensOn <= today && today <= b.ClosesOn).OrderBy(b => b.Id))
            {
                var mine = own.FirstOrDefault(a => a.PilotBatchId == batch.Id);
                if (mine is null || mine.Status == PilotApplicationStatus.Draft)
                {
                    var href = mine is null ? $"/pilots/applications/new?batchId={batch.Id}" : $"/pilots/applications/{mine.Id}";
                    items.Add(new PilotNotice(PilotNoticeKind.BatchAwaitsApplication, 1, batch.Name, href));
                }
            }
        }
        if (user.Role == AccountRole.CityOfficer)
        {
            var waiting = await applications.Where(a => a.Status == PilotApplicationStatus.Submitted).GroupBy(a => a.PilotBatchId)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            items.AddRange(waiting.OrderBy(w => w.Key).Select(w => new PilotNotice(PilotNoticeKind.ApplicationsAwaitReview, w.Count, batches[w.Key].Name,
                $"/pilots/applications?batchId={w.Key}&status={PilotApplicationStatus.Submitted}")));
        }
        if (user.Role == AccountRole.ProvinceAdmin)
        {
            var reviewing = batches.Values.Where(b => b.Status == PilotBatchStatus.Reviewing).Select(b => b.Id).ToList();
            var pending = await applications.Where(a => reviewing.Contains(a.PilotBatchId) && a.Status == PilotApplicationStatus.CityApproved)
                .SelectMany(a => a.Townships).Where(t => t.Decision == TownshipDecision.Pending).GroupBy(t => t.PilotBatchId)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            items.AddRange(pending.OrderBy(p => p.Key).Select(p => new PilotNotice(PilotNoticeKind.TownshipsAwaitConfirmation, p.Count, batches[p.Key].Name,
                $"/pilots/{p.Key}/choosing")));
        }
        var inScope = await db.Set<PilotProject>().AsNoTracking().ToListAsync(cancellationToken);
        var compliance = await projects.ComplianceAsync(inScope, cancellationToken);
        items.AddRange(inScope.Where(p => !compliance[p.Id].Compliant).GroupBy(p => p.PilotBatchId).OrderBy(g => g.Key)
            .Select(g => new PilotNotice(PilotNoticeKind.ProjectsWithProblems, g.Count(), batches[g.Key].Name,
                $"/pilots/projects?batchId={g.Key}&problems=true")));
        return new PilotNotices(items.Sum(i => i.Count), items);
    }
}
