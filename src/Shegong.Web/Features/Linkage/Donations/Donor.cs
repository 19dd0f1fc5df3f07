using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>Who gives: the five kinds of charity resource (社会慈善资源) the province counts.</summary>
public enum DonorKind
{
    Enterprise,
    Foundation,
    Individual,
    Government,
    CommunityFund,
}

/// <summary>
/// A donor a station keeps in its books, in the station's region. No phone is stored: a contact person's phone is
/// personal data, and a station reaches its donors through the name given here.
/// </summary>
public class Donor : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public string Name { get; set; } = "";
    public DonorKind Kind { get; set; }
    public int StationId { get; set; }

    /// <summary>The keeping station's region, copied when the donor is recorded (a station never moves region).</summary>
    public string RegionCode { get; set; } = "";
    public string? ContactName { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

internal sealed class DonorConfiguration : IEntityTypeConfiguration<Donor>
{
    public void Configure(EntityTypeBuilder<Donor> builder)
    {
        builder.ToTable("Donors");
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(d => d.ContactName).HasMaxLength(50);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.HasIndex(d => d.RegionCode);
        builder.HasIndex(d => d.StationId);
        builder.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(d => d.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
