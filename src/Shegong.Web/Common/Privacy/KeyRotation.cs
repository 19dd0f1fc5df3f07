using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// <c>keys rotate</c>: re-encrypts every personal-data cipher (social workers', residents' and volunteers' ID
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

    /// <summary>The entities whose ciphers a rotation re-encrypts: a test checks every cipher column of the model is among them.</summary>
    internal static readonly Type[] Rotated = [typeof(SocialWorker), typeof(Agency), typeof(Resident), typeof(ServiceRequest), typeof(Volunteer)];

    public async Task<Result> RotateAsync(CancellationToken cancellationToken = default)
    {
        // Every encrypted value in the province, whoever's scope it is in: system work only.
        db.RequireSystem("keys rotate");
        var rotated = await EachBatchAsync(db.SocialWorkers.IgnoreQueryFilters(), w => w.Id, RotateWorker, cancellationToken)
            + await EachBatchAsync(db.Agencies.IgnoreQueryFilters(), a => a.Id, RotateAgency, cancellationToken)
            + await EachBatchAsync(db.Residents.IgnoreQueryFilters(), r => r.Id, RotateResident, cancellationToken)
            + await EachBatchAsync(db.Set<ServiceRequest>().IgnoreQueryFilters(), r => r.Id, RotateRequest, cancellationToken)
            + await EachBatchAsync(db.Set<Volunteer>().IgnoreQueryFilters(), v => v.Id, RotateVolunteer, cancellationToken)
            + await KeyRingRotation.RotateAsync(db, personal.Keys, cancellationToken);
        return new Result(rotated, await RemainingAsync(cancellationToken));
    }

    /// <summary>
    /// Values still under a key other than the current one (0 once a rotation is complete), in every column of the model
    /// named <c>…Cipher</c>, rotated or not: an entity the rotation forgot shows here instead of passing unnoticed.
    /// </summary>
    public async Task<int> RemainingAsync(CancellationToken cancellationToken = default)
    {
        var current = personal.Keys.KeyId;
        db.RequireSystem("keys rotate");
        var remaining = 0;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var (table, column) in CipherColumns(db))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL AND \"{column}\" <> ''";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    remaining += PersonalData.KeyIdOf(reader.GetString(0)) != current ? 1 : 0;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return remaining + await KeyRingRotation.RemainingAsync(db, personal.Keys, cancellationToken);
    }

    /// <summary>Every string column of the model whose property is named <c>…Cipher</c>, with its table.</summary>
    internal static IEnumerable<(string Table, string Column)> CipherColumns(ShegongDb db) =>
        from entity in db.Model.GetEntityTypes()
        where entity.GetTableName() is not null
        from property in entity.GetProperties()
        where IsCipher(property)
        select (entity.GetTableName()!, property.GetColumnName());

    /// <summary>The entity types holding a <c>…Cipher</c> column.</summary>
    internal static IEnumerable<Type> CipherEntities(ShegongDb db) =>
        db.Model.GetEntityTypes().Where(e => e.GetProperties().Any(IsCipher)).Select(e => e.ClrType).Distinct();

    private static bool IsCipher(Microsoft.EntityFrameworkCore.Metadata.IProperty property) =>
        property.Name.EndsWith("Cipher", StringComparison.Ordinal) && property.ClrType == typeof(string);

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
        if (Current(w.IdNumberCipher) && Current(w.PhoneCipher))
        {
            return false;
        }
        (w.IdNumberCipher, w.IdNumberHash) = Again(PersonalField.IdNumber, w.IdNumberCipher);
        (w.PhoneCipher, w.PhoneHash) = AgainOrNull(PersonalField.Phone, w.PhoneCipher);
        FillWorker(w);
        return true;
    }

    private bool RotateAgency(Agency a)
    {
        if (Current(a.ContactPhoneCipher))
        {
            return false;
        }
        // An agency's contact phone is shown, never looked up: it has no hash.
        a.ContactPhoneCipher = AgainOrNull(PersonalField.Phone, a.ContactPhoneCipher).Cipher;
        FillAgency(a);
        return true;
    }

    /// <summary>A resident's ID number (optional) and phone, with their hashes; the masked forms do not change with the key.</summary>
    private bool RotateResident(Resident r)
    {
        if (Current(r.IdNumberCipher) && Current(r.PhoneCipher))
        {
            return false;
        }
        (r.IdNumberCipher, r.IdNumberHash) = AgainOrNull(PersonalField.IdNumber, r.IdNumberCipher);
        (r.PhoneCipher, r.PhoneHash) = AgainOrNull(PersonalField.Phone, r.PhoneCipher);
        return true;
    }

    private bool RotateRequest(ServiceRequest r)
    {
        if (Current(r.PhoneCipher))
        {
            return false;
        }
        (r.PhoneCipher, r.PhoneHash) = AgainOrNull(PersonalField.Phone, r.PhoneCipher);
        return true;
    }

    /// <summary>A volunteer's ID number and phone (both required), with their hashes: the phone hash finds their account at sign-in.</summary>
    private bool RotateVolunteer(Volunteer v)
    {
        if (Current(v.IdNumberCipher) && Current(v.PhoneCipher))
        {
            return false;
        }
        (v.IdNumberCipher, v.IdNumberHash) = Again(PersonalField.IdNumber, v.IdNumberCipher);
        (v.PhoneCipher, v.PhoneHash) = Again(PersonalField.Phone, v.PhoneCipher);
        return true;
    }

    // A value decrypted and made again under the current keys: its new cipher and its new hash, in one step so neither is forgotten.
    private (string Cipher, string Hash) Again(PersonalField field, string cipher)
    {
        var plain = personal.Decrypt(field, cipher);
        return (personal.Encrypt(field, plain), personal.Hash(field, plain));
    }

    private (string? Cipher, string? Hash) AgainOrNull(PersonalField field, string? cipher) => cipher is null ? (null, null) : Again(field, cipher);

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

    // Nothing to move: no value, or one already under the current key.
    private bool Current(string? cipher) => cipher is null || PersonalData.KeyIdOf(cipher) == personal.Keys.KeyId;

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
