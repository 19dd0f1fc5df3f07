using Microsoft.Extensions.Localization;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Requests;

/// <summary>
/// The request list's Excel columns, in the words of the list page (the request's language); the phone only
/// in its stored masked form.
/// </summary>
public static class ServiceRequestExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<RequestText> t, Func<PageRequest, CancellationToken, Task<PagedResult<ServiceRequestRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("ServiceRequest", "Id"), r => r.Id),
        (t["ColRaisedAt"], r => r.RaisedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        (t["ColOrigin"], r => t[$"Origin_{r.Origin}"].Value),
        (t["ColStatus"], r => t[$"Status_{r.Status}"].Value),
        (t["ColContact"], r => r.ContactName),
        (t["ColPhone"], r => r.PhoneMasked),
        (t["ColVillage"], r => r.VillagePath),
        (t["Category"], r => Names.Of(r.Category)),
        (t["Urgent"], r => r.Urgent ? NameText.Yes : NameText.No),
        (t["ColWorker"], r => r.WorkerName),
        (t["ColSatisfaction"], r => r.Satisfaction));
}
