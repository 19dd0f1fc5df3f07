using Microsoft.Extensions.Localization;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Stations;

/// <summary>The columns of the station list's Excel export, in the words of the list page (the request's language).</summary>
public static class StationExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<StationText> t, Func<PageRequest, CancellationToken, Task<PagedResult<StationRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Station", "Id"), r => r.Id),
        (t["ColName"], r => r.Name),
        (t["ColLevel"], r => t.Level(r.Level)),
        (t["ColStatus"], r => t.Status(r.Status)),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["ColRegion"], r => r.RegionPath),
        (t["ColOpenedOn"], r => r.OpenedOn?.ToString(DateFormat.Iso)),
        (t["ColBuildPath"], r => t.Path(r.BuildPath)),
        (t["FieldPhone"], r => r.Phone));
}
