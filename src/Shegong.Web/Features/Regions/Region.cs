using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Regions;

/// <summary>An administrative region keyed by its 12-digit statistical division code.</summary>
public class Region : IVersioned
{
    public required string Code { get; init; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
    public TownshipKind? TownshipKind { get; init; }
    public VillageKind? VillageKind { get; init; }

    /// <summary>城乡分类代码 (111 … 220), from the operator's own imports.</summary>
    public string? UrbanRuralCode { get; set; }
    public bool IsCentralTown { get; set; }
    public bool IsRelocationSite { get; set; }
    public bool IsGovernancePilot { get; set; }
    public int? ResidentPopulation { get; set; }
    public int? UrbanResidentPopulation { get; set; }

    /// <summary>Builds a region from a code whose digits already say level, parent and kind.</summary>
    public static Region FromCode(string code, string name) => new()
    {
        Code = code,
        Name = name,
        Level = RegionCode.LevelOf(code),
        ParentCode = RegionCode.ParentOf(code),
        TownshipKind = RegionCode.TownshipKindOf(code),
        VillageKind = RegionCode.VillageKindOf(code),
    };
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(r => r.ParentCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.UrbanRuralCode).HasMaxLength(3);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ParentCode);
        builder.HasIndex(r => new { r.Level, r.Code });
        builder.HasIndex(r => r.Name);
    }
}
