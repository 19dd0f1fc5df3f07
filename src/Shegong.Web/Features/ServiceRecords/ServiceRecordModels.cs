using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>A direct service record as entered or corrected (visits, one-off help); shared by the form and the API.</summary>
public sealed class ServiceRecordForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordServedOnRequired))]
    public DateOnly? ServedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordStationIdRequired))]
    public int? StationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.GroupCategoryRequired))]
    public ServiceCategory? Category { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordMethodRequired))]
    public ServiceMethod? Method { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordChannelRequired))]
    public ServiceChannel? Channel { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordDurationMinutesRequired))]
    [Range(1, ServiceRecordRules.MaxMinutes, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordDurationMinutesMustBetween1720))]
    public int? DurationMinutes { get; set; }

    public List<int>? WorkerIds { get; set; }

    public List<int>? ResidentIds { get; set; }

    [Range(0, ServiceRecordRules.MaxHeadCount, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordHeadCountMustBetween05000))]
    public int? HeadCount { get; set; }

    [Range(typeof(decimal), "0", "100000000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordValueYuanMustBetween0100000000))]
    public decimal? ValueYuan { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ServiceRecordContentAtMost1000Characters))]
    [MultiLine]
    public string? Content { get; set; }

    /// <summary>The version read (the detail's <c>version</c>); required on a correction, ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>Filters of the service-record list; region includes everything under it, the period both ends.</summary>
public sealed record ServiceRecordFilter(
    string? Region = null,
    int? StationId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    ServiceCategory? Category = null,
    ServiceMethod? Method = null,
    ServiceChannel? Channel = null,
    ServiceSource? Source = null,
    int? WorkerId = null,
    int? ResidentId = null) : IQueryFilter<ServiceRecordFilter>
{
    public static ServiceRecordFilter FromQuery(QueryValues q) => new(q.String("region"), q.Int("stationId"), q.Date("from"), q.Date("to"),
        q.Enum<ServiceCategory>("category"), q.Enum<ServiceMethod>("method"), q.Enum<ServiceChannel>("channel"), q.Enum<ServiceSource>("source"),
        q.Int("workerId"), q.Int("residentId"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("region", Region), ("stationId", StationId), ("from", From),
        ("to", To), ("category", Category), ("method", Method), ("channel", Channel), ("source", Source), ("workerId", WorkerId), ("residentId", ResidentId));
}

public sealed record ServiceRecordRow(
    int Id,
    DateOnly ServedOn,
    int StationId,
    string StationName,
    string RegionCode,
    ServiceCategory Category,
    ServiceMethod Method,
    ServiceChannel Channel,
    ServiceSource Source,
    int DurationMinutes,
    int NamedCount,
    int HeadCount,
    int PersonTimes,
    decimal? ValueYuan,
    string Workers,
    string Residents,
    uint Version);

public sealed record NamedRef(int Id, string Name);

public sealed record ServiceRecordDetail(
    int Id,
    DateOnly ServedOn,
    int StationId,
    string StationName,
    string RegionCode,
    string RegionPath,
    ServiceCategory Category,
    ServiceMethod Method,
    ServiceChannel Channel,
    ServiceSource Source,
    int DurationMinutes,
    IReadOnlyList<NamedRef> Workers,
    IReadOnlyList<NamedRef> Residents,
    int HeadCount,
    int PersonTimes,
    decimal? ValueYuan,
    string? Content,
    bool EditableHere,
    DateTime CreatedAt,
    uint Version);

/// <summary>The figures of a filtered set of records: person-times are summed, people served are distinct residents.</summary>
public sealed record ServiceRecordSummary(int Records, int PersonTimes, int PeopleServed, int HeadCount, int Minutes, decimal ValueYuan);
