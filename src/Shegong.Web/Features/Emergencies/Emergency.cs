using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Emergencies;

public enum EmergencyType
{
    Epidemic,
    Flood,
    Earthquake,
    Fire,
    Other,
}

public enum EmergencyStatus
{
    Active,
    Closed,
}

/// <summary>The tasks an emergency carries for the stations; a daily report counts each.</summary>
public enum EmergencyTask
{
    Screening,
    TestingSupport,
    SupplyDelivery,
    CareVisits,
}

/// <summary>
/// An emergency response (应急响应) an official declares for their region or below. It belongs to the declaring
/// region (who may edit and close it); it is read wherever one of its affected regions overlaps the reader's scope
/// (the query filter in <c>ScopeFilters</c>), so a township worker sees the province's epidemic that covers them.
/// </summary>
public class Emergency : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public EmergencyType Type { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The declaring region: the declarer's own region or one below it.</summary>
    public string RegionCode { get; set; } = "";
    public DateOnly StartDate { get; set; }

    /// <summary>Empty while the emergency lasts; set when it is closed (or planned ahead by the declarer).</summary>
    public DateOnly? EndDate { get; set; }
    public EmergencyStatus Status { get; private set; } = EmergencyStatus.Active;
    public List<EmergencyArea> Areas { get; } = [];
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    /// <summary>Whether a report may be made for the day: inside the period (an open end reaches today).</summary>
    public bool Covers(DateOnly day, DateOnly today) => day >= StartDate && day <= (EndDate ?? today) && day <= today;

    /// <summary>Closes the emergency on its last day; a closed one stays closed.</summary>
    public void Close(DateOnly endDate)
    {
        EndDate = endDate;
        Status = EmergencyStatus.Closed;
    }
}

/// <summary>
/// One region an emergency affects. It is region-scoped by the affected region (so the guard keeps it inside the
/// declarer's scope) and saved through its emergency (audited on the emergency's entry).
/// </summary>
public class EmergencyArea : IRegionScoped, IScopedThrough<Emergency>
{
    public int Id { get; private set; }
    public int EmergencyId { get; set; }
    public string RegionCode { get; set; } = "";
}

internal sealed class EmergencyConfiguration : IEntityTypeConfiguration<Emergency>
{
    public void Configure(EntityTypeBuilder<Emergency> builder)
    {
        builder.ToTable("Emergencies");
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.HasIndex(e => new { e.RegionCode, e.StartDate });
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Areas).WithOne().HasForeignKey(a => a.EmergencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmergencyAreaConfiguration : IEntityTypeConfiguration<EmergencyArea>
{
    public void Configure(EntityTypeBuilder<EmergencyArea> builder)
    {
        builder.ToTable("EmergencyAreas");
        builder.Property(a => a.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.HasIndex(a => new { a.EmergencyId, a.RegionCode }).IsUnique();
        builder.HasIndex(a => a.RegionCode);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
