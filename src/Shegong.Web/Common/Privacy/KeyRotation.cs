using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// <c>keys rotate</c>: re-encrypts every personal-data cipher (social workers' and residents' ID
/// numbers and phones, agencies' contact phones, service requests' phones) and the data-protection key ring under the current key,
/// and re-hashes each re-encrypted value under the current hash key (a no-op when the hash key
/// did not change). Rows are done in batches, each committed on its own: a stopped run is simply
/// run again, and only values not yet under the current key are touched. Nothing is lost: a value
/// is re-encrypted from its decrypted plain text in the same row update, and the run checks at
/// the end that no value remains under another key. Also fills the masked forms left empty by
/// rows written before they existed (<see cref="FillMaskedFormsAsync"/>).
/// </summary>
public sealed class KeyRotation(ShegongDb db, PersonalData personal)
{
    private const int BatchSize = 500;

    public sealed record Result(int Rotated, int Remaining);

    public async Task<Result> RotateAsync(CancellationToken cancellationToken = default)
    {
        // Every encrypted value in the province, whoever's scope it is in: system work only.
        db.RequireSystem("keys rotate");
        var rotated = await EachBatchAsync(db.SocialWorkers.IgnoreQueryFilters(), w => w.Id, RotateWorker, cancellationToken)
            + await EachBatchAsync(db.Agencies.IgnoreQueryFilters(), a => a.Id, RotateAgency, cancellationToken)
            + await EachBatchAsync(db.Residents.IgnoreQueryFilters(), r => r.Id, RotateResident, cancellationToken)
            + await EachBatchAsync(db.Set<ServiceRequest>().IgnoreQueryFilters(), r => r.Id, RotateRequest, cancellationToken)
            + await KeyRingRotation.RotateAsync(db, personal.Keys, cancellationToken);
        return new Result(rotated, await RemainingAsync(cancellationToken));
    }

    /// <summary>Values still under a key other than the current one (0 once a rotation is complete).</summary>
    public async Task<int> RemainingAsync(CancellationToken cancellationToken = default)
    {
        var current = personal.Keys.KeyId;
        db.RequireSystem("keys rotate");
        var workers = await db.SocialWorkers.IgnoreQueryFilters().Select(w => new { w.IdNumberCipher, w.PhoneCipher }).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.IgnoreQueryFilters().Where(a => a.ContactPhoneCipher != null).Select(a => a.ContactPhoneCipher).ToListAsync(cancellationToken);
        var residents = await db.Residents.IgnoreQueryFilters().Select(r => new[] { r.IdNumberCipher, r.PhoneCipher }).ToListAsync(cancellationToken);
        var requests = await db.Set<ServiceRequest>().IgnoreQueryFilters().Where(r => r.PhoneCipher != null).Select(r => r.PhoneCipher).ToListAsync(cancellationToken);
        var ciphers = workers.Select(w => new[] { w.IdNumberCipher, w.PhoneCipher }).Append([.. agencies]).Concat(residents).Append([.. requests]);
        return ciphers.SelectMany(c => c).Count(c => c is not null && PersonalData.KeyIdOf(c) != current)
            + await KeyRingRotation.RemainingAsync(db, personal.Keys, cancellationToken);
    }

    /// <summary>Masks computed from the plain value, for rows stored before masks were kept (run at start-up).</summary>
    public async Task<int> FillMaskedFormsAsync(CancellationToken cancellationToken = default)
    {
        db.RequireSystem("fill masked forms");
        var workers = db.SocialWorkers.IgnoreQueryFilters().Where(w => w.IdNumberMasked == "" || (w.PhoneCipher != null && w.PhoneMasked == null));
        var agencies = db.Agencies.IgnoreQueryFilters().Where(a => a.ContactPhoneCipher != null && a.ContactPhoneMasked == null);
        return await EachBatchAsync(workers, w => w.Id, FillWorker, cancellationToken)
            + await EachBatchAsync(agencies, a => a.Id, FillAgency, cancellationToken);
    }

    private bool RotateWorker(SocialWorker w)
    {
        if (Current(w.IdNumberCipher) && (w.PhoneCipher is null || Current(w.PhoneCipher)))
        {
            return false;
        }
        var id = personal.Decrypt(PersonalField.IdNumber, w.IdNumberCipher);
        var phone = personal.DecryptOrNull(PersonalField.Phone, w.PhoneCipher);
        w.IdNumberCipher = personal.Encrypt(PersonalField.IdNumber, id);
        w.IdNumberHash = personal.Hash(PersonalField.IdNumber, id);
        w.PhoneCipher = personal.EncryptOrNull(PersonalField.Phone, phone);
        w.PhoneHash = phone is null ? null : personal.Hash(PersonalField.Phone, phone);
        FillWorker(w);
        return true;
    }

    private bool RotateAgency(Agency a)
    {
        if (a.ContactPhoneCipher is null || Current(a.ContactPhoneCipher))
        {
            return false;
        }
        a.ContactPhoneCipher = personal.Encrypt(PersonalField.Phone, personal.Decrypt(PersonalField.Phone, a.ContactPhoneCipher));
        FillAgency(a);
        return true;
    }

    /// <summary>A resident's ID number (optional) and phone, with their hashes; the masked forms do not change with the key.</summary>
    private bool RotateResident(Resident r)
    {
        if ((r.IdNumberCipher is null || Current(r.IdNumberCipher)) && (r.PhoneCipher is null || Current(r.PhoneCipher)))
        {
            return false;
        }
        var id = personal.DecryptOrNull(PersonalField.IdNumber, r.IdNumberCipher);
        var phone = personal.DecryptOrNull(PersonalField.Phone, r.PhoneCipher);
        r.IdNumberCipher = personal.EncryptOrNull(PersonalField.IdNumber, id);
        r.IdNumberHash = id is null ? null : personal.Hash(PersonalField.IdNumber, id);
        r.PhoneCipher = personal.EncryptOrNull(PersonalField.Phone, phone);
        r.PhoneHash = phone is null ? null : personal.Hash(PersonalField.Phone, phone);
        return true;
    }

    private bool RotateRequest(ServiceRequest r)
    {
        if (r.PhoneCipher is null || Current(r.PhoneCipher))
        {
            return false;
        }
        var phone = personal.Decrypt(PersonalField.Phone, r.PhoneCipher);
        r.PhoneCipher = personal.Encrypt(PersonalField.Phone, phone);
        r.PhoneHash = personal.Hash(PersonalField.Phone, phone);
        return true;
    }

    private bool FillWorker(SocialWorker w)
    {
        w.IdNumberMasked = Masking.IdNumber(personal.Decrypt(PersonalField.IdNumber, w.IdNumberCipher));
        w.PhoneMasked = w.PhoneCipher is null ? null : Masking.Phone(personal.Decrypt(PersonalField.Phone, w.PhoneCipher));
        return true;
    }

    private bool FillAgency(Agency a)
    {
        a.ContactPhoneMasked = a.ContactPhoneCipher is null ? null : Masking.Phone(personal.Decrypt(PersonalField.Phone, a.ContactPhoneCipher));
        return true;
    }

    private bool Current(string cipher) => PersonalData.KeyIdOf(cipher) == personal.Keys.KeyId;

    /// <summary>Walks <paramref name="rows"/> by id, <see cref="BatchSize"/> at a time, saving each batch in its own transaction.</summary>
    private async Task<int> EachBatchAsync<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, int>> key, Func<T, bool> change,
        CancellationToken cancellationToken) where T : class
    {
        var idOf = key.Compile();
        var changed = 0;
        var after = 0;
        while (true)
        {
            var batch = await rows.Where(Greater(key, after)).OrderBy(key).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return changed;
            }
            changed += batch.Count(change);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = idOf(batch[^1]);
        }
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Greater<T>(System.Linq.Expressions.Expression<Func<T, int>> key, int after) =>
        System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.GreaterThan(key.Body, System.Linq.Expressions.Expression.Constant(after)), key.Parameters);
}
