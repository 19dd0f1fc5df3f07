using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>Where a volunteer stands: a registration waits for the station, which approves or rejects it; an approved volunteer may leave.</summary>
public enum VolunteerStatus
{
    Applied,
    Approved,
    Rejected,
    Left,
}

/// <summary>
/// A community volunteer (社区志愿者) of a station, in its township or one of its villages (the scope filter reads
/// <see cref="RegionCode"/>). ID number and phone are held like a resident's: cipher, keyed hash (one record per
/// ID number and per phone, the phone being the sign-in name) and the masked form stored at write time; birth date
/// and sex come from the ID number and are protected like it. Approval makes the volunteer's account
/// (<see cref="AccountId"/>), of role <see cref="AccountRole.Volunteer"/>.
/// </summary>
public class Volunteer : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public string Name { get; set; } = "";
    [MaskedInAudit]
    public Sex Sex { get; set; }
    [MaskedInAudit]
    public DateOnly BirthDate { get; set; }
    [MaskedInAudit]
    public string IdNumberCipher { get; set; } = "";
    [MaskedInAudit]
    public string IdNumberMasked { get; set; } = "";
    [MaskedInAudit]
    public string IdNumberHash { get; set; } = "";
    [MaskedInAudit]
    public string PhoneCipher { get; set; } = "";
    [MaskedInAudit]
    public string PhoneMasked { get; set; } = "";
    [MaskedInAudit]
    public string PhoneHash { get; set; } = "";
    public int StationId { get; set; }
    public string RegionCode { get; set; } = "";
    public int? TeamId { get; set; }

    /// <summary>What the volunteer can do and when, in their own words.</summary>
    public string? Skills { get; set; }
    public string? Availability { get; set; }
    public VolunteerStatus Status { get; set; }
    public bool SelfRegistered { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionReason { get; set; }

    /// <summary>Consent to data processing: given on registration (by the volunteer) or recorded by staff; withdrawn ends it.</summary>
    public DateOnly? ConsentGivenOn { get; set; }
    public string? ConsentRecordedBy { get; set; }
    public DateOnly? ConsentWithdrawnOn { get; set; }

    /// <summary>The password hash chosen at self-registration, held until the decision (moved onto the account, or dropped).</summary>
    [MaskedInAudit]
    public string? PendingPasswordHash { get; set; }
    public string? AccountId { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.ToTable("Volunteers");
        builder.Property(v => v.Name).HasMaxLength(50);
        builder.Property(v => v.IdNumberCipher).HasMaxLength(200);
        builder.Property(v => v.IdNumberHash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.IdNumberMasked).HasMaxLength(18);
        builder.Property(v => v.PhoneCipher).HasMaxLength(200);
        builder.Property(v => v.PhoneMasked).HasMaxLength(30);
        builder.Property(v => v.PhoneHash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.RegionCode).HasMaxLength(Regions.RegionCode.Length).IsFixedLength();
        builder.Property(v => v.Skills).HasMaxLength(200);
        builder.Property(v => v.Availability).HasMaxLength(200);
        builder.Property(v => v.DecisionReason).HasMaxLength(200);
        builder.Property(v => v.ConsentRecordedBy).HasMaxLength(100);
        builder.Property(v => v.PendingPasswordHash).HasMaxLength(200);
        // One person, one volunteer record; one phone, one sign-in: the database decides a race (409).
        builder.HasIndex(v => v.IdNumberHash).IsUnique().HasDatabaseName("UX_Volunteers_IdNumberHash");
        builder.HasIndex(v => v.PhoneHash).IsUnique().HasDatabaseName("UX_Volunteers_PhoneHash");
        builder.HasIndex(v => v.AccountId).IsUnique();
        builder.HasIndex(v => new { v.RegionCode, v.Status });
        builder.HasIndex(v => v.StationId);
        builder.HasIndex(v => v.TeamId);
        builder.HasOne<Region>().WithMany().HasForeignKey(v => v.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Station>().WithMany().HasForeignKey(v => v.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VolunteerTeam>().WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}
