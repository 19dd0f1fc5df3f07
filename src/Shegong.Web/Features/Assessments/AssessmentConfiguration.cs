using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<NeedsAssessment>, IEntityTypeConfiguration<DomainScore>
{
    public void Configure(EntityTypeBuilder<NeedsAssessment> builder)
    {
        builder.ToTable("NeedsAssessments");
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(a => a.VillageCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(a => a.IdentifiedNeeds).HasMaxLength(2000);
        builder.HasOne<Station>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.VillageCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(a => a.AssessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RegionCode, a.AssessedOn });
        builder.HasIndex(a => a.ResidentId);
        builder.HasIndex(a => a.HouseholdId);
        builder.HasIndex(a => a.VillageCode);
        builder.HasIndex(a => a.StationId);
        builder.HasIndex(a => a.AssessorId);
        // One service record per assessment, kept so by the database.
        builder.HasIndex(a => a.ServiceRecordId).IsUnique();
        builder.HasOne(a => a.Record).WithOne().HasForeignKey<NeedsAssessment>(a => a.ServiceRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.NeedsAssessmentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DomainScore> builder)
    {
        builder.ToTable("DomainScores");
        builder.HasIndex(s => new { s.NeedsAssessmentId, s.Domain }).IsUnique();
    }
}
