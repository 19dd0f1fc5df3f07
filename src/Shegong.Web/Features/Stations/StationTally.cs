using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Derived;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Stations;

/// <summary>
/// How many stations of one level are not closed in a county or a city: the first summary row the
/// statistics read. Derived data: kept by <see cref="StationTallyMaintainer"/> with every station
/// save, never written directly.
/// </summary>
public class StationTally : IRegionScoped, IDerivedData, IVersioned
{
    /// <summary>The county's or city's code.</summary>
    public required string RegionCode { get; init; }
    public StationLevel Level { get; init; }
    public int Count { get; set; }

    /// <summary>Concurrency token: two saves that count the same row at once cannot both win.</summary>
    public uint Version { get; private set; }
}

internal sealed class StationTallyConfiguration : IEntityTypeConfiguration<StationTally>
{
    public void Configure(EntityTypeBuilder<StationTally> builder)
    {
        builder.HasKey(t => new { t.RegionCode, t.Level });
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
