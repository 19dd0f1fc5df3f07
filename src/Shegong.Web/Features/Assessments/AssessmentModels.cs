using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Assessments;

/// <summary>A needs assessment as entered: whom, by whom, when, how, the eight domains and the needs found.</summary>
public sealed class AssessmentForm
{
    [Required(ErrorMessage = "请选择评估对象类型 / subject is required")]
    public AssessmentSubject? Subject { get; set; }
    public int? ResidentId { get; set; }
    public int? HouseholdId { get; set; }

    /// <summary>The village of a community assessment (12 digits).</summary>
    public string? VillageCode { get; set; }

    /// <summary>The station making the assessment; fixed once made.</summary>
    public int? StationId { get; set; }

    [Required(ErrorMessage = "请选择评估社工 / assessorId is required")]
    public int? AssessorId { get; set; }

    [Required(ErrorMessage = "请填写评估日期 / assessedOn is required")]
    public DateOnly? AssessedOn { get; set; }

    [Required(ErrorMessage = "请选择服务方式 / channel is required")]
    public ServiceChannel? Channel { get; set; }

    [Required(ErrorMessage = "请填写时长 / durationMinutes is required")]
    [Range(1, 1440, ErrorMessage = "时长须在1到1440分钟之间 / durationMinutes must be between 1 and 1440")]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessage = "请填写发现的需求 / identifiedNeeds is required")]
    [StringLength(2000, ErrorMessage = "需求不能超过2000个字 / identifiedNeeds is at most 2000 characters")]
    [MultiLine]
    public string? IdentifiedNeeds { get; set; }

    /// <summary>One score and priority for each of the eight domains.</summary>
    [Required(ErrorMessage = "请为每个领域评分 / scores are required")]
    public List<DomainScoreForm>? Scores { get; set; }
    public uint? Version { get; set; }
}

public sealed class DomainScoreForm
{
    [Required(ErrorMessage = "请选择领域 / domain is required")]
    public NeedDomain? Domain { get; set; }

    [Required(ErrorMessage = "请评分 / score is required")]
    [Range(1, 5, ErrorMessage = "评分须在1到5之间（1为困难严重，5为无需求） / score must be 1 (severe difficulty) to 5 (no need)")]
    public int? Score { get; set; }

    [Required(ErrorMessage = "请选择优先级 / priority is required")]
    public NeedPriority? Priority { get; set; }
}

public sealed record AssessmentFilter(string? Region = null, AssessmentSubject? Subject = null, int? StationId = null)
    : IQueryFilter<AssessmentFilter>
{
    public static AssessmentFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<AssessmentSubject>("subject"), q.Int("stationId"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("subject", Subject), ("stationId", StationId));
}

public sealed record AssessmentRow(int Id, AssessmentSubject Subject, string? SubjectName, string? StationName, string? AssessorName,
    DateOnly AssessedOn, int HighPriorities, uint Version);

public sealed record DomainScoreRow(NeedDomain Domain, int Score, NeedPriority Priority);

public sealed record AssessmentDetail(int Id, AssessmentSubject Subject, int? ResidentId, int? HouseholdId, string VillageCode,
    string? SubjectName, int StationId, string? StationName, int AssessorId, string? AssessorName, DateOnly AssessedOn,
    ServiceChannel Channel, int DurationMinutes, string IdentifiedNeeds, IReadOnlyList<DomainScoreRow> Scores, int ServiceRecordId,
    IReadOnlyList<int> CaseIds, uint Version);
