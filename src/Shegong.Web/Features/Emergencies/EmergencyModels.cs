using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Emergencies;

/// <summary>Declaring or editing an emergency, shared by the Blazor form and the API. Closing is apart.</summary>
public sealed class EmergencyForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyTypeRequired))]
    public EmergencyType? Type { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyNameAtMost100Characters))]
    public string? Name { get; set; }

    /// <summary>The declaring region (12 digits): the declarer's own region or one below it; empty means the declarer's own.</summary>
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    /// <summary>The affected regions, each the declaring region or one under it.</summary>
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyAreasRequired))]
    [Length(1, 200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyAreasRequired))]
    public List<string>? AreaCodes { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyStartRequired))]
    public DateOnly? StartDate { get; set; }

    /// <summary>Optional while the emergency lasts; closing sets it.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>The version the editor read: required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>Closing an emergency on its last day.</summary>
public sealed class EmergencyCloseForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyEndRequired))]
    public DateOnly? EndDate { get; set; }

    public uint? Version { get; set; }
}

/// <summary>A station's report for one day; a count left out is zero.</summary>
public sealed class EmergencyReportForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportStationRequired))]
    public int? StationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportDayRequired))]
    public DateOnly? Day { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportCountRange))]
    public int? Screening { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportCountRange))]
    public int? TestingSupport { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportCountRange))]
    public int? SupplyDelivery { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportCountRange))]
    public int? CareVisits { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportCountRange))]
    public int? VolunteersMobilised { get; set; }

    [Range(0, 1_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportCountRange))]
    public int? OrganisationsMobilised { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.EmergencyReportNoteAtMost500Characters))]
    public string? Note { get; set; }

    /// <summary>The station's own volunteer teams mobilised that day; a repeated id counts once. Left out: none named.</summary>
    public List<int>? TeamIds { get; set; }

    /// <summary>The station's own community organisations mobilised that day; a repeated id counts once.</summary>
    public List<int>? OrganisationIds { get; set; }

    public uint? Version { get; set; }
}

public sealed record EmergencyFilter(string? Region = null, EmergencyType? Type = null, EmergencyStatus? Status = null, string? Search = null)
    : IQueryFilter<EmergencyFilter>
{
    public static EmergencyFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Enum<EmergencyType>("type"), q.Enum<EmergencyStatus>("status"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("type", Type), ("status", Status), ("search", Search));
}

public sealed record EmergencyRow(int Id, string Name, EmergencyType Type, EmergencyStatus Status, string RegionCode, string RegionName,
    DateOnly StartDate, DateOnly? EndDate, int AreaCount);

public sealed record EmergencyAreaView(string RegionCode, string Name, string Path);

public sealed record EmergencyDetail(int Id, string Name, EmergencyType Type, EmergencyStatus Status, string RegionCode, string RegionName,
    DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<EmergencyAreaView> Areas, uint Version);

public sealed record EmergencyReportView(int Id, int EmergencyId, int StationId, string StationName, string RegionCode, DateOnly Day, int Screening,
    int TestingSupport, int SupplyDelivery, int CareVisits, int VolunteersMobilised, int OrganisationsMobilised, string? Note, uint Version, IReadOnlyList<NamedGroup> Teams,
    IReadOnlyList<NamedGroup> Organisations);

/// <summary>A volunteer team or community organisation a report names as mobilised.</summary>
public sealed record NamedGroup(int Id, string Name);
