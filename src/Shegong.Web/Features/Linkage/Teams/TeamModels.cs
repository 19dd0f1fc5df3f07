using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Linkage.Teams;

/// <summary>The create/edit form of a volunteer team, shared by the Blazor form and the API.</summary>
public sealed class TeamForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamNameAtMost100Characters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamStationRequired))]
    public int? StationId { get; set; }

    /// <summary>The village or township (12 digits) under the station; empty means the station's own township.</summary>
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationLeaderAtMost50Characters))]
    public string? LeaderName { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationMemberCountRequired))]
    [Range(1, 100000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.OrganisationMemberCountRange))]
    public int? MemberCount { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamFormedOnRequired))]
    public DateOnly? FormedOn { get; set; }

    /// <summary>Still serving; true when not given.</summary>
    public bool? IsActive { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamActivitiesAtMost1000Characters))]
    [MultiLine]
    public string? Activities { get; set; }

    /// <summary>The version the editor read: required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

public sealed record TeamFilter(string? Region = null, bool? Active = null, string? Search = null) : IQueryFilter<TeamFilter>
{
    public static TeamFilter FromQuery(QueryValues q) => new(q.String("region"), q.Bool("active"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("active", Active?.ToString().ToLowerInvariant()), ("search", Search));
}

public sealed record TeamRow(int Id, string Name, int StationId, string StationName, string RegionCode, string PlaceName, string? LeaderName,
    int MemberCount, DateOnly FormedOn, bool IsActive, decimal ConfirmedHours);

public sealed record TeamDetail(int Id, string Name, int StationId, string StationName, string RegionCode, string PlaceName, string PlacePath,
    string? LeaderName, int MemberCount, DateOnly FormedOn, bool IsActive, string? Activities, uint Version, decimal ConfirmedHours);

public static class TeamExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<TeamRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("VolunteerTeam", "Id"), r => r.Id),
        (Names.Field("VolunteerTeam", "Name"), r => r.Name),
        (Names.Field("VolunteerTeam", "StationId"), r => r.StationName),
        (Names.Field("VolunteerTeam", "RegionCode"), r => r.PlaceName),
        (Names.Field("VolunteerTeam", "LeaderName"), r => r.LeaderName ?? ""),
        (Names.Field("VolunteerTeam", "MemberCount"), r => r.MemberCount),
        (Names.Field("VolunteerTeam", "FormedOn"), r => r.FormedOn.ToString("yyyy-MM-dd")),
        (Names.Field("VolunteerTeam", "IsActive"), r => r.IsActive ? NameText.Yes : NameText.No),
        (Names.Field("Volunteer", "ConfirmedHours"), r => r.ConfirmedHours));
}
