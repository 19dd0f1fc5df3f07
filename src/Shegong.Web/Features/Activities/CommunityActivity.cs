using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Activities;

/// <summary>
/// A community activity (社区活动) a station organises: title, date, place (a village under the
/// station, or the station's own region when none is named), category, participants (a count, of
/// whom some are named residents), volunteers and organisations (free text until those modules
/// exist), and evidence files. It belongs to its place's region. It makes and keeps exactly one
/// service record (unique foreign key): method CommunityWork, person-times = named + the rest of the count.
/// </summary>
public class CommunityActivity : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int StationId { get; set; }

    /// <summary>The village where it took place, or the station's region when no village is named.</summary>
    public string RegionCode { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public string? Venue { get; set; }
    public ServiceCategory Category { get; set; }
    public int DurationMinutes { get; set; }

    /// <summary>Everyone who took part, named or not; never fewer than the named participants.</summary>
    public int ParticipantCount { get; set; }
    public string? Volunteers { get; set; }
    public string? Organisations { get; set; }
    public string? Description { get; set; }
    public int ServiceRecordId { get; private set; }
    public ServiceRecord Record { get; set; } = null!;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<ActivityParticipant> Participants { get; private set; } = [];
    public List<ActivityFile> Files { get; private set; } = [];

    /// <summary>
    /// What the record says: the named participants, and the rest of the count as its head count. Residents come
    /// to an activity (请入站), so its channel is walk-in, never a home visit.
    /// </summary>
    public ServiceFacts Facts(IReadOnlyCollection<int> workerIds) => new(Date, Category, ServiceMethod.CommunityWork, ServiceChannel.WalkIn,
        DurationMinutes, workerIds, [.. Participants.Select(p => p.ResidentId)], ParticipantCount - Participants.Count, Content: Title);
}

/// <summary>A named resident who took part; guarded and audited through the activity.</summary>
public class ActivityParticipant : IScopedThrough<CommunityActivity>
{
    public int Id { get; private set; }
    public int CommunityActivityId { get; private set; }
    public int ResidentId { get; init; }
}

/// <summary>
/// An evidence file (photo or attachment) of an activity. The bytes live outside the database
/// under a random stored name; the user's file name is kept only to show and to offer on download.
/// </summary>
public class ActivityFile : IScopedThrough<CommunityActivity>
{
    public int Id { get; private set; }
    public int CommunityActivityId { get; private set; }
    public required string StoredName { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public DateTime UploadedAt { get; init; } = DateTime.UtcNow;
}

internal sealed class CommunityActivityConfiguration : IEntityTypeConfiguration<CommunityActivity>
{
    public void Configure(EntityTypeBuilder<CommunityActivity> builder)
    {
        builder.ToTable("CommunityActivities");
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Venue).HasMaxLength(200);
        builder.Property(a => a.Volunteers).HasMaxLength(1000);
        builder.Property(a => a.Organisations).HasMaxLength(1000);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.HasOne<Station>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Record).WithOne().HasForeignKey<CommunityActivity>(a => a.ServiceRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ServiceRecordId).IsUnique();
        builder.HasIndex(a => new { a.RegionCode, a.Date });
        builder.HasIndex(a => new { a.StationId, a.Date });
        builder.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.CommunityActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Files).WithOne().HasForeignKey(f => f.CommunityActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> builder)
    {
        builder.ToTable("ActivityParticipants");
        builder.HasOne<Resident>().WithMany().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CommunityActivityId, p.ResidentId }).IsUnique();
        builder.HasIndex(p => p.ResidentId);
    }
}

internal sealed class ActivityFileConfiguration : IEntityTypeConfiguration<ActivityFile>
{
    public void Configure(EntityTypeBuilder<ActivityFile> builder)
    {
        builder.ToTable("ActivityFiles");
        builder.Property(f => f.StoredName).HasMaxLength(64);
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasIndex(f => f.StoredName).IsUnique();
    }
}
