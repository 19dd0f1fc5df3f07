using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// One recorded change: who, when, from where, which entity, and the changed fields with old
/// and new values (personal fields masked). Written in the same transaction as the change;
/// never updated or deleted through the app (the write guard refuses it).
/// </summary>
public class AuditEntry : IRegionScoped
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public string? UserId { get; init; }
    public required string UserName { get; init; }
    public string? IpAddress { get; init; }
    public required string Entity { get; init; }
    public required string EntityId { get; init; }
    public AuditAction Action { get; init; }

    /// <summary>The region the changed record belongs to: the audit trail is scoped by it.</summary>
    public required string RegionCode { get; init; }

    /// <summary>JSON array of <see cref="AuditChange"/>.</summary>
    public required string Changes { get; init; }
}

public enum AuditAction
{
    Created,
    Updated,
    StatusChanged,
    Deleted,

    /// <summary>A person's protected field was shown in full to the user.</summary>
    Revealed,

    /// <summary>An exact lookup by a protected field (ID number, phone) was made; the value searched is never stored.</summary>
    LookedUp,

    /// <summary>A person's full record was opened (a resident's view log); nothing was changed.</summary>
    Viewed,
}

/// <summary>One field of a change; values are text, masked as <see cref="AuditRecorder.Mask"/> for personal fields.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>Marks a property whose values the audit trail must not show (ID numbers, phones, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaskedInAuditAttribute : Attribute;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.Entity).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.HasIndex(a => new { a.RegionCode, a.At });
        builder.HasIndex(a => new { a.Entity, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}
