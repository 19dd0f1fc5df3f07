using System.Text.Json;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// Permits and records the reveal of a person's protected field (ID number, phone, birth date),
/// and exact lookups by one: only roles the permission table (<see cref="AccessTable"/>) lets reveal that kind of record may, and each becomes an
/// audit entry (who, when, from where, whose record or which field — never the value) before
/// the answer is returned.
/// </summary>
public sealed class RevealRecorder(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public void Authorize<TEntity>()
    {
        if (!user.May<TEntity>(AccessAction.Reveal))
        {
            throw RequestProblem.Forbidden(ProblemText.AuditYourRoleMayNotReveal);
        }
    }

    public async Task AuthorizeAndRecordAsync<TEntity>(int id, string regionCode, string field, CancellationToken cancellationToken)
    {
        Authorize<TEntity>();
        await RecordAsync(typeof(TEntity).Name, id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditAction.Revealed, regionCode, field, cancellationToken);
    }

    /// <summary>
    /// Records a lookup by <paramref name="field"/> in the user's own region (the lookup searched
    /// their whole scope), naming the records found (none: empty), so a reader of the audit sees
    /// whose data was looked up; the searched value itself is masked.
    /// </summary>
    public async Task RecordLookupAsync<TEntity>(string field, IReadOnlyList<int> found, CancellationToken cancellationToken)
    {
        Authorize<TEntity>();
        var entity = typeof(TEntity).Name;
        var ids = string.Join(",", found);
        await RecordAsync(entity, ids.Length > 64 ? ids[..ids.LastIndexOf(',', 63)] : ids, AuditAction.LookedUp, user.RegionCode, field, cancellationToken);
    }

    /// <summary>
    /// Records that the user opened the full record <paramref name="id"/> (read rights are the
    /// endpoint's and the scope's business): an append-only entry no role can edit or delete,
    /// written even for read-only roles, which is what a view log must be.
    /// </summary>
    public Task RecordViewAsync<TEntity>(int id, string regionCode, CancellationToken cancellationToken) =>
        RecordAsync(typeof(TEntity).Name, id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditAction.Viewed, regionCode, "record", cancellationToken);

    private async Task RecordAsync(string entity, string entityId, AuditAction action, string regionCode, string field, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            UserName = user.UserName,
            IpAddress = user.IpAddress,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            RegionCode = regionCode,
            Changes = JsonSerializer.Serialize(new[] { new AuditChange(field, null, AuditRecorder.Mask) }, JsonSerializerOptions.Web),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
