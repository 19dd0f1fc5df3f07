using System.Text.Json;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// Permits and records the reveal of a person's protected field (ID number, phone): only
/// roles the permission table (<see cref="AccessTable"/>) lets reveal that kind of record may, and each
/// reveal becomes an audit entry (who, when, from where, whose record, which field — never the value) before the value is returned.
/// </summary>
public sealed class RevealRecorder(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public async Task AuthorizeAndRecordAsync<TEntity>(int id, string regionCode, string field, CancellationToken cancellationToken)
    {
        var entity = typeof(TEntity).Name;
        if (!user.May<TEntity>(AccessAction.Reveal))
        {
            throw RequestProblem.Forbidden("您的角色无权查看完整的个人信息 / your role may not reveal personal data");
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            UserName = user.UserName,
            IpAddress = user.IpAddress,
            Entity = entity,
            EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Revealed,
            RegionCode = regionCode,
            Changes = JsonSerializer.Serialize(new[] { new AuditChange(field, null, AuditRecorder.Mask) }, JsonSerializerOptions.Web),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
