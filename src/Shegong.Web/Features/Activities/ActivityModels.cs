using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
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

/// <summary>The columns of the activity list's Excel export, in the words of the list page (the request's language).</summary>
public static class ActivityExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<GroupWorkText> t, Func<PageRequest, CancellationToken, Task<PagedResult<ActivityRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("CommunityActivity", "Id"), r => r.Id),
        (t["Title"], r => r.Title),
        (t["Date"], r => r.Date.ToString(DateFormat.Iso)),
        (t["Station"], r => r.StationName),
        (t["Place"], r => r.PlaceName),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["Category"], r => t["ServiceCategory" + r.Category].Value),
        (t["Participants"], r => r.ParticipantCount),
        (t["NamedParticipants"], r => r.NamedParticipants),
        (t["Files"], r => r.Files));
}
