using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

/// <summary>
/// Exact lookups by ID number or phone. A masked phone hides only four digits, so an exact match
/// offered to everyone would let a reader try all 10,000 and learn the number: lookups are for
/// roles that may reveal, are rate-limited per user (<see cref="LookupRateLimit"/>), and each is
/// audited (who, which field, which records — never the value).
/// </summary>
public sealed partial class SocialWorkerService
{
    public async Task<IReadOnlyList<SocialWorkerRow>> LookupAsync(SocialWorkerLookup lookup, CancellationToken cancellationToken = default)
    {
        reveals.Authorize<SocialWorker>();
        var hasId = !string.IsNullOrWhiteSpace(lookup.IdNumber);
        var hasPhone = !string.IsNullOrWhiteSpace(lookup.Phone);
        if (hasId == hasPhone)
        {
            throw RequestProblem.Invalid("idNumber", ProblemText.SocialWorkerLookupOneOf);
        }
        // Every hash the row may carry: during a key rotation some rows still hold the previous key's hash.
        var hashes = hasId
            ? personal.Hashes(PersonalField.IdNumber, CitizenId.Normalize(lookup.IdNumber!))
            : personal.Hashes(PersonalField.Phone, PhoneNumber.Normalize(lookup.Phone!));
        var query = hasId ? db.SocialWorkers.Where(w => hashes.Contains(w.IdNumberHash)) : db.SocialWorkers.Where(w => hashes.Contains(w.PhoneHash!));
        var workers = await query.OrderBy(w => w.Id).Take(PageRequest.MaxPageSize).AsNoTracking().ToListAsync(cancellationToken);
        await reveals.RecordLookupAsync<SocialWorker>(hasId ? "idNumber" : "phone", workers.Select(w => w.Id).ToList(), cancellationToken);
        return await ToRowsAsync(workers, cancellationToken);
    }

    /// <summary>Whole years lived on <paramref name="today"/>: what a reader who may not reveal sees of the birth date.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate > today.AddYears(-age) ? age - 1 : age;
    }
}
