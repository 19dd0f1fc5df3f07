using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Linkage.Organisations;

/// <summary>The create/edit form of a community social organisation, shared by the Blazor form and the API. The stage moves apart.</summary>
public sealed class OrganisationForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationNameAtMost100Characters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationTypeRequired))]
    public OrganisationType? Type { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationStationRequired))]
    public int? StationId { get; set; }

    /// <summary>The village or township (12 digits) under the station; empty means the station's own township.</summary>
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationLeaderAtMost50Characters))]
    public string? LeaderName { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationMemberCountRequired))]
    [Range(1, 100000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationMemberCountRange))]
    public int? MemberCount { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationSupportAtMost1000Characters))]
    [MultiLine]
    public string? Support { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationIncubatedOnRequired))]
    public DateOnly? IncubatedOn { get; set; }

    /// <summary>The version the editor read: required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>A stage move: the next stage, its date, and the credit code when registering.</summary>
public sealed class OrganisationStageForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationStageRequired))]
    public OrganisationStage? Stage { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationStageDateRequired))]
    public DateOnly? Date { get; set; }

    public string? CreditCode { get; set; }

    public uint? Version { get; set; }
}

public sealed record OrganisationFilter(string? Region = null, OrganisationType? Type = null, OrganisationStage? Stage = null, string? Search = null)
    : IQueryFilter<OrganisationFilter>
{
    public static OrganisationFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Enum<OrganisationType>("type"), q.Enum<OrganisationStage>("stage"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("type", Type), ("stage", Stage), ("search", Search));
}

public sealed record OrganisationRow(int Id, string Name, OrganisationType Type, OrganisationStage Stage, int StationId, string StationName,
    string RegionCode, string PlaceName, string? LeaderName, int MemberCount, DateOnly IncubatedOn, string? CreditCode);

public sealed record OrganisationDetail(int Id, string Name, OrganisationType Type, OrganisationStage Stage, int StationId, string StationName,
    string RegionCode, string PlaceName, string PlacePath, string? LeaderName, int MemberCount, string? Support, DateOnly IncubatedOn,
    DateOnly? FiledOn, DateOnly? RegisteredOn, string? CreditCode, uint Version);

public static class OrganisationExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<OrganisationRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("CommunityOrganisation", "Id"), r => r.Id),
        (Names.Field("CommunityOrganisation", "Name"), r => r.Name),
        (Names.Field("CommunityOrganisation", "Type"), r => Names.Of(r.Type)),
        (Names.Field("CommunityOrganisation", "Stage"), r => Names.Of(r.Stage)),
        (Names.Field("CommunityOrganisation", "StationId"), r => r.StationName),
        (Names.Field("CommunityOrganisation", "RegionCode"), r => r.PlaceName),
        (Names.Field("CommunityOrganisation", "LeaderName"), r => r.LeaderName ?? ""),
        (Names.Field("CommunityOrganisation", "MemberCount"), r => r.MemberCount),
        (Names.Field("CommunityOrganisation", "IncubatedOn"), r => r.IncubatedOn.ToString("yyyy-MM-dd")),
        (Names.Field("CommunityOrganisation", "CreditCode"), r => r.CreditCode ?? ""));
}
