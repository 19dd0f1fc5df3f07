using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Linkage.Volunteers;

public static class VolunteerLimits
{
    /// <summary>Largest body the public registration accepts; a real one is well under 2 KB.</summary>
    public const int PublicBodyBytes = 8 * 1024;
}

/// <summary>Who a volunteer is and what they offer: shared by the public registration and the staff's form.</summary>
public abstract class VolunteerFields
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerNameRequired))]
    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerNameAtMost50Characters))]
    public string? Name { get; set; }

    [CitizenId]
    public string? IdNumber { get; set; }

    [MobileNumber]
    public string? Phone { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerStationRequired))]
    public int? StationId { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerSkillsAtMost200Characters))]
    public string? Skills { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerAvailabilityAtMost200Characters))]
    public string? Availability { get; set; }
}

/// <summary>The public self-registration (no account): the volunteer names a township station, sets a password and consents.</summary>
public sealed class VolunteerRegistrationForm : VolunteerFields
{
    /// <summary>The password the volunteer signs in with (their phone number is the sign-in name) once approved.</summary>
    public string? Password { get; set; }

    /// <summary>The volunteer agrees to the station processing their data; without it nothing is saved.</summary>
    public bool Consent { get; set; }
}

/// <summary>The staff's form: enter a volunteer directly (consent recorded by the staff member), or edit one (version required).</summary>
public sealed class VolunteerForm : VolunteerFields
{
    /// <summary>The village or township (12 digits) under the station; empty means the station's own township.</summary>
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    /// <summary>The volunteer team (of the same station) the volunteer serves in; empty: none.</summary>
    public int? TeamId { get; set; }

    /// <summary>The date the volunteer consented (on paper, at the station); required on create.</summary>
    public DateOnly? ConsentGivenOn { get; set; }

    public uint? Version { get; set; }
}

/// <summary>The station's decision on a volunteer: Approved or Rejected (from Applied), Left (from Approved).</summary>
public sealed class VolunteerDecisionForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerDecisionRequired))]
    public VolunteerStatus? Status { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerReasonAtMost200Characters))]
    public string? Reason { get; set; }

    public uint? Version { get; set; }
}

/// <summary>Hours a volunteer logs for themselves.</summary>
public sealed class HourForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerHourDateRequired))]
    public DateOnly? ServedOn { get; set; }

    /// <summary>Hours served, in half hours: 0.5 to 24.</summary>
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerHoursRange))]
    [Range(0.5, 24, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerHoursRange))]
    public decimal? Hours { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerHourActivityRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerHourActivityAtMost200Characters))]
    public string? Activity { get; set; }
}

/// <summary>The station's decision on logged hours: Confirmed, or Rejected with a reason.</summary>
public sealed class HourDecisionForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerDecisionRequired))]
    public HourStatus? Status { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.VolunteerReasonAtMost200Characters))]
    public string? Reason { get; set; }

    public uint? Version { get; set; }
}

public sealed record VolunteerRevealForm(string? Field);

public sealed record VolunteerRevealResult(string Field, string Value);

public sealed record VolunteerFilter(string? Region = null, VolunteerStatus? Status = null, string? Search = null) : IQueryFilter<VolunteerFilter>
{
    public static VolunteerFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<VolunteerStatus>("status"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("status", Status?.ToString()), ("search", Search));
}

public sealed record VolunteerRow(int Id, string Name, int Age, Sex Sex, string PhoneMasked, int StationId, string StationName, string RegionCode,
    string PlaceName, int? TeamId, string? TeamName, VolunteerStatus Status, DateOnly AppliedOn, bool SelfRegistered, decimal ConfirmedHours);

public sealed record VolunteerDetail(int Id, string Name, int Age, Sex Sex, string IdNumberMasked, string PhoneMasked, int StationId, string StationName,
    string RegionCode, string PlaceName, string PlacePath, int? TeamId, string? TeamName, string? Skills, string? Availability, VolunteerStatus Status,
    DateOnly AppliedOn, DateOnly? DecidedOn, string? DecisionReason, bool SelfRegistered, DateOnly? ConsentGivenOn, string? ConsentRecordedBy,
    DateOnly? ConsentWithdrawnOn, bool HasAccount, decimal ConfirmedHours, decimal PendingHours, uint Version);

/// <summary>The answer to an approval: the detail, and the one-time password when the volunteer set none (staff-entered).</summary>
public sealed record VolunteerDecision(VolunteerDetail Volunteer, string? InitialPassword);

public sealed record VolunteerReceipt(int Reference);

public sealed record PublicStationChoice(int Id, string Name, string Path);

public sealed record HourRow(int Id, int VolunteerId, string VolunteerName, DateOnly ServedOn, decimal Hours, string Activity, HourStatus Status,
    string? RejectReason, uint Version);
