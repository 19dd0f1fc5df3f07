using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Audit;

namespace Shegong.Web.Features.Residents;

/// <summary>Vulnerable groups (困难群体) a resident may belong to; a resident carries any number.</summary>
public enum VulnerabilityTag
{
    ElderlyLivingAlone,
    LeftBehindElderly,
    LeftBehindChild,
    ChildInDistress,
    PersonWithDisability,
    MinimumLivingAllowance,
    ExtremePoverty,
    RelocatedResident,
    SeriouslyIll,
    VeteranOrMartyrFamily,
    SingleParentFamily,
    Unemployed,
}

/// <summary>How a household member is related to its head.</summary>
public enum HouseholdRelation
{
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Grandparent,
    Sibling,
    Other,
}

/// <summary>
/// A resident (服务对象): a person the stations serve. The ID number is optional (some people
/// have none; then name, birth date and village identify them); when given it is held like a
/// social worker's: encrypted, a keyed hash for lookup and the database's one-person-one-record
/// rule, the masked form stored at write time. Birth date and sex are derived from the ID and
/// protected like it (masked in the audit, shown as an age unless revealed). The resident belongs
/// to their village or community (<see cref="RegionCode"/>), which is what the scope filter reads:
/// only the staff of stations above that village and the officials above them see the record.
/// </summary>
public class Resident : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public required string Name { get; set; }
    [MaskedInAudit]
    public Sex Sex { get; set; }
    [MaskedInAudit]
    public DateOnly BirthDate { get; set; }
    [MaskedInAudit]
    public string? IdNumberCipher { get; set; }
    [MaskedInAudit]
    public string? IdNumberMasked { get; set; }
    [MaskedInAudit]
    public string? IdNumberHash { get; set; }
    [MaskedInAudit]
    public string? PhoneCipher { get; set; }
    [MaskedInAudit]
    public string? PhoneHash { get; set; }
    [MaskedInAudit]
    public string? PhoneMasked { get; set; }

    /// <summary>The village or community (a level-5 region code) the resident lives in.</summary>
    public required string RegionCode { get; set; }
    [MaskedInAudit]
    public string? Address { get; set; }
    public int? HouseholdId { get; set; }
    public HouseholdRelation? Relation { get; set; }

    /// <summary>Consent to data processing (知情同意): when given and who recorded it; withdrawn ends it.</summary>
    public DateOnly? ConsentGivenOn { get; set; }
    public string? ConsentRecordedBy { get; set; }
    public DateOnly? ConsentWithdrawnOn { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<ResidentTag> Tags { get; private set; } = [];

    public bool HasConsent => ConsentGivenOn is not null && ConsentWithdrawnOn is null;
}

/// <summary>One vulnerability tag of a resident; guarded and audited through the resident.</summary>
public class ResidentTag : IScopedThrough<Resident>
{
    public int Id { get; private set; }
    public int ResidentId { get; private set; }
    public VulnerabilityTag Tag { get; init; }
}

/// <summary>
/// A household (户): residents linked to one another, each with their relation to the head.
/// It belongs to the village of its address.
/// </summary>
public class Household : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public required string RegionCode { get; set; }
    public int? HeadResidentId { get; set; }
    [MaskedInAudit]
    public string? Address { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
