using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

public enum CertificationLevel
{
    None,
    Assistant,
    Intermediate,
    Senior,
}

public enum Education
{
    HighSchool,
    JuniorCollege,
    Bachelor,
    Master,
    Doctorate,
}

public enum SocialWorkerStatus
{
    Active,
    Left,
}

public enum AssignmentRole
{
    Resident,
    Supporting,
}

/// <summary>
/// A social worker (社会工作者). ID number and phone are held encrypted with a keyed hash beside
/// them, and the masked form stored beside them at write time so lists and exports never decrypt.
/// Birth date, sex and native county come from the ID number and are protected like it (masked in
/// the audit; the birth date is shown only as an age unless revealed). The worker belongs to the
/// region of their resident station, or of their employing agency while they have none (and
/// keeps the last one after leaving), which is what the scope filter reads.
/// </summary>
public class SocialWorker : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public required string Name { get; set; }
    [MaskedInAudit]
    public Sex Sex { get; set; }
    [MaskedInAudit]
    public DateOnly BirthDate { get; set; }
    [MaskedInAudit]
    public required string IdNumberCipher { get; set; }
    [MaskedInAudit]
    public string IdNumberMasked { get; set; } = "";
    [MaskedInAudit]
    public required string IdNumberHash { get; set; }
    [MaskedInAudit]
    public string? PhoneCipher { get; set; }
    [MaskedInAudit]
    public string? PhoneHash { get; set; }
    [MaskedInAudit]
    public string? PhoneMasked { get; set; }

    /// <summary>The county of the ID number's region prefix, padded to 12 digits.</summary>
    [MaskedInAudit]
    public required string NativeCountyCode { get; set; }
    public Education Education { get; set; }
    public string? Major { get; set; }
    public int? GraduationYear { get; set; }
    public CertificationLevel Certification { get; set; }
    public string? CertificateNumber { get; set; }
    public int? CertificateYear { get; set; }
    public int AgencyId { get; set; }
    public DateOnly HiredOn { get; set; }
    public DateOnly? LeftOn { get; private set; }
    public SocialWorkerStatus Status { get; private set; } = SocialWorkerStatus.Active;
    public required string RegionCode { get; set; }
    public int? ResidentStationId { get; private set; }

    /// <summary>应届毕业生: hired in the year of graduation.</summary>
    public bool IsNewGraduate { get; private set; }

    /// <summary>本地社工: the native county is the resident station's county.</summary>
    public bool IsLocal { get; private set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<StationAssignment> Assignments { get; private set; } = [];

    public bool IsCertified => Certification != CertificationLevel.None;

    public void Recompute() => IsNewGraduate = GraduationYear == HiredOn.Year;

    /// <summary>Makes the worker resident at <paramref name="station"/> from a date, ending the previous residence the day before.</summary>
    public void AssignResident(Station station, DateOnly from)
    {
        EnsureActive();
        var current = Open(AssignmentRole.Resident);
        if (current is not null)
        {
            if (current.StationId == station.Id)
            {
                throw RequestProblem.Conflict(ProblemText.SocialWorkerAlreadyResident);
            }
            if (from <= current.From)
            {
                throw RequestProblem.Invalid("from", Problems.Format(ProblemText.SocialWorkerNewResidenceStartAfter, current.From));
            }
            current.To = from.AddDays(-1);
        }
        if (Open(AssignmentRole.Supporting, station.Id) is { } supporting)
        {
            supporting.To = from.AddDays(-1) < supporting.From ? supporting.From : from.AddDays(-1);
        }
        Assignments.Add(new StationAssignment { StationId = station.Id, Role = AssignmentRole.Resident, From = from });
        ResidentStationId = station.Id;
        RegionCode = station.RegionCode;
        IsLocal = station.RegionCode[..6] == NativeCountyCode[..6];
    }

    /// <summary>Adds a station the worker supports besides their residence.</summary>
    public void Support(Station station, DateOnly from)
    {
        EnsureActive();
        if (ResidentStationId == station.Id || Open(AssignmentRole.Supporting, station.Id) is not null)
        {
            throw RequestProblem.Conflict(ProblemText.SocialWorkerAlreadyWorksThere);
        }
        Assignments.Add(new StationAssignment { StationId = station.Id, Role = AssignmentRole.Supporting, From = from });
    }

    public void EndAssignment(int assignmentId, DateOnly on)
    {
        var assignment = Assignments.FirstOrDefault(a => a.Id == assignmentId && a.To is null)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.SocialWorkerNoOpenAssignmentId, assignmentId));
        if (on < assignment.From)
        {
            throw RequestProblem.Invalid("on", ProblemText.SocialWorkerEndDateBeforeStartDate);
        }
        assignment.To = on;
        if (assignment.Role == AssignmentRole.Resident)
        {
            ResidentStationId = null;
            IsLocal = false;
        }
    }

    /// <summary>Leaves the workforce: every open assignment ends that day.</summary>
    public void Leave(DateOnly on)
    {
        EnsureActive();
        if (on < HiredOn)
        {
            throw RequestProblem.Invalid("on", ProblemText.SocialWorkerLeavingDateBeforeHiringDate);
        }
        foreach (var open in Assignments.Where(a => a.To is null))
        {
            open.To = on < open.From ? open.From : on;
        }
        ResidentStationId = null;
        IsLocal = false;
        LeftOn = on;
        Status = SocialWorkerStatus.Left;
    }

    private StationAssignment? Open(AssignmentRole role, int? stationId = null) =>
        Assignments.FirstOrDefault(a => a.Role == role && a.To is null && (stationId is null || a.StationId == stationId));

    private void EnsureActive()
    {
        if (Status == SocialWorkerStatus.Left)
        {
            throw RequestProblem.Conflict(ProblemText.SocialWorkerHasLeft);
        }
    }
}

/// <summary>A period at a station: resident (one at a time) or supporting (any number).</summary>
public class StationAssignment : IScopedThrough<SocialWorker>
{
    public int Id { get; private set; }
    public int SocialWorkerId { get; private set; }
    public int StationId { get; init; }
    public AssignmentRole Role { get; init; }
    public DateOnly From { get; init; }
    public DateOnly? To { get; set; }
}
