using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Workforce.Development;

/// <summary>The form of a training or supervision session, shared by the Blazor form and the API.</summary>
public sealed class StaffSessionForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionOrganiserStationRequired))]
    public int? OrganiserStationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionDateRequired))]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionHoursRequired))]
    [Range(typeof(decimal), "0.5", "100", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionHoursBetween))]
    public decimal? Hours { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionTopicRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionTopicCharacters))]
    public string? Topic { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionTrainerSupervisorRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionTrainerSupervisorCharacters))]
    public string? Leader { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.SessionNoteCharacters))]
    [MultiLine]
    public string? Note { get; set; }

    public List<int>? AttendeeIds { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>): required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

public sealed record StaffSessionFilter(string? Region = null, int? Year = null, int? SocialWorkerId = null, string? Search = null)
    : IQueryFilter<StaffSessionFilter>
{
    public static StaffSessionFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Int("year"), q.Int("socialWorkerId"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("year", Year), ("socialWorkerId", SocialWorkerId), ("search", Search));
}

public sealed record StaffSessionRow(int Id, int OrganiserStationId, string OrganiserName, string RegionCode, DateOnly Date, decimal Hours,
    string Topic, string Leader, int Attendees);

public sealed record AttendeeRow(int SocialWorkerId, string Name);

public sealed record StaffSessionDetail(int Id, int OrganiserStationId, string OrganiserName, string RegionCode, DateOnly Date, decimal Hours,
    string Topic, string Leader, string? Note, IReadOnlyList<AttendeeRow> Attendees, uint Version);

/// <summary>
/// The columns of the training or supervision list's Excel export, in the words of the list page (the
/// request's language); the leader column is headed by its kind (trainer or supervisor).
/// </summary>
public static class StaffSessionExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<WorkforceText> t, Func<PageRequest, CancellationToken, Task<PagedResult<StaffSessionRow>>> list,
        string? sort, string leaderKey, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName,
        cancellationToken,
        (Names.Field("StaffSession", "Id"), r => r.Id),
        (t["Date"], r => r.Date.ToString(DateFormat.Iso)),
        (t["Organiser"], r => r.OrganiserName),
        (t["Topic"], r => r.Topic),
        (t[leaderKey], r => r.Leader),
        (t["HoursColumn"], r => r.Hours),
        (t["Attendees"], r => r.Attendees));
}
