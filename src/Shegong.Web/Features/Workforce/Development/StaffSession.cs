using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Workforce.Development;

/// <summary>
/// A training or supervision session a county station or city centre gives to station staff.
/// One table for both (they differ only in kind); the session belongs to its organiser's region.
/// </summary>
public abstract class StaffSession : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public int OrganiserStationId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public string Topic { get; set; } = "";

    /// <summary>The trainer (培训师) or supervisor (督导).</summary>
    public string Leader { get; set; } = "";
    public string? Note { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<SessionAttendance> Attendees { get; private set; } = [];
}

/// <summary>培训.</summary>
public class Training : StaffSession;

/// <summary>督导.</summary>
public class Supervision : StaffSession;

public class SessionAttendance : IScopedThrough<StaffSession>
{
    public int Id { get; private set; }
    public int StaffSessionId { get; private set; }
    public int SocialWorkerId { get; init; }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("StaffSessions");
        builder.HasDiscriminator<string>("Kind").HasValue<Training>(nameof(Training)).HasValue<Supervision>(nameof(Supervision));
        builder.Property<string>("Kind").HasMaxLength(20);
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(s => s.Hours).HasPrecision(6, 2);
        builder.Property(s => s.Topic).HasMaxLength(200);
        builder.Property(s => s.Leader).HasMaxLength(100);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.HasOne<Station>().WithMany().HasForeignKey(s => s.OrganiserStationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.StaffSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RegionCode, s.Date });
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(a => a.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.StaffSessionId, a.SocialWorkerId }).IsUnique();
        builder.HasIndex(a => a.SocialWorkerId);
    }
}
