using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Pilots;

/// <summary>The checks of an application's townships, and the province's decisions.</summary>
public sealed partial class PilotApplicationService
{
    private async Task SetTownshipsAsync(PilotApplication application, List<PilotTownshipForm>? townships, CancellationToken cancellationToken)
    {
        if (townships is not { Count: > 0 })
        {
            throw RequestProblem.Invalid("townships", ProblemText.PilotTownshipsRequired);
        }
        var codes = townships.Select(t => t.TownshipCode ?? "").ToList();
        var inCounty = await db.Regions.AsNoTracking()
            .Where(r => codes.Contains(r.Code) && r.Level == RegionLevel.Township && r.ParentCode == application.RegionCode)
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        for (var i = 0; i < townships.Count; i++)
        {
            var t = townships[i];
            var field = $"townships[{i}]";
            if (!inCounty.TryGetValue(t.TownshipCode ?? "", out var name))
            {
                throw RequestProblem.Invalid($"{field}.townshipCode", Problems.Format(ProblemText.PilotTownshipNotInCounty, t.TownshipCode ?? ""));
            }
            if (codes.IndexOf(t.TownshipCode!) != i)
            {
                throw RequestProblem.Invalid($"{field}.townshipCode", Problems.Format(ProblemText.PilotTownshipTwice, name));
            }
            if (t.BuildPath is null)
            {
                throw RequestProblem.Invalid($"{field}.buildPath", Problems.Format(ProblemText.PilotBuildPathRequired, name));
            }
            if (string.IsNullOrWhiteSpace(t.PlannedStationName))
            {
                throw RequestProblem.Invalid($"{field}.plannedStationName", Problems.Format(ProblemText.PilotStationNameRequired, name));
            }
            if (string.IsNullOrWhiteSpace(t.Justification))
            {
                throw RequestProblem.Invalid($"{field}.justification", Problems.Format(ProblemText.PilotJustificationRequired, name));
            }
            if (t.PlannedStationName.Trim().Length > PilotLimits.NameLength || t.Justification.Trim().Length > PilotLimits.TextLength)
            {
                throw RequestProblem.Invalid(field, ProblemText.PilotTextCharacters);
            }
        }
        // Kept rows are edited in place, so the unique "township once per batch" index never sees a row twice.
        application.Townships.RemoveAll(t => !codes.Contains(t.TownshipCode));
        foreach (var t in townships)
        {
            var row = application.Townships.FirstOrDefault(x => x.TownshipCode == t.TownshipCode);
            if (row is null)
            {
                row = new PilotApplicationTownship { PilotBatchId = application.PilotBatchId, TownshipCode = t.TownshipCode!, PlannedStationName = "", Justification = "" };
                application.Townships.Add(row);
            }
            row.BuildPath = t.BuildPath!.Value;
            row.PlannedStationName = t.PlannedStationName!.Trim();
            row.Justification = t.Justification!.Trim();
        }
    }

    private async Task<PilotApplicationDetail> DecideAsync(int id, PilotDecisionForm form, bool amendment, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, application, form.Version);
        if (user.Role != AccountRole.ProvinceAdmin)
        {
            throw RequestProblem.Forbidden(ProblemText.PilotDecideByProvince);
        }
        CheckLength(form.Reason);
        var batch = await db.Set<PilotBatch>().FirstAsync(b => b.Id == application.PilotBatchId, cancellationToken);
        if (amendment && batch.Status is not (PilotBatchStatus.Confirmed or PilotBatchStatus.Closed))
        {
            throw RequestProblem.Conflict(ProblemText.PilotAmendOnlyConfirmed);
        }
        if (!amendment)
        {
            batch.EnsureReviewing();
        }
        var township = application.Decide(form.TownshipCode ?? "", form.Confirm, form.Subsidy, user.UserName, clock.GetUtcNow().UtcDateTime,
            form.Reason, amendment);
        if (amendment)
        {
            await AmendProjectAsync(batch, township, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private async Task AmendProjectAsync(PilotBatch batch, PilotApplicationTownship township, CancellationToken cancellationToken)
    {
        var project = await db.Set<PilotProject>().Include(p => p.Disbursements)
            .FirstOrDefaultAsync(p => p.PilotApplicationTownshipId == township.Id, cancellationToken);
        if (township.Decision == TownshipDecision.Confirmed)
        {
            if (project is null)
            {
                db.Add(PilotBatchService.NewProject(batch, township));
            }
            else
            {
                project.GrantedSubsidy = township.Subsidy ?? batch.StandardSubsidy;
            }
            return;
        }
        if (project is not null)
        {
            if (project.Disbursements.Count > 0)
            {
                throw RequestProblem.Conflict(ProblemText.PilotAmendHasDisbursements);
            }
            db.Remove(project);
        }
    }
}
