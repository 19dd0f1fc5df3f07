using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Assessments;

/// <summary>Who a needs assessment is of.</summary>
public enum AssessmentSubject
{
    Resident,
    Household,
    Community,
}

/// <summary>The structured domains of a needs assessment.</summary>
public enum NeedDomain
{
    Income,
    Health,
    DailyCare,
    Education,
    Employment,
    Housing,
    FamilySupport,
    Safety,
}

/// <summary>How urgently a domain's need should be met.</summary>
public enum NeedPriority
{
    None,
    Low,
    Medium,
    High,
}

/// <summary>
/// A needs assessment (需求评估) of a resident, a household or a community (a village), made by a
/// social worker of a station. It belongs to the station's region, like the service record it
/// holds (unique foreign key: the assessment is itself a service of the category NeedsAssessment).
/// What follows from it (a case now; a service request once that feature lands) is linked from
/// the follow-up's side, e.g. <c>Case.NeedsAssessmentId</c>.
/// </summary>
public class NeedsAssessment : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int StationId { get; set; }

    /// <summary>The station's region, copied when the assessment is made.</summary>
    public string RegionCode { get; set; } = "";
    public AssessmentSubject Subject { get; set; }
    public int? ResidentId { get; set; }
    public int? HouseholdId { get; set; }

    /// <summary>The village assessed (a community assessment), or the subject's village.</summary>
    public string VillageCode { get; set; } = "";
    public int AssessorId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public ServiceChannel Channel { get; set; }
    public int DurationMinutes { get; set; }
    [MaskedInAudit]
    public string IdentifiedNeeds { get; set; } = "";
    public int ServiceRecordId { get; private set; }
    public ServiceRecord Record { get; set; } = null!;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<DomainScore> Scores { get; private set; } = [];
}

/// <summary>The score (1 = severe difficulty … 5 = no need) and priority of one domain.</summary>
public class DomainScore : IScopedThrough<NeedsAssessment>
{
    public int Id { get; private set; }
    public int NeedsAssessmentId { get; private set; }
    public NeedDomain Domain { get; init; }
    public int Score { get; set; }
    public NeedPriority Priority { get; set; }
}
