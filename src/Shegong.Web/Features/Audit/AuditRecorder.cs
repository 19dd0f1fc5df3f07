using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// Turns tracked changes into audit entries. Audited are the entities that belong to a region
/// (a <c>RegionCode</c> property, or a <see cref="Region"/> itself), which is every scoped entity;
/// child rows (<see cref="IScopedThrough{TParent}"/>: a contract's evaluations, a session's
/// attendances, a station's status history) are recorded on their parent's entry. Derived rows
/// (<see cref="IDerivedData"/>) are not: they follow from the audited records.
/// </summary>
public static class AuditRecorder
{
    public const string Mask = "***";

    /// <summary>Chinese kept readable in the stored JSON.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Identity's secrets and contact fields, masked like <see cref="MaskedInAuditAttribute"/> properties.</summary>
    private static readonly HashSet<string> MaskedAccountFields =
        [nameof(Account.PasswordHash), nameof(Account.SecurityStamp), nameof(Account.Email), nameof(Account.PhoneNumber)];

    /// <summary>Bookkeeping columns that say nothing a reader of the audit needs.</summary>
    private static readonly HashSet<string> SkippedFields =
        [nameof(Account.ConcurrencyStamp), nameof(Account.NormalizedUserName), nameof(Account.NormalizedEmail)];

    public sealed record Pending(EntityEntry Entry, string Entity, string? EntityId, AuditAction Action, string RegionCode, List<AuditChange> Changes);

    /// <summary>The region a changed row belongs to, or null when the entity is not region-scoped.</summary>
    public static string? RegionCodeOf(EntityEntry entry, bool original = false) => entry.Entity switch
    {
        Region region => region.Code,
        _ when entry.Metadata.FindProperty("RegionCode") is { } property =>
            (string?)(original ? entry.OriginalValues[property] : entry.CurrentValues[property]),
        _ => null,
    };

    public static List<Pending> Collect(ShegongDb db)
    {
        var result = new List<Pending>();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not (AuditEntry or IDerivedData)).ToList();
        foreach (var entry in changed.Where(e => !ParentRows.IsChild(e)))
        {
            if (RegionCodeOf(entry) is not { } regionCode)
            {
                continue;
            }
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            result.Add(new Pending(entry, entry.Metadata.ClrType.Name, IdOf(entry), ActionOf(entry, changes), regionCode, changes));
        }
        // A child row's change is recorded on its parent's entry, its fields named Child.Field.
        foreach (var child in changed.Where(ParentRows.IsChild))
        {
            var changes = Changes(child, prefix: child.Metadata.ClrType.Name + ".");
            if (changes.Count == 0 || ParentRows.Of(db, child).FirstOrDefault() is not { } parent || RegionCodeOf(parent) is not { } regionCode)
            {
                continue;
            }
            if (result.Find(p => ReferenceEquals(p.Entry.Entity, parent.Entity)) is { } existing)
            {
                existing.Changes.AddRange(changes);
                continue;
            }
            result.Add(new Pending(parent, parent.Metadata.ClrType.Name, IdOf(parent), AuditAction.Updated, regionCode, changes));
        }
        return result;
    }

    private static string? IdOf(EntityEntry entry) => entry.State == EntityState.Added ? null : KeyOf(entry);

    private static AuditAction ActionOf(EntityEntry entry, List<AuditChange> changes) => entry.State switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ when changes.Any(c => c.Field is "Status" or nameof(Account.IsDisabled)) => AuditAction.StatusChanged,
        _ => AuditAction.Updated,
    };

    /// <summary>Who did it: the signed-in user, or <c>system:&lt;task&gt;</c> for system work.</summary>
    public static IEnumerable<AuditEntry> Entries(List<Pending> pending, CurrentUser user, RegionScope scope, DateTime at) =>
        pending.Select(p => new AuditEntry
        {
            At = at,
            UserId = scope.IsSystem ? null : user.Id,
            UserName = scope.IsSystem ? SystemUserPrefix + scope.SystemTask : user.UserName,
            IpAddress = scope.IsSystem ? null : user.IpAddress,
            Entity = p.Entity,
            // Keys of new rows are known only now, after the save.
            EntityId = p.EntityId ?? KeyOf(p.Entry),
            Action = p.Action,
            RegionCode = p.RegionCode,
            Changes = JsonSerializer.Serialize(p.Changes, Json),
        });

    /// <summary>The user name of audit entries written by system work.</summary>
    public const string SystemUserPrefix = "system:";

    private static List<AuditChange> Changes(EntityEntry entry, string prefix = "")
    {
        var changes = new List<AuditChange>();
        var link = ParentRows.LinkOf(entry);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // A child's own key and its link to the parent say nothing the parent's entry does not.
            if (prefix.Length > 0 && (property.Metadata.IsPrimaryKey() || link.Contains(property.Metadata)))
            {
                continue;
            }
            // The entry's own key is its EntityId; on an insert it is still a temporary value here.
            if ((SkippedFields.Contains(name) && entry.Entity is Account) || name == Versioning.Property || property.Metadata.IsPrimaryKey())
            {
                continue;
            }
            var old = entry.State == EntityState.Added ? null : Text(property.OriginalValue);
            var current = entry.State == EntityState.Deleted ? null : Text(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || old == current))
            {
                continue;
            }
            // A new row's key (and a key it points to on another new row) is EF's temporary negative
            // number until the save; the entry's EntityId carries the real one.
            if (entry.State == EntityState.Added && (current is null || property.IsTemporary || property.Metadata.IsPrimaryKey()))
            {
                continue;
            }
            if (IsMasked(entry, property.Metadata.PropertyInfo))
            {
                old = old is null ? null : Mask;
                current = current is null ? null : Mask;
            }
            changes.Add(new AuditChange(prefix + name, old, current));
        }
        return changes;
    }

    private static bool IsMasked(EntityEntry entry, PropertyInfo? property) =>
        property is not null && (property.GetCustomAttribute<MaskedInAuditAttribute>() is not null
            || (entry.Entity is Account && MaskedAccountFields.Contains(property.Name)));

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.CurrentValues[p]) ?? ""));

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
