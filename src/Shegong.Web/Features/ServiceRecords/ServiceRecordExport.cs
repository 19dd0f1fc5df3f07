using Shegong.Web.Common;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>The columns of the service-record list's Excel export (names only: no personal field is exported).</summary>
public static class ServiceRecordExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<ServiceRecordRow>>> list, string? sort,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("服务日期", r => r.ServedOn.ToString(DateFormat.Iso)),
        ("站点", r => r.StationName),
        ("区划代码", r => r.RegionCode),
        ("服务类别", r => ServiceNames.Zh(r.Category)),
        ("服务方法", r => ServiceNames.Zh(r.Method)),
        ("服务途径", r => ServiceRecordNames.Zh(r.Channel)),
        ("来源", r => ServiceRecordNames.Zh(r.Source)),
        ("时长(分钟)", r => r.DurationMinutes),
        ("社工", r => r.Workers),
        ("服务对象", r => r.Residents),
        ("未登记人数", r => r.HeadCount),
        ("人次", r => r.PersonTimes),
        ("价值(元)", r => r.ValueYuan));
}
