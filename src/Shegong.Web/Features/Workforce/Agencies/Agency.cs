using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Workforce.Agencies;

public enum AgencyStatus
{
    Active,
    Suspended,
    Deregistered,
}

/// <summary>Social organisation rating (社会组织评估等级) 1A–5A.</summary>
public enum AgencyRating
{
    OneA = 1,
    TwoA = 2,
    ThreeA = 3,
    FourA = 4,
    FiveA = 5,
}

/// <summary>
/// A social-work agency (社工机构). Registered in one region; serves one or more counties. It is
/// visible to users whose scope holds its registered region or any county it serves.
/// </summary>
public class Agency : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public required string Name { get; set; }
    public required string CreditCode { get; set; }
    public required string RegionCode { get; set; }
    public AgencyRating? Rating { get; set; }
    public string? ContactPerson { get; set; }

    /// <summary>The contact's phone, encrypted (a person's phone: PIPL).</summary>
    [MaskedInAudit]
    public string? ContactPhoneCipher { get; set; }

    /// <summary>The masked phone, kept at write time so reading never decrypts only to mask.</summary>
    public string? ContactPhoneMasked { get; set; }
    public AgencyStatus Status { get; set; } = AgencyStatus.Active;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<AgencyServiceArea> ServiceAreas { get; private set; } = [];

    /// <summary>Local (本地机构) to a county when registered in that county.</summary>
    public bool IsLocalTo(string countyCode) => RegionCode[..6] == countyCode[..6];
}

/// <summary>A county an agency serves.</summary>
public class AgencyServiceArea : IScopedThrough<Agency>
{
    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public required string RegionCode { get; init; }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(a => a.ContactPerson).HasMaxLength(50);
        builder.Property(a => a.ContactPhoneCipher).HasMaxLength(200);
        builder.Property(a => a.ContactPhoneMasked).HasMaxLength(30);
        builder.HasIndex(a => a.CreditCode).IsUnique();
        builder.HasIndex(a => a.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.ServiceAreas).WithOne().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgencyServiceAreaConfiguration : IEntityTypeConfiguration<AgencyServiceArea>
{
    public void Configure(EntityTypeBuilder<AgencyServiceArea> builder)
    {
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.HasIndex(s => new { s.RegionCode, s.AgencyId }).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
