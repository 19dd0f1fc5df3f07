using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;

namespace Shegong.Web.Features.Emergencies;

/// <summary>One of the station's volunteer teams the report names as mobilised that day; guarded and audited through the report.</summary>
public class EmergencyReportTeam : IScopedThrough<EmergencyReport>
{
    public int Id { get; private set; }
    public int EmergencyReportId { get; private set; }
    public int VolunteerTeamId { get; init; }
}

/// <summary>One of the station's community organisations the report names as mobilised that day; guarded and audited through the report.</summary>
public class EmergencyReportOrganisation : IScopedThrough<EmergencyReport>
{
    public int Id { get; private set; }
    public int EmergencyReportId { get; private set; }
    public int CommunityOrganisationId { get; init; }
}

internal sealed class EmergencyReportTeamConfiguration : IEntityTypeConfiguration<EmergencyReportTeam>
{
    public void Configure(EntityTypeBuilder<EmergencyReportTeam> builder)
    {
        builder.ToTable("EmergencyReportTeams");
        builder.HasIndex(t => new { t.EmergencyReportId, t.VolunteerTeamId }).IsUnique();
        builder.HasIndex(t => t.VolunteerTeamId);
        builder.HasOne<VolunteerTeam>().WithMany().HasForeignKey(t => t.VolunteerTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmergencyReportOrganisationConfiguration : IEntityTypeConfiguration<EmergencyReportOrganisation>
{
    public void Configure(EntityTypeBuilder<EmergencyReportOrganisation> builder)
    {
        builder.ToTable("EmergencyReportOrganisations");
        builder.HasIndex(o => new { o.EmergencyReportId, o.CommunityOrganisationId }).IsUnique();
        builder.HasIndex(o => o.CommunityOrganisationId);
        builder.HasOne<CommunityOrganisation>().WithMany().HasForeignKey(o => o.CommunityOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
