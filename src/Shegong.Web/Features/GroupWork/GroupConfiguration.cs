using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.GroupWork;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.Property(g => g.Purpose).HasMaxLength(1000);
        builder.HasOne<Station>().WithMany().HasForeignKey(g => g.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(g => g.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.RegionCode, g.Stage });
        builder.HasIndex(g => g.StationId);
        builder.HasIndex(g => g.LeaderId);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("GroupMembers");
        builder.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GroupId, m.ResidentId }).IsUnique();
        builder.HasIndex(m => m.ResidentId);
    }
}

internal sealed class GroupSessionConfiguration : IEntityTypeConfiguration<GroupSession>
{
    public void Configure(EntityTypeBuilder<GroupSession> builder)
    {
        builder.ToTable("GroupSessions");
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.Property(s => s.Content).HasMaxLength(2000);
        // Restrict: the service deletes a group's sessions (and their records) itself, so each is audited.
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        // One record per session, enforced by the database.
        builder.HasOne(s => s.Record).WithOne().HasForeignKey<GroupSession>(s => s.ServiceRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ServiceRecordId).IsUnique();
        builder.HasIndex(s => new { s.GroupId, s.Date });
        builder.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.GroupSessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupAttendanceConfiguration : IEntityTypeConfiguration<GroupAttendance>
{
    public void Configure(EntityTypeBuilder<GroupAttendance> builder)
    {
        builder.ToTable("GroupAttendances");
        builder.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.GroupSessionId, a.ResidentId }).IsUnique();
        builder.HasIndex(a => a.ResidentId);
    }
}
