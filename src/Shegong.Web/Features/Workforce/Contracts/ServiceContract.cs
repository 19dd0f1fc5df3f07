using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Workforce.Contracts;

public enum ContractStatus
{
    Draft,
    Active,
    Completed,
    Terminated,
}

public enum EvaluationStage
{
    MidTerm,
    Final,
}

/// <summary>
/// A government purchase of services (政府购买服务): a civil-affairs bureau (the buyer region)
/// pays an agency for deliverables at its stations over a period. Draft → Active →
/// Completed (after the final evaluation) or Terminated (with a reason). Only a draft is edited.
/// </summary>
public class ServiceContract : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public required string Title { get; set; }

    /// <summary>The buyer: the city or county whose bureau signs. Scope follows it and the stations.</summary>
    public required string RegionCode { get; set; }
    public int AgencyId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public decimal Amount { get; set; }
    public ContractStatus Status { get; private set; } = ContractStatus.Draft;

    /// <summary>Last day the agency operated the stations under this contract: the end date, or the termination date.</summary>
    public DateOnly CoversUntil { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? TerminationReason { get; private set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<ContractStation> Stations { get; private set; } = [];
    public List<ContractCategoryTarget> CategoryTargets { get; private set; } = [];
    public List<ContractMethodTarget> MethodTargets { get; private set; } = [];
    public List<ContractEvaluation> Evaluations { get; private set; } = [];

    public bool IsEditable => Status == ContractStatus.Draft;

    public void SetPeriod(DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            throw RequestProblem.Invalid("endsOn", ProblemText.ContractEndDateBeforeStartDate);
        }
        StartsOn = startsOn;
        EndsOn = endsOn;
        CoversUntil = endsOn;
    }

    public void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.ContractOnlyDraftEdited, Names.Of(Status)));
        }
    }

    public void Activate()
    {
        Require(ContractStatus.Draft, ContractStatus.Active);
        if (Stations.Count == 0)
        {
            throw RequestProblem.Invalid("stationIds", ProblemText.ContractNeedsStations);
        }
        Status = ContractStatus.Active;
    }

    public void Complete(DateOnly on)
    {
        Require(ContractStatus.Active, ContractStatus.Completed);
        if (!Evaluations.Any(e => e.Stage == EvaluationStage.Final))
        {
            throw RequestProblem.Invalid("status", ProblemText.ContractNeedsFinalEvaluation);
        }
        Status = ContractStatus.Completed;
        ClosedOn = on;
    }

    public void Terminate(DateOnly on, string? reason)
    {
        Require(ContractStatus.Active, ContractStatus.Terminated);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RequestProblem.Invalid("reason", ProblemText.ContractGiveReasonTerminating);
        }
        if (on < StartsOn)
        {
            throw RequestProblem.Invalid("on", ProblemText.ContractTerminationDateBeforeStartDate);
        }
        Status = ContractStatus.Terminated;
        ClosedOn = on;
        TerminationReason = reason.Trim();
        CoversUntil = on < EndsOn ? on : EndsOn;
    }

    /// <summary>One mid-term and one final evaluation, while the contract is active.</summary>
    public ContractEvaluation Evaluate(EvaluationStage stage, DateOnly on, decimal score, string? notes)
    {
        if (Status != ContractStatus.Active)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.ContractOnlyActiveEvaluated, Names.Of(Status)));
        }
        if (Evaluations.Any(e => e.Stage == stage))
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.ContractAlreadyEvaluated, Names.Of(stage)));
        }
        if (stage == EvaluationStage.Final && !Evaluations.Any(e => e.Stage == EvaluationStage.MidTerm))
        {
            throw RequestProblem.Invalid("stage", ProblemText.ContractMidTermEvaluationComesFirst);
        }
        if (score is < 0 or > 100)
        {
            throw RequestProblem.Invalid("score", ProblemText.ContractScoreBetween);
        }
        var evaluation = new ContractEvaluation { Stage = stage, On = on, Score = score, Notes = notes?.Trim() };
        Evaluations.Add(evaluation);
        return evaluation;
    }

    private void Require(ContractStatus from, ContractStatus to)
    {
        if (Status != from)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.ContractStatusMove, Names.Of(Status), Names.Of(to)));
        }
    }
}

/// <summary>A station the agency operates under the contract; its region is copied for the scope filter.</summary>
public class ContractStation : IScopedThrough<ServiceContract>
{
    public int Id { get; private set; }
    public int ServiceContractId { get; private set; }
    public int StationId { get; init; }
    public required string RegionCode { get; init; }
}

/// <summary>Deliverable per service category, in person-times.</summary>
public class ContractCategoryTarget : IScopedThrough<ServiceContract>
{
    public int Id { get; private set; }
    public int ServiceContractId { get; private set; }
    public ServiceCategory Category { get; init; }
    public int PersonTimes { get; init; }
}

/// <summary>Deliverable per method: cases, groups or community activities.</summary>
public class ContractMethodTarget : IScopedThrough<ServiceContract>
{
    public int Id { get; private set; }
    public int ServiceContractId { get; private set; }
    public ServiceMethod Method { get; init; }
    public int Count { get; init; }
}

public class ContractEvaluation : IScopedThrough<ServiceContract>
{
    public int Id { get; private set; }
    public int ServiceContractId { get; private set; }
    public EvaluationStage Stage { get; init; }
    public DateOnly On { get; init; }
    public decimal Score { get; init; }
    public string? Notes { get; init; }
}
