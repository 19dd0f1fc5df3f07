using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Assessments;

/// <summary>A needs assessment as entered: whom, by whom, when, how, the eight domains and the needs found.</summary>
public sealed class AssessmentForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentSubjectRequired))]
    public AssessmentSubject? Subject { get; set; }
    public int? ResidentId { get; set; }
    public int? HouseholdId { get; set; }

    /// <summary>The village of a community assessment (12 digits).</summary>
    public string? VillageCode { get; set; }

    /// <summary>The station making the assessment; fixed once made.</summary>
    public int? StationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentAssessorIdRequired))]
    public int? AssessorId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentAssessedOnRequired))]
    public DateOnly? AssessedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentChannelRequired))]
    public ServiceChannel? Channel { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentDurationMinutesRequired))]
    [Range(1, 1440, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentDurationMinutesMustBetween11440))]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentIdentifiedNeedsRequired))]
    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentIdentifiedNeedsAtMost2000Characters))]
    [MultiLine]
    public string? IdentifiedNeeds { get; set; }

    /// <summary>One score and priority for each of the eight domains.</summary>
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentScoresRequired))]
    public List<DomainScoreForm>? Scores { get; set; }
    public uint? Version { get; set; }
}

public sealed class DomainScoreForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentDomainRequired))]
    public NeedDomain? Domain { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentScoreRequired))]
    [Range(1, 5, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentScoreMust1SevereDifficulty5No))]
    public int? Score { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AssessmentPriorityRequired))]
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
