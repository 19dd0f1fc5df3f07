using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Audit;

namespace Shegong.Web.Features.Casework;

/// <summary>The stages of a case per MZ/T 094-2017 (接案, 预估, 计划, 介入, 评估, 结案), in their only order.</summary>
public enum CaseStage
{
    Intake,
    Assessment,
    Planning,
    Intervention,
    Evaluation,
    Closed,
}

/// <summary>How the case came to the station.</summary>
public enum IntakeSource
{
    WalkIn,
    Outreach,
    NeedsAssessment,
    Referral,
    Other,
}

/// <summary>Why a case was closed (the closing report's reason).</summary>
public enum CloseReason
{
    GoalsAchieved,
    ReferredElsewhere,
    ResidentWithdrew,
    ResidentMovedAway,
    ResidentDied,
    Other,
}

/// <summary>How far a plan's goal was reached, as the evaluation found.</summary>
public enum GoalOutcome
{
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

/// <summary>
/// A case (个案) of one resident at one station, held by a responsible social worker. It belongs to
/// the station's region: the station's staff work it and the officials above them supervise it,
/// and the service records of its contacts lie in the same region. A case may only take a resident
/// who lives under the station's region, so whoever sees the case also sees its resident.
/// The stage moves one step at a time (<see cref="Advance"/>); each stage leaves its record here.
/// </summary>
public class Case : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int ResidentId { get; init; }
    public int StationId { get; init; }

    /// <summary>The station's region, copied when the case is opened (a station never moves region).</summary>
    public string RegionCode { get; init; } = "";
    public int WorkerId { get; private set; }
    public CaseStage Stage { get; private set; } = CaseStage.Intake;
    public DateOnly OpenedOn { get; init; }
    public IntakeSource IntakeSource { get; set; }

    /// <summary>The intake form: the problem as the resident presents it.</summary>
    [MaskedInAudit]
    public string PresentingProblem { get; set; } = "";
    [MaskedInAudit]
    public string? AssessmentSummary { get; private set; }

    /// <summary>The plan's timetable and approach; its goals are <see cref="Goals"/>.</summary>
    [MaskedInAudit]
    public string? PlanSummary { get; private set; }
    [MaskedInAudit]
    public string? EvaluationSummary { get; private set; }
    public CloseReason? CloseReason { get; private set; }
    [MaskedInAudit]
    public string? ClosingReport { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The needs assessment that opened the case, if one did.</summary>
    public int? NeedsAssessmentId { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<CaseGoal> Goals { get; private set; } = [];
    public List<CaseContact> Contacts { get; private set; } = [];
    public List<CaseEvent> Events { get; private set; } = [];
    public List<CaseReferral> Referrals { get; private set; } = [];

    public static Case Open(int residentId, int stationId, string stationRegionCode, int workerId, DateOnly on, string by, int? assessmentId = null) =>
        new()
        {
            ResidentId = residentId,
            StationId = stationId,
            RegionCode = stationRegionCode,
            WorkerId = workerId,
            OpenedOn = on,
            NeedsAssessmentId = assessmentId,
            Events = { new CaseEvent { Kind = CaseEventKind.Opened, To = CaseStage.Intake, On = on, By = by } },
        };

    /// <summary>The one stage a case may move to next; null when closed (then only a reopen).</summary>
    public static CaseStage? NextStage(CaseStage stage) => stage == CaseStage.Closed ? null : stage + 1;

    /// <summary>
    /// Moves to <paramref name="target"/>, which must be the next stage, with the record of the stage
    /// being left (checked by <see cref="CaseStageRules"/>); who, when and why are kept.
    /// </summary>
    public void Advance(CaseStage target, StageMoveForm record, DateOnly on, string by)
    {
        if (NextStage(Stage) != target)
        {
            throw RequestProblem.Invalid("stage", CaseStageRules.SkipMessage(Stage, target));
        }
        CaseStageRules.Check(this, target, record, on);
        switch (target)
        {
            case CaseStage.Planning:
                AssessmentSummary = record.AssessmentSummary!.Trim();
                break;
            case CaseStage.Intervention:
                PlanSummary = record.PlanSummary?.Trim();
                Goals.Clear();
                Goals.AddRange(record.Goals!.Select(g => new CaseGoal { Description = g.Description!.Trim(), DueOn = g.DueOn }));
                break;
            case CaseStage.Closed:
                foreach (var outcome in record.GoalOutcomes!)
                {
                    Goals.Single(g => g.Id == outcome.GoalId).Evaluate(outcome.Outcome!.Value, outcome.Note);
                }
                EvaluationSummary = record.EvaluationSummary!.Trim();
                CloseReason = record.CloseReason;
                ClosingReport = record.ClosingReport!.Trim();
                ClosedOn = on;
                break;
        }
        Events.Add(new CaseEvent { Kind = CaseEventKind.StageMoved, From = Stage, To = target, On = on, By = by, Note = record.Note });
        Stage = target;
    }

    /// <summary>A closed case opens again at Assessment (the new situation is assessed, then planned); the reason is kept.</summary>
    public void Reopen(string reason, DateOnly on, string by)
    {
        if (Stage != CaseStage.Closed)
        {
            throw RequestProblem.Conflict(ProblemText.CaseOnlyClosedCaseCanReopened);
        }
        Events.Add(new CaseEvent { Kind = CaseEventKind.Reopened, From = Stage, To = CaseStage.Assessment, On = on, By = by, Note = reason });
        Stage = CaseStage.Assessment;
        CloseReason = null;
        ClosedOn = null;
    }

    /// <summary>Hands the case to another worker of the same station; who, when and why are kept.</summary>
    public void TransferTo(int workerId, string workerName, string reason, DateOnly on, string by)
    {
        Events.Add(new CaseEvent { Kind = CaseEventKind.Transferred, On = on, By = by, Note = $"→ {workerName}: {reason}" });
        WorkerId = workerId;
    }
}

/// <summary>A goal of the plan with its target date and, once evaluated, its outcome.</summary>
public class CaseGoal : IScopedThrough<Case>
{
    public int Id { get; private set; }
    public int CaseId { get; private set; }
    [MaskedInAudit]
    public string Description { get; init; } = "";
    public DateOnly? DueOn { get; init; }
    public GoalOutcome? Outcome { get; private set; }
    [MaskedInAudit]
    public string? OutcomeNote { get; private set; }

    public void Evaluate(GoalOutcome outcome, string? note)
    {
        Outcome = outcome;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public enum CaseEventKind
{
    Opened,
    StageMoved,
    Reopened,
    Transferred,
    Referred,
}

/// <summary>One move in a case's life (stage, reopen, transfer, referral): who, when and why.</summary>
public class CaseEvent : IScopedThrough<Case>
{
    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public CaseEventKind Kind { get; init; }
    public CaseStage? From { get; init; }
    public CaseStage? To { get; init; }
    public DateOnly On { get; init; }
    public string By { get; init; } = "";
    public string? Note { get; init; }
    public DateTime RecordedAt { get; init; } = DateTime.UtcNow;
}
