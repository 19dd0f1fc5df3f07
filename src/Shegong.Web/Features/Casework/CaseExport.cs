using Shegong.Web.Common;

namespace Shegong.Web.Features.Casework;

/// <summary>The columns of the case list's Excel export (names only: no protected field is in a case row).</summary>
public static class CaseExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<CaseRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("服务对象", r => r.ResidentName),
        ("站点", r => r.StationName),
        ("负责社工", r => r.WorkerName),
        ("阶段", r => CaseStageRules.Zh(r.Stage)),
        ("开案日期", r => r.OpenedOn.ToString(DateFormat.Iso)),
        ("结案日期", r => r.ClosedOn?.ToString(DateFormat.Iso)));
}
