using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Organisations;

/// <summary>The kind of a community social organisation; informal covers self- and micro-organisations.</summary>
public enum OrganisationType
{
    Service,
    Governance,
    Interest,
    Informal,
}

/// <summary>Incubating (培育中) → Filed with the street office (街道备案) → Registered with civil affairs (民政登记).</summary>
public enum OrganisationStage
{
    Incubating,
    Filed,
    Registered,
}

/// <summary>
/// A community social organisation (社区社会组织) a station incubates. It belongs to its village or
/// township, which lies under the incubating station's region. Its stage only moves forward, one
/// step at a time; registering needs a valid unified social credit code, unique province-wide.
/// </summary>
public class CommunityOrganisation : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public string Name { get; set; } = "";
    public OrganisationType Type { get; set; }

    /// <summary>The village or township where it works.</summary>
    public string RegionCode { get; set; } = "";
    public int StationId { get; set; }
    public string? LeaderName { get; set; }
    public int MemberCount { get; set; }

    /// <summary>Support the station gave (space, training, funds), in the staff's words.</summary>
    public string? Support { get; set; }
    public OrganisationStage Stage { get; private set; } = OrganisationStage.Incubating;
    public DateOnly IncubatedOn { get; set; }
    public DateOnly? FiledOn { get; private set; }
    public DateOnly? RegisteredOn { get; private set; }
    public string? CreditCode { get; private set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    /// <summary>Moves to the next stage, or answers why not (the field and the reason).</summary>
    public (string Field, string Message)? MoveTo(OrganisationStage stage, DateOnly date, string? creditCode)
    {
        if (stage != Stage + 1)
        {
            return ("stage", Problems.Format(ProblemText.OrganisationStageNotNext, Names.Of(Stage), Names.Of(stage)));
        }
        var since = stage == OrganisationStage.Filed ? IncubatedOn : FiledOn!.Value;
        if (date < since)
        {
            return ("date", Problems.Format(ProblemText.OrganisationStageDateBefore, since.ToString("yyyy-MM-dd")));
        }
        if (stage == OrganisationStage.Registered)
        {
            if (Common.Validation.CreditCode.Problem(creditCode) is { } problem)
            {
                return ("creditCode", problem);
            }
            CreditCode = Common.Validation.CreditCode.Normalize(creditCode!);
            RegisteredOn = date;
        }
        else
        {
            FiledOn = date;
        }
        Stage = stage;
        return null;
    }

    /// <summary>For the demo seed only: an organisation already at a later stage.</summary>
    internal void SeedStage(OrganisationStage stage, DateOnly? filedOn, DateOnly? registeredOn, string? creditCode) =>
        (Stage, FiledOn, RegisteredOn, CreditCode) = (stage, filedOn, registeredOn, creditCode);
}

internal sealed class CommunityOrganisationConfiguration : IEntityTypeConfiguration<CommunityOrganisation>
{
    public void Configure(EntityTypeBuilder<CommunityOrganisation> builder)
    {
        builder.ToTable("CommunityOrganisations");
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.Property(o => o.LeaderName).HasMaxLength(50);
        builder.Property(o => o.Support).HasMaxLength(1000);
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => new { o.RegionCode, o.Stage });
        builder.HasIndex(o => o.StationId);
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(o => o.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
