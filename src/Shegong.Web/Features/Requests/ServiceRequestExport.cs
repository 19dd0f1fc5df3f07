using Shegong.Web.Common;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Requests;

/// <summary>The request list's Excel columns; the phone only in its stored masked form.</summary>
public static class ServiceRequestExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<ServiceRequestRow>>> list, string? sort,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("提出时间", r => r.RaisedAt.ToString("yyyy-MM-dd HH:mm")),
        ("提出方式", r => RequestNames.Zh(r.Origin)),
        ("状态", r => RequestNames.Zh(r.Status)),
        ("联系人", r => r.ContactName),
        ("电话", r => r.PhoneMasked),
        ("村(社区)", r => r.VillagePath),
        ("服务类别", r => r.Category is { } c ? ServiceNames.Zh(c) : null),
        ("紧急", r => r.Urgent ? "是" : "否"),
        ("社工", r => r.WorkerName),
        ("满意度", r => r.Satisfaction));
}
