using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>Hours a volunteer logged: the station confirms or rejects them; only confirmed hours count.</summary>
public enum HourStatus
{
    Logged,
    Confirmed,
    Rejected,
}

/// <summary>
/// Time a volunteer served, logged by the volunteer. It carries the volunteer's place and team as they were when
/// logged, so the station's staff see it through the scope filter and the figures sum it by region and team.
/// Kept in minutes (whole numbers sum exactly on both databases).
/// </summary>
public class VolunteerHour : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int VolunteerId { get; set; }
    public string RegionCode { get; set; } = "";
    public int? TeamId { get; set; }
    public DateOnly ServedOn { get; set; }
    public int Minutes { get; set; }
    public string Activity { get; set; } = "";
    public HourStatus Status { get; set; }
    public string? RejectReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime LoggedAt { get; init; } = DateTime.UtcNow;
}

internal sealed class VolunteerHourConfiguration : IEntityTypeConfiguration<VolunteerHour>
{
    public void Configure(EntityTypeBuilder<VolunteerHour> builder)
    {
        builder.ToTable("VolunteerHours");
        builder.Property(h => h.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.Property(h => h.Activity).HasMaxLength(200);
        builder.Property(h => h.RejectReason).HasMaxLength(200);
        builder.Property(h => h.DecidedBy).HasMaxLength(100);
        builder.HasIndex(h => new { h.VolunteerId, h.ServedOn });
        builder.HasIndex(h => new { h.RegionCode, h.Status });
        builder.HasIndex(h => new { h.TeamId, h.Status });
        // The statistics' confirmed hours of a period: the days' confirmed rows read from the index alone, at any level.
        builder.HasIndex(h => new { h.Status, h.ServedOn, h.RegionCode, h.Minutes });
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(h => h.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VolunteerTeam>().WithMany().HasForeignKey(h => h.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
