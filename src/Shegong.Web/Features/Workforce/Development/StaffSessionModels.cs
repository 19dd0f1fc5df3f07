using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Workforce.Development;

/// <summary>The form of a training or supervision session, shared by the Blazor form and the API.</summary>
public sealed class StaffSessionForm
{
    [Required(ErrorMessage = "请选择组织站点 / organiser station is required")]
    public int? OrganiserStationId { get; set; }

    [Required(ErrorMessage = "请填写日期 / date is required")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "请填写时长 / hours are required")]
    [Range(typeof(decimal), "0.5", "100", ErrorMessage = "时长须在0.5到100小时之间 / hours must be between 0.5 and 100")]
    public decimal? Hours { get; set; }

    [Required(ErrorMessage = "请填写主题 / topic is required")]
    [StringLength(200, ErrorMessage = "主题不能超过200个字 / topic is at most 200 characters")]
    public string? Topic { get; set; }

    [Required(ErrorMessage = "请填写培训师或督导 / trainer or supervisor is required")]
    [StringLength(100, ErrorMessage = "培训师或督导不能超过100个字 / trainer or supervisor is at most 100 characters")]
    public string? Leader { get; set; }

    [StringLength(1000, ErrorMessage = "备注不能超过1000个字 / note is at most 1000 characters")]
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

public static class StaffSessionExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<StaffSessionRow>>> list, string? sort, string leaderHeader,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("日期", r => r.Date.ToString("yyyy-MM-dd")),
        ("组织站点", r => r.OrganiserName),
        ("主题", r => r.Topic),
        (leaderHeader, r => r.Leader),
        ("时长（小时）", r => r.Hours),
        ("参加人数", r => r.Attendees));
}
