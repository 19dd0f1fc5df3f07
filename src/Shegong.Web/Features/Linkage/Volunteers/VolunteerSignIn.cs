using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>
/// A volunteer signs in with their mobile number, which is stored only as cipher, hash and mask: the sign-in finds
/// the volunteer's account through the keyed hash (every configured key, as during a rotation) and goes on with its user name.
/// </summary>
public static class VolunteerSignIn
{
    /// <summary>The user name of the account of the volunteer with this mobile number; null when there is none.</summary>
    public static async Task<string?> UserNameAsync(ShegongDb db, PersonalData personal, string mobile, CancellationToken cancellationToken)
    {
        var hashes = personal.Hashes(PersonalField.Phone, PhoneNumber.Normalize(mobile));
        // Sign-in has no scope yet; it looks past the filters on purpose, as for user names.
        var accountId = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => hashes.Contains(v.PhoneHash) && v.AccountId != null)
            .Select(v => v.AccountId).FirstOrDefaultAsync(cancellationToken);
        return accountId is null ? null
            : await db.Users.IgnoreQueryFilters().Where(a => a.Id == accountId).Select(a => a.UserName).FirstOrDefaultAsync(cancellationToken);
    }
}
