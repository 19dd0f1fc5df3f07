using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Workforce.Agencies;

namespace Shegong.Web.Features.Workforce.Contracts;

/// <summary>The checks of a contract form, and the one-operator-per-station rule.</summary>
public sealed partial class ContractService
{
    private async Task ApplyAsync(ContractForm form, ServiceContract contract, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var buyer = await WorkforceRegions.RequireAsync(db, "regionCode", form.RegionCode!, [RegionLevel.City, RegionLevel.County], cancellationToken);
        if (!db.Scope.Contains(buyer.Code))
        {
            throw RequestProblem.Forbidden(Problems.Format(ProblemText.OutsideYourScope, buyer.Name));
        }
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == form.AgencyId, cancellationToken)
            ?? throw RequestProblem.Invalid("agencyId", Problems.Format(ProblemText.NoAgencyWithId, form.AgencyId));
        if (agency.Status != AgencyStatus.Active)
        {
            throw RequestProblem.Invalid("agencyId", Problems.Format(ProblemText.ContractNotActiveAgency, agency.Name));
        }
        var stationIds = (form.StationIds ?? []).Distinct().ToList();
        var (low, high) = RegionCode.SubtreeRange(buyer.Code);
        var stations = await db.Stations.AsNoTracking().Where(s => stationIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.RegionCode }).ToListAsync(cancellationToken);
        if (stations.Count != stationIds.Count)
        {
            var missing = stationIds.Except(stations.Select(s => s.Id)).First();
            throw RequestProblem.Invalid("stationIds", Problems.Format(ProblemText.NoStationWithId, missing));
        }
        if (stations.FirstOrDefault(s => string.CompareOrdinal(s.RegionCode, low) < 0 || string.CompareOrdinal(s.RegionCode, high) > 0) is { } outside)
        {
            throw RequestProblem.Invalid("stationIds", Problems.Format(ProblemText.ContractStationOutsideBuyer, outside.Name, buyer.Name));
        }
        if (form.CategoryTargets?.Values.Any(v => v < 0) == true || form.MethodTargets?.Values.Any(v => v < 0) == true)
        {
            throw RequestProblem.Invalid("categoryTargets", ProblemText.ContractTargetsNegative);
        }
        if (form.MethodTargets?.ContainsKey(ServiceMethod.Other) == true)
        {
            // Other covers visits and one-off help in service records; a contract buys the three professional methods.
            throw RequestProblem.Invalid("methodTargets", ProblemText.WorkforceContractTargetsCaseworkGroupWorkCommunityWork);
        }
        contract.Title = form.Title!.Trim();
        contract.RegionCode = buyer.Code;
        contract.AgencyId = agency.Id;
        contract.Amount = form.Amount!.Value;
        contract.SetPeriod(form.StartsOn!.Value, form.EndsOn!.Value);
        contract.Stations.Clear();
        contract.Stations.AddRange(stations.Select(s => new ContractStation { StationId = s.Id, RegionCode = s.RegionCode }));
        contract.CategoryTargets.Clear();
        contract.CategoryTargets.AddRange((form.CategoryTargets ?? []).Select(t => new ContractCategoryTarget { Category = t.Key, PersonTimes = t.Value }));
        contract.MethodTargets.Clear();
        contract.MethodTargets.AddRange((form.MethodTargets ?? []).Select(t => new ContractMethodTarget { Method = t.Key, Count = t.Value }));
    }

    /// <summary>A station is operated by one agency at a time: no two active contracts over the same station and days.</summary>
    private async Task CheckNoOverlapAsync(ServiceContract contract, CancellationToken cancellationToken)
    {
        var stationIds = contract.Stations.Select(s => s.StationId).ToList();
        var clash = await db.ServiceContracts.IgnoreQueryFilters()
            .Where(c => c.Id != contract.Id && c.Status == ContractStatus.Active && c.StartsOn <= contract.EndsOn && c.CoversUntil >= contract.StartsOn
                && c.Stations.Any(s => stationIds.Contains(s.StationId)))
            .Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            // The other contract may lie outside the caller's scope (a city's contract over a county's
            // station): it is named only when the caller may read it.
            throw await db.ServiceContracts.AnyAsync(c => c.Id == clash.Id, cancellationToken)
                ? RequestProblem.Conflict(Problems.Format(ProblemText.ContractStationAlreadyOperated, clash.Title)).WithLink($"/workforce/contracts/{clash.Id}")
                : RequestProblem.Conflict(ProblemText.ContractStationAlreadyOperatedOther);
        }
    }
}
