using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Indicators;

/// <summary>
/// What a plan indicator's formula may name: the live figures (as of today; the two service figures over
/// the last twelve months) and the region attributes.
/// </summary>
public enum IndicatorQuantity
{
    StationsOperating,
    Townships,
    TownshipsCovered,
    Counties,
    CountiesFullyCovered,
    ResidentSocialWorkers,
    CommunityOrganisations,
    VolunteerTeams,
    ServicePersonTimes,
    CommunityActivities,
    ResidentPopulation,
    UrbanResidentPopulation,

    // Appended: the numbers are stored.
    RegisteredVolunteers,
}

/// <summary>The formula's form: a count, a share in percent, or a ratio per 10,000.</summary>
public enum IndicatorScale
{
    Count,
    Percent,
    PerTenThousand,
}

/// <summary>
/// A plan indicator (规划指标) an official sets for their region and everything under it: a formula over
/// the figures and region attributes (<see cref="Numerator"/> ÷ <see cref="Denominator"/> × the scale),
/// the value in the plan's base year and the target for the target year. Every region under it is held
/// to the same target (the plan's "每个县…"). Not region-scoped as a read (the regions below read their
/// province's indicators); its <see cref="RegionCode"/> makes the write guard admit only officials whose
/// scope holds that region, and files the audit under it.
/// </summary>
public class PlanIndicator : IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public IndicatorQuantity Numerator { get; set; }
    public IndicatorQuantity? Denominator { get; set; }
    public IndicatorScale Scale { get; set; }
    public int BaseYear { get; set; }

    /// <summary>The value in the base year, from the plan document; null when the plan gives none.</summary>
    public decimal? BaseValue { get; set; }
    public int TargetYear { get; set; }
    public decimal TargetValue { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public static decimal Scaled(IndicatorScale scale) => scale switch
    {
        IndicatorScale.Percent => 100m,
        IndicatorScale.PerTenThousand => 10_000m,
        _ => 1m,
    };
}

internal sealed class PlanIndicatorConfiguration : IEntityTypeConfiguration<PlanIndicator>
{
    public void Configure(EntityTypeBuilder<PlanIndicator> builder)
    {
        builder.ToTable("PlanIndicators");
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.Property(i => i.BaseValue).HasPrecision(18, 4);
        builder.Property(i => i.TargetValue).HasPrecision(18, 4);
        builder.Property(i => i.Note).HasMaxLength(500);
        // One name per region: two officials saving the same indicator at once get a 409, not a twin.
        builder.HasIndex(i => new { i.RegionCode, i.Name }).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
