using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>
/// The names of the donors of donations the reader may see. A donor kept by the county may give to a township station, and
/// the township's staff who received the money know who gave it: its name (never its contact or note) shows on the
/// township's donations although the donor itself lies outside their scope (GET of the donor stays 404). The only
/// unscoped read of donors: a query of its own over one table, and callers pass only ids taken from donations read
/// through the scope. <c>DonationTests.A_township_sees_the_name_of_a_county_donor_on_its_donation_but_not_the_donor</c>.
/// </summary>
internal static class DonorNames
{
    public static async Task<Dictionary<int, string>> OfAsync(ShegongDb db, IEnumerable<int> donorIdsOfVisibleDonations, CancellationToken cancellationToken)
    {
        var wanted = donorIdsOfVisibleDonations.Distinct().ToList();
        return await db.Set<Donor>().IgnoreQueryFilters().AsNoTracking().Where(d => wanted.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
    }
}
