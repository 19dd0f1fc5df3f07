using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.GroupWork;

/// <summary>The create/edit form of a group, shared by the Blazor form and the API.</summary>
public sealed class GroupForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupStationRequired))]
    public int? StationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupNameAtMost100Characters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupPurposeRequired))]
    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupPurposeAtMost1000Characters))]
    [MultiLine]
    public string? Purpose { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupTypeRequired))]
    public GroupType? Type { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupCategoryRequired))]
    public ServiceCategory? Category { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupLeaderRequired))]
    public int? LeaderId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupPlannedSessionsRequired))]
    [Range(1, 100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupPlannedSessionsMustBetween1100))]
    public int? PlannedSessions { get; set; }

    public List<int>? MemberIds { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>); required on edit, ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>A stage move asked for: the target (the next stage) and the version the mover read.</summary>
public sealed record GroupStageForm(GroupStage Stage, uint? Version = null);

/// <summary>The form of a session: when, how long, what, and who came.</summary>
public sealed class GroupSessionForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupDateRequired))]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupDurationRequired))]
    [Range(1, 1440, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupDurationMustBetween11440Minutes))]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupContentRequired))]
    [StringLength(2000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupContentAtMost2000Characters))]
    [MultiLine]
    public string? Content { get; set; }

    /// <summary>Members present (resident ids; each must be a member of the group).</summary>
    public List<int>? AttendeeIds { get; set; }

    [Range(0, 10000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupUnnamedHeadCountMustBetween010))]
    public int? HeadCount { get; set; }

    /// <summary>The session's version the editor read; required on edit, ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>Attendance alone (the ticking page): members present, unnamed head count, and the version read.</summary>
public sealed record GroupAttendanceForm(List<int>? AttendeeIds, [property: Range(0, 10000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupUnnamedHeadCountMustBetween010))] int? HeadCount, uint? Version = null);

public sealed record GroupFilter(string? Region = null, GroupStage? Stage = null, GroupType? Type = null, ServiceCategory? Category = null,
    string? Search = null) : IQueryFilter<GroupFilter>
{
    public static GroupFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<GroupStage>("stage"), q.Enum<GroupType>("type"),
        q.Enum<ServiceCategory>("category"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("stage", Stage), ("type", Type), ("category", Category), ("search", Search));
}

public sealed record GroupRow(int Id, string Name, int StationId, string StationName, string RegionCode, GroupType Type, ServiceCategory Category,
    GroupStage Stage, string LeaderName, int PlannedSessions, int SessionsHeld, int Members, uint Version);

/// <summary>A resident as pickers and member lists show them: name and village, no personal numbers.</summary>
public sealed record ResidentChoice(int Id, string Name, string RegionCode);

public sealed record GroupSessionRow(int Id, int Number, DateOnly Date, int DurationMinutes, string Content, IReadOnlyList<int> AttendeeIds,
    int HeadCount, int PersonTimes, int ServiceRecordId, uint Version);

public sealed record GroupDetail(int Id, string Name, int StationId, string StationName, string RegionCode, string Purpose, GroupType Type,
    ServiceCategory Category, int LeaderId, string LeaderName, int PlannedSessions, GroupStage Stage, GroupStage? NextStage,
    IReadOnlyList<ResidentChoice> Members, IReadOnlyList<GroupSessionRow> Sessions, uint Version);

/// <summary>The columns of the group list's Excel export, in the words of the list page (the request's language).</summary>
public static class GroupExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<GroupWorkText> t, Func<PageRequest, CancellationToken, Task<PagedResult<GroupRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Group", "Id"), r => r.Id),
        (t["GroupName"], r => r.Name),
        (t["Station"], r => r.StationName),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["Type"], r => t["GroupType" + r.Type].Value),
        (t["Category"], r => t["ServiceCategory" + r.Category].Value),
        (t["Stage"], r => t["GroupStage" + r.Stage].Value),
        (t["Leader"], r => r.LeaderName),
        (t["PlannedSessions"], r => r.PlannedSessions),
        (t["SessionsHeld"], r => r.SessionsHeld),
        (t["Members"], r => r.Members));
}
