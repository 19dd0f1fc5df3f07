using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Emergencies;

/// <summary>
/// A station's daily report for an emergency: what it did that day per task and whom it mobilised. One per
/// station, emergency and day (a unique index, so two reports racing end in one 409); a correction is an edit.
/// Region-scoped by the station's region, so figures roll up by code range like every other figure.
/// </summary>
public class EmergencyReport : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int EmergencyId { get; set; }
    public int StationId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Screening { get; set; }
    public int TestingSupport { get; set; }
    public int SupplyDelivery { get; set; }
    public int CareVisits { get; set; }
    public int VolunteersMobilised { get; set; }
    public int OrganisationsMobilised { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    /// <summary>The station's own teams and organisations named as mobilised; the counts above may be larger (not every group is recorded).</summary>
    public List<EmergencyReportTeam> Teams { get; private set; } = [];
    public List<EmergencyReportOrganisation> Organisations { get; private set; } = [];

    /// <summary>Names exactly these teams and organisations, keeping the unchanged rows so the audit shows only what changed.</summary>
    public void Name(IEnumerable<int> teamIds, IEnumerable<int> organisationIds)
    {
        Sync(Teams, teamIds, t => t.VolunteerTeamId, id => new EmergencyReportTeam { VolunteerTeamId = id });
        Sync(Organisations, organisationIds, o => o.CommunityOrganisationId, id => new EmergencyReportOrganisation { CommunityOrganisationId = id });
    }

    private static void Sync<TRow>(List<TRow> rows, IEnumerable<int> ids, Func<TRow, int> key, Func<int, TRow> make)
    {
        var wanted = ids.ToHashSet();
        rows.RemoveAll(r => !wanted.Contains(key(r)));
        rows.AddRange(wanted.Except(rows.Select(key)).Select(make));
    }

    public int CountOf(EmergencyTask task) => task switch
    {
        EmergencyTask.Screening => Screening,
        EmergencyTask.TestingSupport => TestingSupport,
        EmergencyTask.SupplyDelivery => SupplyDelivery,
        _ => CareVisits,
    };
}

internal sealed class EmergencyReportConfiguration : IEntityTypeConfiguration<EmergencyReport>
{
    public void Configure(EntityTypeBuilder<EmergencyReport> builder)
    {
        builder.ToTable("EmergencyReports");
        builder.Property(r => r.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasIndex(r => new { r.EmergencyId, r.StationId, r.Day }).IsUnique();
        builder.HasIndex(r => new { r.EmergencyId, r.RegionCode, r.Day });
        builder.HasOne<Emergency>().WithMany().HasForeignKey(r => r.EmergencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Teams).WithOne().HasForeignKey(t => t.EmergencyReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Organisations).WithOne().HasForeignKey(o => o.EmergencyReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
