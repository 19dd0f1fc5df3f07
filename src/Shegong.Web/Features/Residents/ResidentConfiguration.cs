using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Residents;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.IdNumberCipher).HasMaxLength(200);
        builder.Property(r => r.IdNumberHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.IdNumberMasked).HasMaxLength(18);
        builder.Property(r => r.PhoneCipher).HasMaxLength(200);
        builder.Property(r => r.PhoneMasked).HasMaxLength(30);
        builder.Property(r => r.PhoneHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(r => r.Address).HasMaxLength(200);
        builder.Property(r => r.ConsentRecordedBy).HasMaxLength(100);
        // One person, one record: the database refuses a second resident with the same ID number
        // (residents without one are told apart by name, birth date and village, a warning only).
        builder.HasIndex(r => r.IdNumberHash).IsUnique().HasDatabaseName("UX_Residents_IdNumberHash")
            .HasFilter("\"IdNumberHash\" IS NOT NULL");
        builder.HasIndex(r => r.PhoneHash);
        builder.HasIndex(r => new { r.RegionCode, r.Name });
        builder.HasIndex(r => new { r.Name, r.BirthDate });
        builder.HasIndex(r => r.HouseholdId);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentTagConfiguration : IEntityTypeConfiguration<ResidentTag>
{
    public void Configure(EntityTypeBuilder<ResidentTag> builder)
    {
        builder.HasIndex(t => new { t.ResidentId, t.Tag }).IsUnique();
        builder.HasIndex(t => t.Tag);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.HasIndex(h => h.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
