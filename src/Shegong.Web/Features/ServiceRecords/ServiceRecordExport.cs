using Microsoft.Extensions.Localization;
using Shegong.Web.Common;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>
/// The columns of the service-record list's Excel export, in the words of the list page (the request's
/// language); names only: no personal field is exported.
/// </summary>
public static class ServiceRecordExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<RecordText> t, Func<PageRequest, CancellationToken, Task<PagedResult<ServiceRecordRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("ServiceRecord", "Id"), r => r.Id),
        (t["ColDate"], r => r.ServedOn.ToString(DateFormat.Iso)),
        (t["ColStation"], r => r.StationName),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["ColCategory"], r => t.Category(r.Category)),
        (t["ColMethod"], r => t.Method(r.Method)),
        (t["ColChannel"], r => t.Channel(r.Channel)),
        (t["ColSource"], r => t.Source(r.Source)),
        (t["ColDuration"], r => r.DurationMinutes),
        (t["ColWorkers"], r => r.Workers),
        (t["ColResidents"], r => r.Residents),
        (t["FieldHeadCount"], r => r.HeadCount),
        (t["ColPersonTimes"], r => r.PersonTimes),
        (t["FieldValue"], r => r.ValueYuan));
}
