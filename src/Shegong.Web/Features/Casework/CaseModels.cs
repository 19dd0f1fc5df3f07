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

    [Required(ErrorMessage = "请选择个案来源 / intakeSource is required")]
    public IntakeSource? IntakeSource { get; set; }

    [Required(ErrorMessage = "请填写求助问题 / presentingProblem is required")]
    [StringLength(1000, ErrorMessage = "求助问题不能超过1000个字 / presentingProblem is at most 1000 characters")]
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
    [Required(ErrorMessage = "请选择目标阶段 / stage is required")]
    public CaseStage? Stage { get; set; }
    public DateOnly? On { get; set; }

    [StringLength(2000, ErrorMessage = "预估小结不能超过2000个字 / assessmentSummary is at most 2000 characters")]
    [MultiLine]
    public string? AssessmentSummary { get; set; }

    [StringLength(2000, ErrorMessage = "计划说明不能超过2000个字 / planSummary is at most 2000 characters")]
    [MultiLine]
    public string? PlanSummary { get; set; }

    [MaxLength(20, ErrorMessage = "目标最多20个 / at most 20 goals")]
    public List<GoalForm>? Goals { get; set; }
    public List<GoalOutcomeForm>? GoalOutcomes { get; set; }

    [StringLength(2000, ErrorMessage = "评估小结不能超过2000个字 / evaluationSummary is at most 2000 characters")]
    [MultiLine]
    public string? EvaluationSummary { get; set; }
    public CloseReason? CloseReason { get; set; }

    [StringLength(2000, ErrorMessage = "结案报告不能超过2000个字 / closingReport is at most 2000 characters")]
    [MultiLine]
    public string? ClosingReport { get; set; }

    [StringLength(500, ErrorMessage = "说明不能超过500个字 / note is at most 500 characters")]
    [MultiLine]
    public string? Note { get; set; }
    public uint? Version { get; set; }
}

public sealed class GoalForm
{
    [StringLength(500, ErrorMessage = "目标不能超过500个字 / a goal is at most 500 characters")]
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
}

public sealed class GoalOutcomeForm
{
    public int GoalId { get; set; }
    public GoalOutcome? Outcome { get; set; }

    [StringLength(500, ErrorMessage = "评估说明不能超过500个字 / an outcome note is at most 500 characters")]
    public string? Note { get; set; }
}

/// <summary>Reopening a closed case, or transferring a case: always with the reason.</summary>
public sealed record ReopenForm(
    [property: Required(ErrorMessage = "请填写重新开案的原因 / reason is required")]
    [property: StringLength(500, ErrorMessage = "原因不能超过500个字 / reason is at most 500 characters")]
    [property: MultiLine] string? Reason,
    DateOnly? On = null,
    uint? Version = null);

public sealed record TransferForm(
    [property: Required(ErrorMessage = "请选择接手的社工 / workerId is required")] int? WorkerId,
    [property: Required(ErrorMessage = "请填写转交原因 / reason is required")]
    [property: StringLength(400, ErrorMessage = "原因不能超过400个字 / reason is at most 400 characters")]
    [property: MultiLine] string? Reason,
    DateOnly? On = null,
    uint? Version = null);

public sealed record ReferralForm(
    [property: Required(ErrorMessage = "请选择转介对象类型 / target is required")] ReferralTarget? Target,
    int? TargetStationId,
    [property: StringLength(100, ErrorMessage = "接收单位名称不能超过100个字 / targetName is at most 100 characters")] string? TargetName,
    [property: Required(ErrorMessage = "请填写转介原因 / reason is required")]
    [property: StringLength(500, ErrorMessage = "原因不能超过500个字 / reason is at most 500 characters")]
    [property: MultiLine] string? Reason,
    DateOnly? On = null,
    uint? Version = null);

public sealed record ReferralAnswerForm(
    [property: Required(ErrorMessage = "请选择接收或拒绝 / accepted is required")] bool? Accepted,
    [property: StringLength(500, ErrorMessage = "说明不能超过500个字 / note is at most 500 characters")]
    [property: MultiLine] string? Note,
    DateOnly? On = null);

/// <summary>One contact (intervention note); the version is the case's.</summary>
public sealed class ContactForm
{
    [Required(ErrorMessage = "请填写服务日期 / contactedOn is required")]
    public DateOnly? ContactedOn { get; set; }

    [Required(ErrorMessage = "请选择服务方式 / channel is required")]
    public ServiceChannel? Channel { get; set; }

    [Required(ErrorMessage = "请填写时长 / durationMinutes is required")]
    [Range(1, 1440, ErrorMessage = "时长须在1到1440分钟之间 / durationMinutes must be between 1 and 1440")]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessage = "请选择服务类别 / category is required")]
    public ServiceCategory? Category { get; set; }

    [Required(ErrorMessage = "请填写服务内容 / content is required")]
    [StringLength(1000, ErrorMessage = "服务内容不能超过1000个字 / content is at most 1000 characters")]
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
