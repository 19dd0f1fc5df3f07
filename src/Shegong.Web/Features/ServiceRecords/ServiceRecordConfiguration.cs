using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.ServiceRecords;

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(r => r.Content).HasMaxLength(1000);
        builder.Property(r => r.ValueYuan).HasPrecision(14, 2);
        builder.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        // Figures read by region range and period; drill-through by station and date.
        // Covering for the statistics' reads of raw records (people served, edge months): region range and days, then
        // what a figure splits by, so the records table itself is never visited for them.
        builder.HasIndex(r => new { r.RegionCode, r.ServedOn, r.Category, r.Method, r.Channel });
        builder.HasIndex(r => new { r.StationId, r.ServedOn });
        builder.HasMany(r => r.Workers).WithOne().HasForeignKey(w => w.ServiceRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Beneficiaries).WithOne().HasForeignKey(b => b.ServiceRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceRecordWorkerConfiguration : IEntityTypeConfiguration<ServiceRecordWorker>
{
    public void Configure(EntityTypeBuilder<ServiceRecordWorker> builder)
    {
        builder.HasIndex(w => new { w.ServiceRecordId, w.SocialWorkerId }).IsUnique();
        builder.HasIndex(w => w.SocialWorkerId);
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(w => w.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceBeneficiaryConfiguration : IEntityTypeConfiguration<ServiceBeneficiary>
{
    public void Configure(EntityTypeBuilder<ServiceBeneficiary> builder)
    {
        builder.HasIndex(b => new { b.ServiceRecordId, b.ResidentId }).IsUnique();
        builder.HasIndex(b => b.ResidentId);
        builder.HasOne<Resident>().WithMany().HasForeignKey(b => b.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
