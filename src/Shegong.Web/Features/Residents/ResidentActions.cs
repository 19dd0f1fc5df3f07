using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Residents;

/// <summary>Consent, revealing protected fields, and exact lookups by ID number or phone.</summary>
public sealed partial class ResidentService
{
    /// <summary>Records the resident's consent to data processing on a date, by the signed-in user; a withdrawn consent may be given again.</summary>
    public async Task<ResidentDetail> RecordConsentAsync(int id, ResidentConsentForm form, CancellationToken cancellationToken = default)
    {
        var resident = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, resident, form.Version);
        var on = form.On ?? Today;
        if (on > Today)
        {
            throw RequestProblem.Invalid("on", ProblemText.ResidentConsentCannotDatedInFuture);
        }
        resident.ConsentGivenOn = on;
        resident.ConsentRecordedBy = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        resident.ConsentWithdrawnOn = null;
        await SaveAsync(cancellationToken);
        return await DetailAsync(id, cancellationToken);
    }

    public async Task<ResidentDetail> WithdrawConsentAsync(int id, ResidentConsentForm form, CancellationToken cancellationToken = default)
    {
        var resident = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, resident, form.Version);
        if (!resident.HasConsent)
        {
            throw RequestProblem.Invalid("on", ProblemText.ResidentResidentNoConsentWithdraw);
        }
        var on = form.On ?? Today;
        if (on > Today || on < resident.ConsentGivenOn)
        {
            throw RequestProblem.Invalid("on", ProblemText.ResidentWithdrawalMustLieBetweenConsentDateToday);
        }
        resident.ConsentWithdrawnOn = on;
        await SaveAsync(cancellationToken);
        return await DetailAsync(id, cancellationToken);
    }

    /// <summary>The plain ID number, phone or birth date of a resident in scope, once permitted and recorded.</summary>
    public async Task<ResidentRevealResult> RevealAsync(int id, ResidentRevealForm form, CancellationToken cancellationToken = default)
    {
        var field = form.Field?.Trim().ToLowerInvariant() switch
        {
            "idnumber" => "idNumber",
            "phone" => "phone",
            "birthdate" => "birthDate",
            _ => throw RequestProblem.Invalid("field",
                ProblemText.ResidentFieldMustIdNumberPhoneBirthDate),
        };
        reveals.Authorize<Resident>();
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);
        if (field == "idNumber" && resident.IdNumberCipher is null)
        {
            throw RequestProblem.NotFound(ProblemText.ResidentResidentNoNumberOnRecord);
        }
        if (field == "phone" && resident.PhoneCipher is null)
        {
            throw RequestProblem.NotFound(ProblemText.ResidentResidentNoPhoneOnRecord);
        }
        await reveals.AuthorizeAndRecordAsync<Resident>(resident.Id, resident.RegionCode, field, cancellationToken);
        return new ResidentRevealResult(field, field switch
        {
            "idNumber" => personal.Decrypt(PersonalField.IdNumber, resident.IdNumberCipher!),
            "phone" => personal.Decrypt(PersonalField.Phone, resident.PhoneCipher!),
            _ => resident.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// Exact match by ID number or phone through the keyed hash. A masked phone hides only four
    /// digits, so this is for roles that may reveal, rate-limited per user, and each lookup is
    /// audited (who, which field, which records — never the value).
    /// </summary>
    public async Task<IReadOnlyList<ResidentRow>> LookupAsync(ResidentLookup lookup, CancellationToken cancellationToken = default)
    {
        reveals.Authorize<Resident>();
        var hasId = !string.IsNullOrWhiteSpace(lookup.IdNumber);
        var hasPhone = !string.IsNullOrWhiteSpace(lookup.Phone);
        if (hasId == hasPhone)
        {
            throw RequestProblem.Invalid("idNumber", ProblemText.ResidentGiveEitherNumberPhoneNotBoth);
        }
        // Every hash the row may carry: during a key rotation some rows still hold the previous key's hash.
        var hashes = hasId
            ? personal.Hashes(PersonalField.IdNumber, CitizenId.Normalize(lookup.IdNumber!))
            : personal.Hashes(PersonalField.Phone, PhoneNumber.Normalize(lookup.Phone!));
        var query = hasId ? db.Residents.Where(r => hashes.Contains(r.IdNumberHash!)) : db.Residents.Where(r => hashes.Contains(r.PhoneHash!));
        var residents = await query.OrderBy(r => r.Id).Take(PageRequest.MaxPageSize).Include(r => r.Tags).AsNoTracking().ToListAsync(cancellationToken);
        await reveals.RecordLookupAsync<Resident>(hasId ? "idNumber" : "phone", residents.Select(r => r.Id).ToList(), cancellationToken);
        return await ToRowsAsync(residents, cancellationToken);
    }

    /// <summary>Saves; a race lost on the unique ID-number hash becomes a 409, not a 500.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("IdNumberHash", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict(ProblemText.ResidentNumberAlreadyRegisteredResident);
        }
    }
}
