using Shegong.Web.Common;

namespace Shegong.Web.Features.Stations;

/// <summary>The columns of the station list's Excel export.</summary>
public static class StationExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<StationRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("站点名称", r => r.Name),
        ("级别", r => StationLevels.ZhName(r.Level)),
        ("状态", r => StatusNames.Zh(r.Status)),
        ("区划代码", r => r.RegionCode),
        ("所在区划", r => r.RegionPath),
        ("启用日期", r => r.OpenedOn?.ToString("yyyy-MM-dd")),
        ("建设途径", r => r.BuildPath is { } b ? BuildPathNames.Zh(b) : null),
        ("联系电话", r => r.Phone));
}

public static class BuildPathNames
{
    public static string Zh(BuildPath path) => path switch
    {
        BuildPath.GovernancePilot => "依托城乡社区治理试点",
        BuildPath.CivilAffairsFacility => "依托民政服务设施",
        BuildPath.SelfBuilt => "市县自建",
        _ => "整合现有场地",
    };
}
