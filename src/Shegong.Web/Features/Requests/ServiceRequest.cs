using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Requests;

/// <summary>How a request came in: at the station (请入站), raised on the resident's behalf by a village cadre or worker, or online.</summary>
public enum RequestOrigin
{
    WalkIn,
    OnBehalf,
    Online,
}

/// <summary>The steps of a request, in order; <c>Declined</c> ends one that the station will not take up.</summary>
public enum RequestStatus
{
    Raised,
    Triaged,
    Assigned,
    Visited,
    Completed,
    Declined,
}

/// <summary>
/// A service request (服务申请): a need raised by a resident or on their behalf, triaged, assigned to
/// a social worker, visited, completed with its service record (Source = Request, held through a
/// unique foreign key: one record per request) and rated by the resident (1–5). Each step keeps its
/// time, so response times are computable. It belongs to the resident's village, which the scope reads.
/// </summary>
public class ServiceRequest : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The village or community (level-5 region code) the need is in.</summary>
    public required string RegionCode { get; set; }
    public RequestOrigin Origin { get; init; }
    public RequestStatus Status { get; private set; } = RequestStatus.Raised;

    /// <summary>The person the need is for, as they gave their name; linked to a resident record when known.</summary>
    public required string ContactName { get; set; }
    public int? ResidentId { get; set; }
    [MaskedInAudit]
    public string? PhoneCipher { get; set; }
    [MaskedInAudit]
    public string? PhoneHash { get; set; }
    [MaskedInAudit]
    public string? PhoneMasked { get; set; }
    public required string Need { get; set; }

    /// <summary>Who raised it for the resident (a village cadre, a worker); null when the resident did.</summary>
    public string? RaisedBy { get; set; }
    public DateTime RaisedAt { get; init; } = DateTime.UtcNow;

    public ServiceCategory? Category { get; private set; }
    public bool Urgent { get; private set; }
    public int? StationId { get; private set; }
    public DateTime? TriagedAt { get; private set; }
    public int? AssignedWorkerId { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public DateTime? VisitedAt { get; private set; }
    public string? VisitNote { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int? ServiceRecordId { get; private set; }
    public ServiceRecord? Record { get; private set; }
    public DateTime? DeclinedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public int? Satisfaction { get; private set; }
    public string? SatisfactionNote { get; private set; }
    public DateTime? RatedAt { get; private set; }

    /// <summary>The station takes it up: which station, which of the six services, how urgent.</summary>
    public void Triage(int stationId, ServiceCategory category, bool urgent, DateTime at)
    {
        Expect(RequestStatus.Raised, "triage");
        (StationId, Category, Urgent, TriagedAt, Status) = (stationId, category, urgent, at, RequestStatus.Triaged);
    }

    /// <summary>Gives it to a worker; a reassignment before the visit is allowed.</summary>
    public void Assign(int workerId, DateTime at)
    {
        Expect(Status is RequestStatus.Triaged or RequestStatus.Assigned, "assign");
        (AssignedWorkerId, AssignedAt, Status) = (workerId, at, RequestStatus.Assigned);
    }

    public void Visit(string? note, DateTime at)
    {
        Expect(RequestStatus.Assigned, "visit");
        (VisitNote, VisitedAt, Status) = (note, at, RequestStatus.Visited);
    }

    /// <summary>Done: the service given is recorded once, as this request's record.</summary>
    public void Complete(ServiceRecord record, DateTime at)
    {
        Expect(RequestStatus.Visited, "complete");
        (Record, CompletedAt, Status) = (record, at, RequestStatus.Completed);
    }

    /// <summary>Refuses (409) before the completion's record is checked, when the request is not at its visited step.</summary>
    public void EnsureCanComplete() => Expect(RequestStatus.Visited, "complete");

    public void Decline(string reason, DateTime at)
    {
        Expect(Status is RequestStatus.Raised or RequestStatus.Triaged, "decline");
        (DeclineReason, DeclinedAt, Status) = (reason, at, RequestStatus.Declined);
    }

    /// <summary>The resident's satisfaction, 1 to 5, once the request is completed (may be given again).</summary>
    public void Rate(int score, string? note, DateTime at)
    {
        Expect(RequestStatus.Completed, "rate");
        if (score is < 1 or > 5)
        {
            throw RequestProblem.Invalid("satisfaction", ProblemText.RequestSatisfactionMust15);
        }
        (Satisfaction, SatisfactionNote, RatedAt) = (score, note, at);
    }

    /// <summary>The moves allowed from a status, for pages to offer.</summary>
    public static IReadOnlyList<string> NextSteps(RequestStatus status) => status switch
    {
        RequestStatus.Raised => ["triage", "decline"],
        RequestStatus.Triaged => ["assign", "decline"],
        RequestStatus.Assigned => ["assign", "visit"],
        RequestStatus.Visited => ["complete"],
        RequestStatus.Completed => ["rate"],
        _ => [],
    };

    private void Expect(RequestStatus status, string step) => Expect(Status == status, step);

    private void Expect(bool allowed, string step)
    {
        if (!allowed)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.RequestRequestCannot, Names.Of(Status), RequestNames.Step(step)));
        }
    }
}
