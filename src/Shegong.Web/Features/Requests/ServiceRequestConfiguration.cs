using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Requests;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(r => r.ContactName).HasMaxLength(50);
        builder.Property(r => r.Need).HasMaxLength(ServiceRequestLimits.NeedLength);
        builder.Property(r => r.RaisedBy).HasMaxLength(50);
        builder.Property(r => r.VisitNote).HasMaxLength(1000);
        builder.Property(r => r.DeclineReason).HasMaxLength(200);
        builder.Property(r => r.SatisfactionNote).HasMaxLength(200);
        builder.HasIndex(r => new { r.RegionCode, r.Status });
        builder.HasIndex(r => new { r.AssignedWorkerId, r.Status });
        // One service record per request, enforced by the database.
        builder.HasIndex(r => r.ServiceRecordId).IsUnique();
        builder.HasOne(r => r.Record).WithMany().HasForeignKey(r => r.ServiceRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(r => r.AssignedWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_ServiceRequests_Satisfaction", "\"Satisfaction\" IS NULL OR (\"Satisfaction\" BETWEEN 1 AND 5)"));
    }
}
