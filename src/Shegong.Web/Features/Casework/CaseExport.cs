using Microsoft.Extensions.Localization;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Casework;

/// <summary>
/// The columns of the case list's Excel export, in the words of the list page (the request's language);
/// names only: no protected field is in a case row.
/// </summary>
public static class CaseExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<CaseText> t, Func<PageRequest, CancellationToken, Task<PagedResult<CaseRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Case", "Id"), r => r.Id),
        (t["ColResident"], r => r.ResidentName),
        (t["ColStation"], r => r.StationName),
        (t["ColWorker"], r => r.WorkerName),
        (t["ColStage"], r => t["CaseStage" + r.Stage].Value),
        (t["ColOpenedOn"], r => r.OpenedOn.ToString(DateFormat.Iso)),
        (Names.Field("Case", "ClosedOn"), r => r.ClosedOn?.ToString(DateFormat.Iso)));
}
