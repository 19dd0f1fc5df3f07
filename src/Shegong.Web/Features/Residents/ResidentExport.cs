using Microsoft.Extensions.Localization;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Residents;

/// <summary>
/// The resident list as an Excel file, in the words of the list page (the request's language): masked ID
/// numbers and phones, ages instead of birth dates.
/// </summary>
public static class ResidentExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<ResidentText> t, Func<PageRequest, CancellationToken, Task<PagedResult<ResidentRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Resident", "Id"), r => r.Id),
        (t["Name"], r => r.Name),
        (t["Sex"], r => t["Sex" + r.Sex].Value),
        (t["Age"], r => r.Age),
        (t["IdNumber"], r => r.IdNumberMasked),
        (t["Phone"], r => r.PhoneMasked),
        (t["Village"], r => r.VillageName),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["Tags"], r => Names.List(r.Tags.Select(tag => Names.Of(tag)))),
        (t["Consent"], r => r.HasConsent ? t["Yes"].Value : t["No"].Value));
}
