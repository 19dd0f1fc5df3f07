using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// A person who signs in. One role and one scope: <see cref="RegionCode"/> is always set (for
/// station staff it is the station's region, copied when the account is made), so accounts are
/// filtered like every other scoped entity.
/// </summary>
public class Account : IdentityUser, IRegionScoped
{
    public required string DisplayName { get; set; }
    public AccountRole Role { get; set; }
    public required string RegionCode { get; set; }
    public int? StationId { get; set; }

    /// <summary>The agency an agency manager works for; agency-scoped data comes with the workforce feature.</summary>
    public int? AgencyId { get; set; }

    /// <summary>The social worker a station staff account belongs to (their cases, requests and groups make the "today" page); one account per worker.</summary>
    public int? SocialWorkerId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

/// <summary>The roles of the glossary, from the province down.</summary>
public enum AccountRole
{
    ProvinceAdmin,
    CityOfficer,
    CountyOfficer,
    StationManager,
    SocialWorker,
    AgencyManager,
    Viewer,

    /// <summary>A community volunteer approved by a station: sees only their own record, their team's activities and their own hours.</summary>
    Volunteer,
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(50);
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.Length).IsFixedLength();
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => a.SocialWorkerId).IsUnique();
        builder.HasOne<SocialWorker>().WithMany().HasForeignKey(a => a.SocialWorkerId).OnDelete(DeleteBehavior.SetNull);
    }
}
