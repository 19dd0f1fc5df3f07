using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// Turns tracked changes into audit entries. Audited are the entities that belong to a region
/// (a <c>RegionCode</c> property, or a <see cref="Region"/> itself), which is every scoped entity;
/// child rows such as a station's status history show through their parent's change.
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
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is AuditEntry || RegionCodeOf(entry) is not { } regionCode)
            {
                continue;
            }
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ when changes.Any(c => c.Field is "Status" or nameof(Account.IsDisabled)) => AuditAction.StatusChanged,
                _ => AuditAction.Updated,
            };
            var id = entry.State == EntityState.Added ? null : KeyOf(entry);
            result.Add(new Pending(entry, entry.Metadata.ClrType.Name, id, action, regionCode, changes));
        }
        return result;
    }

    public static IEnumerable<AuditEntry> Entries(List<Pending> pending, CurrentUser user, DateTime at) =>
        pending.Select(p => new AuditEntry
        {
            At = at,
            UserId = user.Id,
            UserName = user.UserName,
            IpAddress = user.IpAddress,
            Entity = p.Entity,
            // Keys of new rows are known only now, after the save.
            EntityId = p.EntityId ?? KeyOf(p.Entry),
            Action = p.Action,
            RegionCode = p.RegionCode,
            Changes = JsonSerializer.Serialize(p.Changes, Json),
        });

    private static List<AuditChange> Changes(EntityEntry entry)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (SkippedFields.Contains(name) && entry.Entity is Account)
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
            changes.Add(new AuditChange(name, old, current));
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
