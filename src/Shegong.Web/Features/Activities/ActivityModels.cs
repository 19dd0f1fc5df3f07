using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Activities;

/// <summary>The create/edit form of a community activity, shared by the Blazor form and the API.</summary>
public sealed class ActivityForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityOrganisingStationRequired))]
    public int? StationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityTitleRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityTitleAtMost200Characters))]
    public string? Title { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupDateRequired))]
    public DateOnly? Date { get; set; }

    /// <summary>The village (12-digit code) where it took place; empty means the station's own region.</summary>
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityVillageCodeMust12Digits))]
    public string? VillageCode { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityVenueAtMost200Characters))]
    public string? Venue { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupCategoryRequired))]
    public ServiceCategory? Category { get; set; }

    [Range(0, 1440, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityDurationMustBetween01440Minutes))]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityParticipantCountRequired))]
    [Range(1, 100000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityParticipantCountMustBetween1100000))]
    public int? ParticipantCount { get; set; }

    /// <summary>Participants known by name (resident ids); the rest of the count are unnamed.</summary>
    public List<int>? ParticipantIds { get; set; }

    /// <summary>Social workers who ran it (they appear on the service record).</summary>
    public List<int>? WorkerIds { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityVolunteersAtMost1000Characters))]
    [MultiLine]
    public string? Volunteers { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityOrganisationsAtMost1000Characters))]
    [MultiLine]
    public string? Organisations { get; set; }

    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ActivityDescriptionAtMost2000Characters))]
    [MultiLine]
    public string? Description { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>); required on edit, ignored on create.</summary>
    public uint? Version { get; set; }
}

public sealed record ActivityFilter(string? Region = null, ServiceCategory? Category = null, DateOnly? From = null, DateOnly? To = null,
    string? Search = null) : IQueryFilter<ActivityFilter>
{
    public static ActivityFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<ServiceCategory>("category"), q.Date("from"),
        q.Date("to"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("category", Category), ("from", From), ("to", To), ("search", Search));
}

public sealed record ActivityRow(int Id, string Title, DateOnly Date, int StationId, string StationName, string RegionCode, string PlaceName,
    ServiceCategory Category, int ParticipantCount, int NamedParticipants, int Files, uint Version);

public sealed record ActivityFileRow(int Id, string FileName, string ContentType, long Size, DateTime UploadedAt);

public sealed record WorkerChoice(int Id, string Name);

public sealed record ActivityDetail(int Id, string Title, DateOnly Date, int StationId, string StationName, string RegionCode, string PlaceName,
    string PlacePath, string? VillageCode, string? Venue, ServiceCategory Category, int DurationMinutes, int ParticipantCount,
    IReadOnlyList<ResidentChoice> Participants, IReadOnlyList<WorkerChoice> Workers, string? Volunteers, string? Organisations, string? Description,
    IReadOnlyList<ActivityFileRow> Files, int ServiceRecordId, int PersonTimes, uint Version);

public static class ActivityExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<ActivityRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("活动名称", r => r.Title),
        ("日期", r => r.Date.ToString("yyyy-MM-dd")),
        ("组织站点", r => r.StationName),
        ("地点", r => r.PlaceName),
        ("区划代码", r => r.RegionCode),
        ("服务类别", r => ServiceNames.Zh(r.Category)),
        ("参与人数", r => r.ParticipantCount),
        ("其中登记服务对象", r => r.NamedParticipants),
        ("佐证材料数", r => r.Files));
}
