using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>A direct service record as entered or corrected (visits, one-off help); shared by the form and the API.</summary>
public sealed class ServiceRecordForm
{
    [Required(ErrorMessage = "请填写服务日期 / servedOn is required")]
    public DateOnly? ServedOn { get; set; }

    [Required(ErrorMessage = "请选择站点 / stationId is required")]
    public int? StationId { get; set; }

    [Required(ErrorMessage = "请选择服务类别 / category is required")]
    public ServiceCategory? Category { get; set; }

    [Required(ErrorMessage = "请选择服务方法 / method is required")]
    public ServiceMethod? Method { get; set; }

    [Required(ErrorMessage = "请选择服务途径 / channel is required")]
    public ServiceChannel? Channel { get; set; }

    [Required(ErrorMessage = "请填写服务时长 / durationMinutes is required")]
    [Range(1, ServiceRecordRules.MaxMinutes, ErrorMessage = "服务时长须在1到720分钟之间 / durationMinutes must be between 1 and 720")]
    public int? DurationMinutes { get; set; }

    public List<int>? WorkerIds { get; set; }

    public List<int>? ResidentIds { get; set; }

    [Range(0, ServiceRecordRules.MaxHeadCount, ErrorMessage = "未登记人数须在0到5000之间 / headCount must be between 0 and 5000")]
    public int? HeadCount { get; set; }

    [Range(typeof(decimal), "0", "100000000", ErrorMessage = "价值须在0到1亿元之间 / valueYuan must be between 0 and 100,000,000 yuan")]
    public decimal? ValueYuan { get; set; }

    [StringLength(1000, ErrorMessage = "服务内容不能超过1000个字 / content is at most 1000 characters")]
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
