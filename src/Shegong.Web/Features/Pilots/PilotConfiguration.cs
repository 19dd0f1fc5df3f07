using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots;

internal sealed class PilotBatchConfiguration : IEntityTypeConfiguration<PilotBatch>
{
    public void Configure(EntityTypeBuilder<PilotBatch> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(PilotLimits.NameLength);
        builder.Property(b => b.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(b => b.Budget).HasPrecision(14, 2);
        builder.Property(b => b.StandardSubsidy).HasPrecision(14, 2);
        builder.HasIndex(b => new { b.Year, b.Name }).IsUnique();
    }
}

internal sealed class PilotApplicationConfiguration : IEntityTypeConfiguration<PilotApplication>
{
    public void Configure(EntityTypeBuilder<PilotApplication> builder)
    {
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.HasOne<PilotBatch>().WithMany().HasForeignKey(a => a.PilotBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Townships).WithOne().HasForeignKey(t => t.PilotApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.PilotApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One application per county per batch.
        builder.HasIndex(a => new { a.PilotBatchId, a.RegionCode }).IsUnique();
        builder.HasIndex(a => a.RegionCode);
    }
}

internal sealed class PilotApplicationTownshipConfiguration : IEntityTypeConfiguration<PilotApplicationTownship>
{
    public void Configure(EntityTypeBuilder<PilotApplicationTownship> builder)
    {
        builder.Property(t => t.TownshipCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(t => t.PlannedStationName).HasMaxLength(PilotLimits.NameLength);
        builder.Property(t => t.Justification).HasMaxLength(PilotLimits.TextLength);
        builder.Property(t => t.DecisionReason).HasMaxLength(PilotLimits.TextLength);
        builder.Property(t => t.Subsidy).HasPrecision(14, 2);
        builder.HasOne<PilotBatch>().WithMany().HasForeignKey(t => t.PilotBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.TownshipCode).OnDelete(DeleteBehavior.Restrict);
        // A township once per batch.
        builder.HasIndex(t => new { t.PilotBatchId, t.TownshipCode }).IsUnique();
    }
}

internal sealed class PilotStepConfiguration : IEntityTypeConfiguration<PilotStep>
{
    public void Configure(EntityTypeBuilder<PilotStep> builder)
    {
        builder.Property(s => s.By).HasMaxLength(256);
        builder.Property(s => s.TownshipCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(s => s.Reason).HasMaxLength(PilotLimits.TextLength);
    }
}

internal sealed class PilotProjectConfiguration : IEntityTypeConfiguration<PilotProject>
{
    public void Configure(EntityTypeBuilder<PilotProject> builder)
    {
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(p => p.GrantedSubsidy).HasPrecision(14, 2);
        builder.Property(p => p.AwardedSubsidy).HasPrecision(14, 2);
        builder.Ignore(p => p.Paid);
        builder.HasOne<PilotBatch>().WithMany().HasForeignKey(p => p.PilotBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotApplicationTownship>().WithMany().HasForeignKey(p => p.PilotApplicationTownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(p => p.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Disbursements).WithOne().HasForeignKey(d => d.PilotProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PilotApplicationTownshipId).IsUnique();
        builder.HasIndex(p => new { p.PilotBatchId, p.RegionCode }).IsUnique();
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.StationId);
    }
}

internal sealed class PilotDisbursementConfiguration : IEntityTypeConfiguration<PilotDisbursement>
{
    public void Configure(EntityTypeBuilder<PilotDisbursement> builder)
    {
        builder.Property(d => d.Amount).HasPrecision(14, 2);
        builder.Property(d => d.DocumentNumber).HasMaxLength(PilotLimits.NameLength);
    }
}
