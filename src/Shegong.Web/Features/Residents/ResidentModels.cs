using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Residents;

/// <summary>
/// The create/edit form of a resident, shared by the Blazor form and the API. With an ID number,
/// sex and birth date come from it; without one, name, birth date, sex and village identify the
/// person. On edit an empty ID number keeps the stored one (the form never holds it in plain), and
/// so does a null phone (an empty one removes it).
/// </summary>
public sealed class ResidentForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ResidentNameRequired))]
    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ResidentNameAtMost50Characters))]
    public string? Name { get; set; }

    [CitizenId]
    public string? IdNumber { get; set; }

    /// <summary>Required without an ID number (on edit, empty keeps the stored one); with one it must match it (or be left empty).</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Required without an ID number (on edit, empty keeps the stored one); with one it must match it (or be left empty).</summary>
    public Sex? Sex { get; set; }

    [PhoneNumber]
    [StringLength(30, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ResidentPhoneAtMost30Characters))]
    public string? Phone { get; set; }

    /// <summary>The village or community (a 12-digit village-level region code) the resident lives in.</summary>
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ResidentVillageCommunityRequired))]
    public string? RegionCode { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ResidentAddressAtMost200Characters))]
    public string? Address { get; set; }

    public List<VulnerabilityTag>? Tags { get; set; }

    /// <summary>Save even though a resident with the same name, birth date and village exists (the user checked it is someone else).</summary>
    public bool ConfirmDuplicate { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>); required on edit, a changed record is a 409.</summary>
    public uint? Version { get; set; }
}

public sealed record ResidentConsentForm(DateOnly? On, uint? Version);

public sealed record ResidentRevealForm(string? Field);

public sealed record ResidentRevealResult(string Field, string Value);

/// <summary>An exact lookup by ID number or phone: a POST body so the value never sits in a URL; revealers only, rate-limited, audited.</summary>
public sealed record ResidentLookup(string? IdNumber, string? Phone);

public sealed record HouseholdForm(int? HeadResidentId, string? Address);

public sealed record HouseholdMemberForm(int? ResidentId, HouseholdRelation? Relation, uint? Version);

public sealed record HouseholdVersionForm(uint? Version);

public sealed record ResidentFilter(
    string? Region = null,
    string? Township = null,
    string? Village = null,
    VulnerabilityTag? Tag = null,
    string? Search = null,
    string? IdFragment = null) : IQueryFilter<ResidentFilter>
{
    // Whole ID numbers and phones are looked up by POST (ResidentLookup), never through a URL;
    // the fragment matches the masked form only, so it tells nobody more than the list shows.
    public static ResidentFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.String("township"), q.String("village"), q.Enum<VulnerabilityTag>("tag"), q.String("search"), q.String("idFragment"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("township", Township), ("village", Village), ("tag", Tag), ("search", Search), ("idFragment", IdFragment));
}

/// <summary>A resident in a list: ID number and phone masked, the birth date only as an age.</summary>
public sealed record ResidentRow(
    int Id,
    string Name,
    Sex Sex,
    int Age,
    string IdNumberMasked,
    string PhoneMasked,
    string RegionCode,
    string VillageName,
    IReadOnlyList<VulnerabilityTag> Tags,
    bool HasConsent,
    int? HouseholdId);

public sealed record ResidentViewRow(string UserName, DateTime At);

public sealed record HouseholdMemberRow(int ResidentId, string Name, HouseholdRelation? Relation, int Age);

public sealed record HouseholdDetail(int Id, string RegionCode, int? HeadResidentId, string? Address, IReadOnlyList<HouseholdMemberRow> Members, uint Version);

public sealed record ResidentDetail(
    int Id,
    string Name,
    Sex Sex,
    int Age,
    bool HasIdNumber,
    string IdNumberMasked,
    string PhoneMasked,
    string RegionCode,
    string VillageName,
    string? Address,
    IReadOnlyList<VulnerabilityTag> Tags,
    DateOnly? ConsentGivenOn,
    string? ConsentRecordedBy,
    DateOnly? ConsentWithdrawnOn,
    bool HasConsent,
    HouseholdRelation? Relation,
    HouseholdDetail? Household,
    int ViewCount,
    IReadOnlyList<ResidentViewRow> Views,
    uint Version);
