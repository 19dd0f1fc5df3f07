using Shegong.Web.Common.Access;
using Shegong.Web.Features.Audit;

namespace Shegong.Web.Features.Casework;

/// <summary>Who a case is referred to: another station, an agency, or a government department.</summary>
public enum ReferralTarget
{
    Station,
    Agency,
    GovernmentDepartment,
}

/// <summary>
/// A referral (转介) of a case to another station or an outside body, written by the sending side
/// (a child of the case, so it lies in the case's region). The answer is a
/// <see cref="ReferralAnswer"/>: the receiving station's staff give it for a station, the sender
/// records it for an outside body.
/// </summary>
public class CaseReferral : IScopedThrough<Case>
{
    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public ReferralTarget Target { get; init; }
    public int? TargetStationId { get; init; }

    /// <summary>The station's name, or the agency or department as the sender names it.</summary>
    public string TargetName { get; init; } = "";

    /// <summary>What the receiving side is told: the sending station and the resident's name (the sender chose to share them).</summary>
    public string FromStationName { get; init; } = "";
    [MaskedInAudit]
    public string ResidentName { get; init; } = "";
    [MaskedInAudit]
    public string Reason { get; init; } = "";
    public DateOnly ReferredOn { get; init; }
    public string ReferredBy { get; init; } = "";
    public DateTime RecordedAt { get; init; } = DateTime.UtcNow;
}

/// <summary>
/// The answer to a referral: accepted or declined, when, by whom, why. It lies in the receiving
/// station's region (or the case's, for an outside body), so the receiving staff may write it;
/// the sending side sees it through <see cref="SenderRegionCode"/> (the scope filter's extra reach).
/// One per referral (unique), so a second answer is a conflict.
/// </summary>
public class ReferralAnswer : IRegionScoped
{
    public int Id { get; private set; }
    public int ReferralId { get; init; }
    public string RegionCode { get; init; } = "";

    /// <summary>The sending case's region.</summary>
    public string SenderRegionCode { get; init; } = "";
    public bool Accepted { get; init; }
    public DateOnly AnsweredOn { get; init; }
    public string AnsweredBy { get; init; } = "";
    [MaskedInAudit]
    public string? Note { get; init; }
    public DateTime RecordedAt { get; init; } = DateTime.UtcNow;
}
