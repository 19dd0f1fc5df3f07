using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Assessments;

/// <summary>The form's rules: the station, the subject under the station's area, the assessor at the station, all eight domains once.</summary>
public sealed partial class AssessmentService
{
    /// <summary>Checks the form, writes it into <paramref name="a"/>, and answers the residents the assessment serves.</summary>
    private async Task<IReadOnlyCollection<int>> CheckAsync(AssessmentForm form, NeedsAssessment a, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        foreach (var score in form.Scores!)
        {
            FormValidation.ThrowIfInvalid(score);
        }
        var missing = Enum.GetValues<NeedDomain>().Where(d => form.Scores!.Count(s => s.Domain == d) != 1).ToList();
        if (missing.Count > 0)
        {
            throw RequestProblem.Invalid("scores", Problems.Format(ProblemText.AssessmentScoreEachDomainOnce, Names.List(missing.Select(d => Names.Of(d)))));
        }
        if (form.AssessedOn > Today)
        {
            throw RequestProblem.Invalid("assessedOn", ProblemText.AssessmentAssessmentCannotDatedInFuture);
        }
        var stationId = a.Id == 0 ? form.StationId : a.StationId;
        var station = stationId is null ? null : await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken);
        if (station is null || (a.Id == 0 && station.Status == StationStatus.Closed))
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.AssessmentNoOpenStation, stationId));
        }
        var (village, residents) = await SubjectAsync(form, station, cancellationToken);
        if (!await db.SocialWorkers.AnyAsync(w => w.Id == form.AssessorId && w.Assignments.Any(x => x.StationId == station.Id && x.To == null), cancellationToken))
        {
            throw RequestProblem.Invalid("assessorId", Problems.Format(ProblemText.AssessmentSocialWorkerDoesNotWorkAtStation, form.AssessorId));
        }
        a.StationId = station.Id;
        a.RegionCode = station.RegionCode;
        a.Subject = form.Subject!.Value;
        a.ResidentId = a.Subject == AssessmentSubject.Resident ? form.ResidentId : null;
        a.HouseholdId = a.Subject == AssessmentSubject.Household ? form.HouseholdId : null;
        a.VillageCode = village;
        a.AssessorId = form.AssessorId!.Value;
        a.AssessedOn = form.AssessedOn!.Value;
        a.Channel = form.Channel!.Value;
        a.DurationMinutes = form.DurationMinutes!.Value;
        a.IdentifiedNeeds = form.IdentifiedNeeds!.Trim();
        foreach (var given in form.Scores!)
        {
            var score = a.Scores.FirstOrDefault(s => s.Domain == given.Domain);
            if (score is null)
            {
                a.Scores.Add(score = new DomainScore { Domain = given.Domain!.Value });
            }
            score.Score = given.Score!.Value;
            score.Priority = given.Priority!.Value;
        }
        return residents;
    }

    /// <summary>The subject's village and the residents it names; the subject must lie under the station's region.</summary>
    private async Task<(string Village, IReadOnlyCollection<int> Residents)> SubjectAsync(AssessmentForm form, Station station, CancellationToken cancellationToken)
    {
        var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
        bool Inside(string code) => string.CompareOrdinal(code, low) >= 0 && string.CompareOrdinal(code, high) <= 0;
        switch (form.Subject)
        {
            case AssessmentSubject.Resident:
                var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == form.ResidentId, cancellationToken);
                return resident is not null && Inside(resident.RegionCode) ? (resident.RegionCode, [resident.Id])
                    : throw RequestProblem.Invalid("residentId", ProblemText.AssessmentChooseResidentLivingInStationSArea);
            case AssessmentSubject.Household:
                var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == form.HouseholdId, cancellationToken);
                if (household is null || !Inside(household.RegionCode))
                {
                    throw RequestProblem.Invalid("householdId", ProblemText.AssessmentChooseHouseholdLivingInStationSArea);
                }
                var members = await db.Residents.Where(r => r.HouseholdId == household.Id).Select(r => r.Id).ToListAsync(cancellationToken);
                return (household.RegionCode, members);
            default:
                var village = form.VillageCode is { Length: RegionCode.Length } code && Inside(code)
                    ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Level == RegionLevel.Village, cancellationToken)
                    : null;
                return village is not null ? (village.Code, [])
                    : throw RequestProblem.Invalid("villageCode", ProblemText.AssessmentChooseVillageInStationSArea);
        }
    }

    private async Task<string?> SubjectNameAsync(NeedsAssessment a, CancellationToken cancellationToken) => a.Subject switch
    {
        AssessmentSubject.Resident => await db.Residents.Where(r => r.Id == a.ResidentId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken),
        AssessmentSubject.Household => await db.Residents.Where(r => r.HouseholdId == a.HouseholdId && r.Relation == HouseholdRelation.Head)
            .Select(r => r.Name).FirstOrDefaultAsync(cancellationToken),
        _ => await db.Regions.Where(r => r.Code == a.VillageCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken),
    };
}
