using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Requests;

public static class ServiceRequestLimits
{
    public const int NeedLength = 500;

    /// <summary>Largest body the public form accepts; a real request is well under 2 KB.</summary>
    public const int PublicBodyBytes = 8 * 1024;
}

/// <summary>A request raised by the public form (no account): who, where, what, and a phone to call back.</summary>
public class PublicRequestForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestContactNameRequired))]
    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestContactNameAtMost50Characters))]
    public string? ContactName { get; set; }

    /// <summary>Required on the public form (the station calls back); optional when staff raise it.</summary>
    [PhoneNumber]
    public string? Phone { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestVillageCodeRequired))]
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestVillageCodeMust12Digits))]
    public string? VillageCode { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestNeedRequired))]
    [StringLength(ServiceRequestLimits.NeedLength, MinimumLength = 4, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestNeedMust4500Characters))]
    [MultiLine]
    public string? Need { get; set; }
}

/// <summary>A request raised by station staff: at the station, or on a resident's behalf (then <see cref="RaisedBy"/> is required).</summary>
public sealed class StaffRequestForm : PublicRequestForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestOriginRequired))]
    public RequestOrigin? Origin { get; set; }

    public int? ResidentId { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RequestRaisedByAtMost50Characters))]
    public string? RaisedBy { get; set; }
}

public sealed record TriageForm(int? StationId, ServiceCategory? Category, bool Urgent = false, uint? Version = null);

public sealed record AssignForm(int? WorkerId, uint? Version = null);

public sealed record VisitForm([property: MultiLine] string? Note, uint? Version = null);

public sealed record DeclineForm(string? Reason, uint? Version = null);

/// <summary>Completion: the service given, which becomes the request's service record.</summary>
public sealed record CompleteForm(
    DateOnly? ServedOn,
    ServiceMethod? Method,
    ServiceChannel? Channel,
    int? DurationMinutes,
    decimal? ValueYuan = null,
    [property: MultiLine] string? Content = null,
    uint? Version = null);

public sealed record RateForm(int? Satisfaction, string? Note, uint? Version = null);

public sealed record ServiceRequestFilter(string? Region = null, RequestStatus? Status = null, int? StationId = null, int? WorkerId = null,
    RequestOrigin? Origin = null) : IQueryFilter<ServiceRequestFilter>
{
    public static ServiceRequestFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Enum<RequestStatus>("status"), q.Int("stationId"), q.Int("workerId"), q.Enum<RequestOrigin>("origin"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("status", Status), ("stationId", StationId), ("workerId", WorkerId), ("origin", Origin));
}

public sealed record ServiceRequestRow(int Id, DateTime RaisedAt, RequestOrigin Origin, RequestStatus Status, string ContactName, string? PhoneMasked,
    string RegionCode, string VillagePath, ServiceCategory? Category, bool Urgent, string? WorkerName, int? Satisfaction, uint Version);

/// <summary>A request with each step's time and the hours between them (response times).</summary>
public sealed record ServiceRequestDetail(int Id, RequestOrigin Origin, RequestStatus Status, string ContactName, string? PhoneMasked,
    int? ResidentId, string RegionCode, string VillagePath, string Need, string? RaisedBy, ServiceCategory? Category, bool Urgent,
    int? StationId, string? StationName, int? AssignedWorkerId, string? WorkerName, string? VisitNote, string? DeclineReason,
    int? ServiceRecordId, int? Satisfaction, string? SatisfactionNote, IReadOnlyList<RequestStep> Steps, IReadOnlyList<string> NextSteps, uint Version);

/// <summary>One step taken: when, and hours since the request was raised.</summary>
public sealed record RequestStep(string Step, DateTime At, double HoursSinceRaised);

/// <summary>What the public form answers: a reference number to quote, nothing else.</summary>
public sealed record PublicRequestReceipt(int Reference);

/// <summary>A village found by name, with its path (city / county / township / village) to tell namesakes apart.</summary>
public sealed record VillageChoice(string Code, string Name, string Path);
