using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Donations;

internal sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> builder)
    {
        builder.ToTable("Donations");
        builder.Property(d => d.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.Property(d => d.ValueYuan).HasPrecision(14, 2);
        builder.Property(d => d.LinkedYuan).HasPrecision(14, 2);
        builder.Ignore(d => d.BalanceYuan);
        builder.HasIndex(d => new { d.RegionCode, d.ReceivedOn });
        builder.HasIndex(d => d.StationId);
        builder.HasIndex(d => d.DonorId);
        builder.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(d => d.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Donor>().WithMany().HasForeignKey(d => d.DonorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Links).WithOne().HasForeignKey(l => l.DonationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DonationLinkConfiguration : IEntityTypeConfiguration<DonationLink>
{
    public void Configure(EntityTypeBuilder<DonationLink> builder)
    {
        builder.ToTable("DonationLinks");
        builder.Property(l => l.AmountYuan).HasPrecision(14, 2);
        // One record per link, enforced by the database; the service removes the record with its link (Restrict keeps it explicit).
        builder.HasOne(l => l.Record).WithOne().HasForeignKey<DonationLink>(l => l.ServiceRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.ServiceRecordId).IsUnique();
        builder.HasIndex(l => new { l.Target, l.TargetId });
    }
}
