using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;

namespace Shegong.Web.Features.Workforce.SocialWorkers;

internal sealed class SocialWorkerConfiguration : IEntityTypeConfiguration<SocialWorker>
{
    public void Configure(EntityTypeBuilder<SocialWorker> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(50);
        builder.Property(w => w.IdNumberCipher).HasMaxLength(200);
        builder.Property(w => w.IdNumberHash).HasMaxLength(64).IsFixedLength();
        builder.Property(w => w.IdNumberMasked).HasMaxLength(18);
        builder.Property(w => w.PhoneCipher).HasMaxLength(200);
        builder.Property(w => w.PhoneMasked).HasMaxLength(30);
        builder.Property(w => w.PhoneHash).HasMaxLength(64).IsFixedLength();
        builder.Property(w => w.NativeCountyCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(w => w.Major).HasMaxLength(100);
        builder.Property(w => w.CertificateNumber).HasMaxLength(50);
        builder.Property(w => w.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        // One person, one record: the database refuses a second worker with the same ID number.
        builder.HasIndex(w => w.IdNumberHash).IsUnique().HasDatabaseName("UX_SocialWorkers_IdNumberHash");
        builder.HasIndex(w => w.PhoneHash);
        builder.HasIndex(w => new { w.RegionCode, w.Status });
        builder.HasIndex(w => w.AgencyId);
        builder.HasIndex(w => w.ResidentStationId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(w => w.ResidentStationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Assignments).WithOne().HasForeignKey(a => a.SocialWorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StationAssignmentConfiguration : IEntityTypeConfiguration<StationAssignment>
{
    public void Configure(EntityTypeBuilder<StationAssignment> builder)
    {
        builder.HasOne<Station>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.StationId, a.Role });
        builder.HasIndex(a => a.SocialWorkerId);
        // A worker is resident at one station at a time: the database refuses a second open
        // residence, whatever the app's checks missed in a race. Quoted names work on both providers.
        builder.HasIndex(a => a.SocialWorkerId, "UX_StationAssignments_OneOpenResidence")
            .IsUnique()
            .HasFilter("\"Role\" = 'Resident' AND \"To\" IS NULL");
    }
}
