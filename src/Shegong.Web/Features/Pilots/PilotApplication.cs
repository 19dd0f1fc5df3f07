using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots;

public enum PilotApplicationStatus
{
    Submitted,
    Returned,
    CityApproved,
    CityRejected,

    /// <summary>Saved by the county, not yet sent: the city does not see it.</summary>
    Draft,
}

public enum TownshipDecision
{
    Pending,
    Confirmed,
    Rejected,
}

public enum PilotStepKind
{
    Submitted,
    Resubmitted,
    CityApproved,
    CityReturned,
    CityRejected,
    ProvinceConfirmed,
    ProvinceRejected,
    Amended,
}

/// <summary>
/// A county's application to a pilot batch with its townships (试点申报). The county submits; the
/// city approves, returns with reasons (the county edits and resubmits) or rejects; the province
/// then confirms or rejects each township of an approved application. Every step is logged.
/// </summary>
public class PilotApplication : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public int PilotBatchId { get; init; }

    /// <summary>The applying county.</summary>
    public required string RegionCode { get; init; }
    public PilotApplicationStatus Status { get; private set; } = PilotApplicationStatus.Submitted;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<PilotApplicationTownship> Townships { get; private set; } = [];
    public List<PilotStep> Steps { get; private set; } = [];

    /// <summary>A new application kept by the county until it submits it (no step yet: nobody else sees it).</summary>
    public void KeepAsDraft() => Status = Steps.Count == 0 ? PilotApplicationStatus.Draft
        : throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotApplicationNotEditable, Names.Of(Status)));

    /// <summary>A new application, or a draft, goes to the city.</summary>
    public void Submit(string by, DateTime at)
    {
        if (Status is not (PilotApplicationStatus.Draft or PilotApplicationStatus.Submitted) || Steps.Count > 0)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotApplicationNotEditable, Names.Of(Status)));
        }
        Status = PilotApplicationStatus.Submitted;
        Steps.Add(new PilotStep { Kind = PilotStepKind.Submitted, By = by, At = at });
    }

    /// <summary>The county edits its townships only while the application is a draft or returned to it.</summary>
    public void EnsureEditable()
    {
        if (Status is not (PilotApplicationStatus.Draft or PilotApplicationStatus.Returned))
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotApplicationNotEditable, Names.Of(Status)));
        }
    }

    /// <summary>A returned application, edited, goes back to the city.</summary>
    public void Resubmit(string by, DateTime at, string? note)
    {
        if (Status != PilotApplicationStatus.Returned)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotApplicationNotReturned, Names.Of(Status)));
        }
        Status = PilotApplicationStatus.Submitted;
        Steps.Add(new PilotStep { Kind = PilotStepKind.Resubmitted, By = by, At = at, Reason = note });
    }

    /// <summary>The city's review: approve, or return or reject with a reason.</summary>
    public void Review(PilotStepKind verdict, string by, DateTime at, string? reason)
    {
        if (Status != PilotApplicationStatus.Submitted)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotApplicationNotAwaitingReview, Names.Of(Status)));
        }
        if (verdict != PilotStepKind.CityApproved && string.IsNullOrWhiteSpace(reason))
        {
            throw RequestProblem.Invalid("reason", ProblemText.PilotReasonRequired);
        }
        Status = verdict switch
        {
            PilotStepKind.CityApproved => PilotApplicationStatus.CityApproved,
            PilotStepKind.CityReturned => PilotApplicationStatus.Returned,
            PilotStepKind.CityRejected => PilotApplicationStatus.CityRejected,
            _ => throw RequestProblem.Invalid("decision", ProblemText.PilotReviewDecisionUnknown),
        };
        Steps.Add(new PilotStep { Kind = verdict, By = by, At = at, Reason = reason?.Trim() });
    }

    /// <summary>
    /// The province's decision on one township: only of an application the city approved. A
    /// confirmed township's subsidy defaults to the batch's standard.
    /// </summary>
    public PilotApplicationTownship Decide(string townshipCode, bool confirm, decimal? subsidy, string by, DateTime at, string? reason, bool amendment = false)
    {
        if (Status != PilotApplicationStatus.CityApproved)
        {
            throw RequestProblem.Conflict(ProblemText.PilotNotReviewedByCity);
        }
        var township = Townships.FirstOrDefault(t => t.TownshipCode == townshipCode)
            ?? throw RequestProblem.Invalid("townshipCode", Problems.Format(ProblemText.PilotTownshipNotInApplication, townshipCode));
        if (!confirm && string.IsNullOrWhiteSpace(reason) || amendment && string.IsNullOrWhiteSpace(reason))
        {
            throw RequestProblem.Invalid("reason", ProblemText.PilotReasonRequired);
        }
        if (subsidy is < 0 or > PilotLimits.MaxSubsidy)
        {
            throw RequestProblem.Invalid("subsidy", ProblemText.PilotSubsidyBetween);
        }
        township.Decision = confirm ? TownshipDecision.Confirmed : TownshipDecision.Rejected;
        township.Subsidy = confirm ? subsidy : null;
        township.DecisionReason = reason?.Trim();
        var kind = amendment ? PilotStepKind.Amended : confirm ? PilotStepKind.ProvinceConfirmed : PilotStepKind.ProvinceRejected;
        Steps.Add(new PilotStep { Kind = kind, By = by, At = at, TownshipCode = townshipCode, Reason = reason?.Trim() });
        return township;
    }
}

/// <summary>One township of an application; the batch id is copied so the database holds "a township once per batch".</summary>
public class PilotApplicationTownship : IScopedThrough<PilotApplication>
{
    public int Id { get; private set; }
    public int PilotApplicationId { get; private set; }
    public int PilotBatchId { get; init; }
    public required string TownshipCode { get; init; }
    public BuildPath BuildPath { get; set; }
    public required string PlannedStationName { get; set; }
    public required string Justification { get; set; }
    public TownshipDecision Decision { get; set; } = TownshipDecision.Pending;
    public string? DecisionReason { get; set; }

    /// <summary>The subsidy the province grants a confirmed township; null means the batch's standard.</summary>
    public decimal? Subsidy { get; set; }
}

/// <summary>Who moved the application, when and why (the township for a province decision).</summary>
public class PilotStep : IScopedThrough<PilotApplication>
{
    public int Id { get; private set; }
    public int PilotApplicationId { get; private set; }
    public PilotStepKind Kind { get; init; }
    public required string By { get; init; }
    public DateTime At { get; init; }
    public string? TownshipCode { get; init; }
    public string? Reason { get; init; }
}

public static class PilotLimits
{
    public const decimal MaxSubsidy = 100_000_000m;
    public const int NameLength = 100;
    public const int TextLength = 1000;
}
