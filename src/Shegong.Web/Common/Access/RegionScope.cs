using Shegong.Web.Features.Regions;

namespace Shegong.Web.Common.Access;

/// <summary>
/// The region subtree the current request may see. One instance per request (DI scope); the
/// database context reads it in its query filters, so every query of a scoped entity is
/// limited to the subtree in one place. <see cref="Unrestricted"/> is for operator verbs,
/// start-up work and the province, which see everything.
/// </summary>
public sealed class RegionScope
{
    /// <summary>Root of the visible subtree, or null when nothing is restricted.</summary>
    public string? RootCode { get; private set; }

    /// <summary>Lowest visible region code (inclusive); null when unrestricted.</summary>
    public string? Low { get; private set; }

    /// <summary>Highest visible region code (inclusive); null when unrestricted.</summary>
    public string? High { get; private set; }

    public bool IsUnrestricted => RootCode is null;

    /// <summary>
    /// For an agency manager: the one agency whose agency, staff and contracts they may see, on
    /// top of the region limits; null for everyone else.
    /// </summary>
    public int? AgencyId { get; private set; }

    /// <summary>Limits agency-owned records (agency, its social workers, its contracts) to one agency.</summary>
    public void RestrictToAgency(int agencyId) => AgencyId = agencyId;

    /// <summary>
    /// The root's ancestors (province, city, …), readable as regions so a cascader can show the
    /// path down to the root; unused slots hold null. Only regions use them, not other entities.
    /// </summary>
    public string?[] Ancestors { get; private set; } = new string?[4];

    public static RegionScope Unrestricted => new();

    public static RegionScope For(string regionCode)
    {
        var scope = new RegionScope();
        scope.Restrict(regionCode);
        return scope;
    }

    /// <summary>Limits this scope to the subtree under <paramref name="regionCode"/>.</summary>
    public void Restrict(string regionCode)
    {
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        RootCode = regionCode;
        Low = low;
        High = high;
        var ancestors = RegionCode.AncestorsOf(regionCode);
        Ancestors = Enumerable.Range(0, 4).Select(i => i < ancestors.Count ? ancestors[i] : null).ToArray();
    }

    /// <summary>Sees nothing: for requests and circuits without a signed-in user.</summary>
    public void RestrictToNothing()
    {
        RootCode = "";
        Low = "1";
        High = "0";
        Ancestors = new string?[4];
        AgencyId = null;
    }

    /// <summary>Takes over another scope's limits (a page's per-call DI scope inherits its circuit's).</summary>
    public void CopyFrom(RegionScope other)
    {
        RootCode = other.RootCode;
        Low = other.Low;
        High = other.High;
        Ancestors = [.. other.Ancestors];
        AgencyId = other.AgencyId;
    }

    /// <summary>True when <paramref name="regionCode"/> lies inside the visible subtree.</summary>
    public bool Contains(string regionCode) =>
        IsUnrestricted || (string.CompareOrdinal(regionCode, Low) >= 0 && string.CompareOrdinal(regionCode, High) <= 0);
}
