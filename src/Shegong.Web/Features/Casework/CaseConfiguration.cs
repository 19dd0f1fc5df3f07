using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Casework;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(c => c.PresentingProblem).HasMaxLength(1000);
        builder.Property(c => c.AssessmentSummary).HasMaxLength(2000);
        builder.Property(c => c.PlanSummary).HasMaxLength(2000);
        builder.Property(c => c.EvaluationSummary).HasMaxLength(2000);
        builder.Property(c => c.ClosingReport).HasMaxLength(2000);
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NeedsAssessment>().WithMany().HasForeignKey(c => c.NeedsAssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RegionCode, c.Stage });
        builder.HasIndex(c => c.ResidentId);
        builder.HasIndex(c => c.WorkerId);
        builder.HasIndex(c => c.StationId);
        builder.HasIndex(c => c.NeedsAssessmentId);
        builder.HasMany(c => c.Goals).WithOne().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Referrals).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseChildConfiguration : IEntityTypeConfiguration<CaseGoal>, IEntityTypeConfiguration<CaseEvent>, IEntityTypeConfiguration<CaseContact>
{
    public void Configure(EntityTypeBuilder<CaseGoal> builder)
    {
        builder.ToTable("CaseGoals");
        builder.Property(g => g.Description).HasMaxLength(500);
        builder.Property(g => g.OutcomeNote).HasMaxLength(500);
        builder.HasIndex(g => g.CaseId);
    }

    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.Property(e => e.By).HasMaxLength(100);
        builder.Property(e => e.Note).HasMaxLength(600);
        builder.HasIndex(e => e.CaseId);
    }

    public void Configure(EntityTypeBuilder<CaseContact> builder)
    {
        builder.ToTable("CaseContacts");
        builder.Property(x => x.Content).HasMaxLength(1000);
        builder.HasIndex(x => x.CaseId);
        // One service record per contact, kept so by the database.
        builder.HasIndex(x => x.ServiceRecordId).IsUnique();
        builder.HasOne(x => x.Record).WithOne().HasForeignKey<CaseContact>(x => x.ServiceRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<CaseReferral>, IEntityTypeConfiguration<ReferralAnswer>
{
    public void Configure(EntityTypeBuilder<CaseReferral> builder)
    {
        builder.ToTable("CaseReferrals");
        builder.Property(r => r.TargetName).HasMaxLength(100);
        builder.Property(r => r.FromStationName).HasMaxLength(100);
        builder.Property(r => r.ResidentName).HasMaxLength(50);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.ReferredBy).HasMaxLength(100);
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.TargetStationId);
        builder.HasOne<Station>().WithMany().HasForeignKey(r => r.TargetStationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReferralAnswer> builder)
    {
        builder.ToTable("ReferralAnswers");
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(a => a.SenderRegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(a => a.AnsweredBy).HasMaxLength(100);
        builder.Property(a => a.Note).HasMaxLength(500);
        builder.HasIndex(a => a.ReferralId).IsUnique();
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => a.SenderRegionCode);
        builder.HasOne<CaseReferral>().WithOne().HasForeignKey<ReferralAnswer>(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
