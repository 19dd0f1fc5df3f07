using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Workforce.Agencies;

/// <summary>The create/edit form of an agency, shared by the Blazor form and the API.</summary>
public sealed class AgencyForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AgencyNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AgencyNameCharacters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.CreditCodeRequired))]
    [CreditCode]
    public string? CreditCode { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AgencyRegisteredRegionRequired))]
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    /// <summary>County codes the agency serves; the registered county when empty.</summary>
    public List<string>? ServiceAreaCodes { get; set; }

    public AgencyRating? Rating { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.AgencyContactPersonCharacters))]
    public string? ContactPerson { get; set; }

    [PhoneNumber]
    public string? ContactPhone { get; set; }

    public AgencyStatus? Status { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>): required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

public sealed record AgencyFilter(string? Region = null, AgencyStatus? Status = null, AgencyRating? Rating = null, string? Search = null)
    : IQueryFilter<AgencyFilter>
{
    public static AgencyFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Enum<AgencyStatus>("status"), q.Enum<AgencyRating>("rating"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("status", Status), ("rating", Rating), ("search", Search));
}

public sealed record AgencyRow(
    int Id,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    AgencyRating? Rating,
    AgencyStatus Status,
    IReadOnlyList<string> ServiceAreaNames,
    int SocialWorkers,
    int ActiveContracts);

/// <summary>A county the agency serves, and whether the agency is local to it (registered there).</summary>
public sealed record ServiceAreaRow(string RegionCode, string Name, bool IsLocal);

public sealed record AgencyDetail(
    int Id,
    string Name,
    string CreditCode,
    string RegionCode,
    string RegionName,
    AgencyRating? Rating,
    AgencyStatus Status,
    string? ContactPerson,
    string ContactPhoneMasked,
    IReadOnlyList<ServiceAreaRow> ServiceAreas,
    int SocialWorkers,
    int ActiveContracts,
    uint Version);

/// <summary>The columns of the agency list's Excel export, in the words of the list page (the request's language).</summary>
public static class AgencyExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<WorkforceText> t, Func<PageRequest, CancellationToken, Task<PagedResult<AgencyRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Agency", "Id"), r => r.Id),
        (t["AgencyName"], r => r.Name),
        (t["CreditCode"], r => r.CreditCode),
        (t["RegisteredRegion"], r => r.RegionName),
        (t["Rating"], r => r.Rating is { } rating ? Names.Of(rating) : t["Unrated"].Value),
        (t["Status"], r => Names.Of(r.Status)),
        (t["ServiceAreas"], r => Names.List(r.ServiceAreaNames)),
        (t["SocialWorkerCount"], r => r.SocialWorkers),
        (t["ActiveContracts"], r => r.ActiveContracts));
}
