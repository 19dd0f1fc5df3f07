using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Casework;

/// <summary>Opening a case (the intake form), and editing its intake later (then only source and problem count).</summary>
public sealed class CaseForm
{
    public int? ResidentId { get; set; }
    public int? StationId { get; set; }
    public int? WorkerId { get; set; }
    public DateOnly? OpenedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseIntakeSourceRequired))]
    public IntakeSource? IntakeSource { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CasePresentingProblemRequired))]
    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CasePresentingProblemAtMost1000Characters))]
    [MultiLine]
    public string? PresentingProblem { get; set; }

    /// <summary>The needs assessment this case follows from, if any.</summary>
    public int? NeedsAssessmentId { get; set; }

    /// <summary>The version the editor read; required on edit, ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>
/// A move to the next stage, with the record of the stage being left: the assessment summary (to
/// Planning), the plan's goals and timetable (to Intervention), the goals' evaluation with the
/// closing report and reason (to Closed).
/// </summary>
public sealed class StageMoveForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseStageRequired))]
    public CaseStage? Stage { get; set; }
    public DateOnly? On { get; set; }

    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseAssessmentSummaryAtMost2000Characters))]
    [MultiLine]
    public string? AssessmentSummary { get; set; }

    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CasePlanSummaryAtMost2000Characters))]
    [MultiLine]
    public string? PlanSummary { get; set; }

    [MaxLength(20, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseAtMost20Goals))]
    public List<GoalForm>? Goals { get; set; }
    public List<GoalOutcomeForm>? GoalOutcomes { get; set; }

    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseEvaluationSummaryAtMost2000Characters))]
    [MultiLine]
    public string? EvaluationSummary { get; set; }
    public CloseReason? CloseReason { get; set; }

    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseClosingReportAtMost2000Characters))]
    [MultiLine]
    public string? ClosingReport { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseNoteAtMost500Characters))]
    [MultiLine]
    public string? Note { get; set; }
    public uint? Version { get; set; }
}

public sealed class GoalForm
{
    [StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseGoalAtMost500Characters))]
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
}

public sealed class GoalOutcomeForm
{
    public int GoalId { get; set; }
    public GoalOutcome? Outcome { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseOutcomeNoteAtMost500Characters))]
    public string? Note { get; set; }
}

/// <summary>Reopening a closed case, or transferring a case: always with the reason.</summary>
public sealed record ReopenForm(
    [property: Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseReasonRequired))]
    [property: StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseReasonAtMost500Characters))]
    [property: MultiLine] string? Reason,
    DateOnly? On = null,
    uint? Version = null);

public sealed record TransferForm(
    [property: Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseWorkerIdRequired))] int? WorkerId,
    [property: Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseReasonRequired2))]
    [property: StringLength(400, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseReasonAtMost400Characters))]
    [property: MultiLine] string? Reason,
    DateOnly? On = null,
    uint? Version = null);

public sealed record ReferralForm(
    [property: Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseTargetRequired))] ReferralTarget? Target,
    int? TargetStationId,
    [property: StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseTargetNameAtMost100Characters))] string? TargetName,
    [property: Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseReasonRequired3))]
    [property: StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseReasonAtMost500Characters))]
    [property: MultiLine] string? Reason,
    DateOnly? On = null,
    uint? Version = null);

public sealed record ReferralAnswerForm(
    [property: Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseAcceptedRequired))] bool? Accepted,
    [property: StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseNoteAtMost500Characters))]
    [property: MultiLine] string? Note,
    DateOnly? On = null);

/// <summary>One contact (intervention note); the version is the case's.</summary>
public sealed class ContactForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseContactedOnRequired))]
    public DateOnly? ContactedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentChannelRequired))]
    public ServiceChannel? Channel { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentDurationMinutesRequired))]
    [Range(1, 1440, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentDurationMinutesMustBetween11440))]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupCategoryRequired))]
    public ServiceCategory? Category { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CaseContentRequired))]
    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordContentAtMost1000Characters))]
    [MultiLine]
    public string? Content { get; set; }
    public uint? Version { get; set; }
}

/// <summary>Filters of the case list; region includes everything under it; search is the resident's name.</summary>
public sealed record CaseFilter(string? Region = null, CaseStage? Stage = null, int? StationId = null, string? Search = null)
    : IQueryFilter<CaseFilter>
{
    public static CaseFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<CaseStage>("stage"), q.Int("stationId"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("stage", Stage), ("stationId", StationId), ("search", Search));
}

public sealed record CaseRow(int Id, int ResidentId, string? ResidentName, int StationId, string? StationName, int WorkerId,
    string? WorkerName, CaseStage Stage, DateOnly OpenedOn, DateOnly? ClosedOn, uint Version);

public sealed record GoalRow(int Id, string Description, DateOnly? DueOn, GoalOutcome? Outcome, string? OutcomeNote);

public sealed record ContactRow(int Id, DateOnly ContactedOn, ServiceChannel Channel, int DurationMinutes, ServiceCategory Category,
    string Content, int ServiceRecordId);

public sealed record CaseEventRow(CaseEventKind Kind, CaseStage? From, CaseStage? To, DateOnly On, string By, string? Note);

public sealed record ReferralRow(int Id, int CaseId, ReferralTarget Target, int? TargetStationId, string TargetName, string FromStationName,
    string ResidentName, string Reason, DateOnly ReferredOn, string ReferredBy, bool? Accepted, DateOnly? AnsweredOn, string? AnsweredBy,
    string? AnswerNote);

public sealed record CaseDetail(int Id, int ResidentId, string? ResidentName, int StationId, string? StationName, int WorkerId,
    string? WorkerName, CaseStage Stage, CaseStage? NextStage, DateOnly OpenedOn, IntakeSource IntakeSource, string PresentingProblem,
    string? AssessmentSummary, string? PlanSummary, string? EvaluationSummary, CloseReason? CloseReason, string? ClosingReport,
    DateOnly? ClosedOn, int? NeedsAssessmentId, IReadOnlyList<GoalRow> Goals, IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<CaseEventRow> Events, IReadOnlyList<ReferralRow> Referrals, uint Version);

/// <summary>A choice in a picker (resident, worker, station): id and what to show.</summary>
public sealed record PickItem(int Id, string Label);
