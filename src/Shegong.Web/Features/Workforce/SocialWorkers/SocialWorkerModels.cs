using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

/// <summary>
/// The create/edit form of a social worker, shared by the Blazor form and the API. On edit an
/// empty ID number keeps the stored one (the form never holds it in plain), and so does a null phone.
/// </summary>
public sealed class SocialWorkerForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerNameRequired))]
    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerNameCharacters))]
    public string? Name { get; set; }

    [CitizenId]
    public string? IdNumber { get; set; }

    [MobileNumber]
    public string? Phone { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerEducationRequired))]
    public Education? Education { get; set; }

    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerMajorCharacters))]
    public string? Major { get; set; }

    [Range(1950, 2100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerGraduationYearBetween))]
    public int? GraduationYear { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerCertificationRequired))]
    public CertificationLevel? Certification { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerCertificateNumberCharacters))]
    public string? CertificateNumber { get; set; }

    [Range(2008, 2100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerCertificateYearBetween))]
    public int? CertificateYear { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerAgencyRequired))]
    public int? AgencyId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SocialWorkerHiringDateRequired))]
    public DateOnly? HiredOn { get; set; }

    /// <summary>On create: the station the worker is resident at from the hiring date.</summary>
    public int? ResidentStationId { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>): required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>A station assignment from a date, with the version of the worker the assigner read.</summary>
public sealed record AssignmentForm(int StationId, AssignmentRole Role, DateOnly? From, uint? Version = null);

/// <summary>An end (of an assignment, or of employment) on a date, with the version of the worker the mover read.</summary>
public sealed record DateForm(DateOnly? On, uint? Version = null);

public sealed record RevealForm(string Field);

public sealed record RevealResult(string Field, string Value);

public sealed record SocialWorkerFilter(
    string? Region = null,
    int? AgencyId = null,
    int? StationId = null,
    CertificationLevel? Certification = null,
    SocialWorkerStatus? Status = null,
    bool? NewGraduate = null,
    bool? Local = null,
    string? Search = null) : IQueryFilter<SocialWorkerFilter>
{
    // ID numbers and phones are looked up by POST (SocialWorkerLookup), never through a URL.
    public static SocialWorkerFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Int("agencyId"), q.Int("stationId"), q.Enum<CertificationLevel>("certification"),
            q.Enum<SocialWorkerStatus>("status"), q.Bool("newGraduate"), q.Bool("local"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("agencyId", AgencyId), ("stationId", StationId), ("certification", Certification),
            ("status", Status), ("newGraduate", NewGraduate), ("local", Local), ("search", Search));
}

/// <summary>
/// An exact lookup by ID number or phone (through the keyed hash): a POST body so the value never
/// sits in a URL, for roles that may reveal only, rate-limited and audited (without the value).
/// </summary>
public sealed record SocialWorkerLookup(string? IdNumber, string? Phone);

public sealed record SocialWorkerRow(
    int Id,
    string Name,
    Sex Sex,
    string IdNumberMasked,
    string PhoneMasked,
    int AgencyId,
    string AgencyName,
    int? ResidentStationId,
    string? ResidentStationName,
    CertificationLevel Certification,
    SocialWorkerStatus Status,
    bool IsNewGraduate,
    bool IsLocal,
    DateOnly HiredOn,
    string RegionCode);

public sealed record AssignmentRow(int Id, int StationId, string StationName, AssignmentRole Role, DateOnly From, DateOnly? To);

public sealed record HoursRow(int Year, decimal TrainingHours, decimal SupervisionHours);

public sealed record SocialWorkerDetail(
    int Id,
    string Name,
    Sex Sex,
    int Age,
    string IdNumberMasked,
    string PhoneMasked,
    string NativeCountyCode,
    Education Education,
    string? Major,
    int? GraduationYear,
    CertificationLevel Certification,
    string? CertificateNumber,
    int? CertificateYear,
    int AgencyId,
    string AgencyName,
    DateOnly HiredOn,
    DateOnly? LeftOn,
    SocialWorkerStatus Status,
    bool IsNewGraduate,
    bool IsLocal,
    int? ResidentStationId,
    string RegionCode,
    IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<HoursRow> Hours,
    uint Version);

/// <summary>The columns of the social worker list's Excel export, in the words of the list page (the request's language).</summary>
public static class SocialWorkerExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<WorkforceText> t, Func<PageRequest, CancellationToken, Task<PagedResult<SocialWorkerRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("SocialWorker", "Id"), r => r.Id),
        (t["Name"], r => r.Name),
        (t["Sex"], r => Names.Of(r.Sex)),
        (t["IdNumber"], r => r.IdNumberMasked),
        (t["Phone"], r => r.PhoneMasked),
        (t["Agency"], r => r.AgencyName),
        (t["ResidentStation"], r => r.ResidentStationName),
        (t["Certification"], r => Names.Of(r.Certification)),
        (t["NewGraduate"], r => (r.IsNewGraduate ? t["Yes"] : t["No"]).Value),
        (t["Local"], r => (r.IsLocal ? t["Yes"] : t["No"]).Value),
        (t["HiredOn"], r => r.HiredOn.ToString(DateFormat.Iso)),
        (t["Status"], r => Names.Of(r.Status)));
}
