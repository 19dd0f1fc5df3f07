using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;

namespace Shegong.Web.Features.Workforce.Contracts;

internal sealed class ServiceContractConfiguration : IEntityTypeConfiguration<ServiceContract>
{
    public void Configure(EntityTypeBuilder<ServiceContract> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(c => c.Amount).HasPrecision(14, 2);
        builder.Property(c => c.TerminationReason).HasMaxLength(500);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Stations).WithOne().HasForeignKey(s => s.ServiceContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.CategoryTargets).WithOne().HasForeignKey(t => t.ServiceContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.MethodTargets).WithOne().HasForeignKey(t => t.ServiceContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Evaluations).WithOne().HasForeignKey(e => e.ServiceContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RegionCode, c.Status });
        builder.HasIndex(c => c.AgencyId);
    }
}

internal sealed class ContractStationConfiguration : IEntityTypeConfiguration<ContractStation>
{
    public void Configure(EntityTypeBuilder<ContractStation> builder)
    {
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.HasOne<Station>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.StationId, s.ServiceContractId }).IsUnique();
        builder.HasIndex(s => s.RegionCode);
    }
}

internal sealed class ContractEvaluationConfiguration : IEntityTypeConfiguration<ContractEvaluation>
{
    public void Configure(EntityTypeBuilder<ContractEvaluation> builder)
    {
        builder.Property(e => e.Score).HasPrecision(5, 2);
        builder.Property(e => e.Notes).HasMaxLength(1000);
        builder.HasIndex(e => new { e.ServiceContractId, e.Stage }).IsUnique();
    }
}
