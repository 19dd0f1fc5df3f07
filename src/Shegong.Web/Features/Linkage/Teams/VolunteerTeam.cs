using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Teams;

/// <summary>
/// A volunteer team (志愿服务队) a station forms, in its township or one of its villages. Formed counts
/// every team; active those still serving (a team that stopped is kept, marked inactive, not deleted).
/// </summary>
public class VolunteerTeam : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public string Name { get; set; } = "";
    public int StationId { get; set; }
    public string RegionCode { get; set; } = "";
    public string? LeaderName { get; set; }
    public int MemberCount { get; set; }
    public DateOnly FormedOn { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>What the team does, in the staff's words (the activities it serves).</summary>
    public string? Activities { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

internal sealed class VolunteerTeamConfiguration : IEntityTypeConfiguration<VolunteerTeam>
{
    public void Configure(EntityTypeBuilder<VolunteerTeam> builder)
    {
        builder.ToTable("VolunteerTeams");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.Property(t => t.LeaderName).HasMaxLength(50);
        builder.Property(t => t.Activities).HasMaxLength(1000);
        builder.HasIndex(t => new { t.RegionCode, t.IsActive });
        builder.HasIndex(t => t.StationId);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(t => t.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
