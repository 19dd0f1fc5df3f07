using Shegong.Web.Features.Regions;

namespace Shegong.Web.Common.Access;

/// <summary>What a scope lets its holder see; a scope nobody filled is <see cref="Nothing"/>.</summary>
public enum ScopeKind
{
    /// <summary>Sees nothing, writes nothing: the default, so a forgotten fill fails closed.</summary>
    Nothing,

    /// <summary>A region subtree (officials below the province, station staff, viewers).</summary>
    Region,

    /// <summary>The whole province: the province administrator, explicitly.</summary>
    Province,

    /// <summary>Work the system does itself (start-up, operator verbs, jobs): unrestricted, named in the audit.</summary>
    System,
}

/// <summary>
/// The region subtree the current request may see. One instance per request (DI scope); the
/// database context reads it in its query filters, so every query of a scoped entity is
/// limited to the subtree in one place. A new scope sees nothing: a request, circuit, job or
/// verb must say what it sees (<see cref="Restrict"/>, <see cref="AllowProvince"/>,
/// <see cref="EnterSystem"/>), so a forgotten fill shows nothing instead of everything.
/// </summary>
public sealed class RegionScope
{
    public ScopeKind Kind { get; private set; } = ScopeKind.Nothing;

    /// <summary>Root of the visible subtree; null for the province and the system, "" for nothing.</summary>
    public string? RootCode { get; private set; } = "";

    /// <summary>Lowest visible region code (inclusive); null when unrestricted. Nothing is the empty range "1".."0".</summary>
    public string? Low { get; private set; } = "1";

    /// <summary>Highest visible region code (inclusive); null when unrestricted.</summary>
    public string? High { get; private set; } = "0";

    /// <summary>True for the province and the system, which see every region.</summary>
    public bool IsUnrestricted => Kind is ScopeKind.Province or ScopeKind.System;

    public bool IsSystem => Kind == ScopeKind.System;

    /// <summary>The system task this scope runs (e.g. <c>bootstrap-admin</c>); null outside the system scope.</summary>
    public string? SystemTask { get; private set; }

    /// <summary>Whether system writes are audited (as <c>system:&lt;task&gt;</c>); bulk loads of shipped reference or demo data are not.</summary>
    public bool AuditsSystemWrites { get; private set; }

    /// <summary>
    /// For an agency manager: the one agency whose agency, staff and contracts they may see, on
    /// top of the region limits; null for everyone else.
    /// </summary>
    public int? AgencyId { get; private set; }

    /// <summary>
    /// The root's ancestors (province, city, …), readable as regions so a cascader can show the
    /// path down to the root; unused slots hold null. Only regions use them, not other entities.
    /// </summary>
    public string?[] Ancestors { get; private set; } = new string?[4];

    /// <summary>A fresh scope for system work, e.g. a context opened by a tool or a test.</summary>
    public static RegionScope System(string task, bool audited = true)
    {
        var scope = new RegionScope();
        scope.EnterSystem(task, audited);
        return scope;
    }

    public static RegionScope For(string regionCode)
    {
        var scope = new RegionScope();
        scope.Restrict(regionCode);
        return scope;
    }

    /// <summary>Limits agency-owned records (agency, its social workers, its contracts) to one agency.</summary>
    public void RestrictToAgency(int agencyId) => AgencyId = agencyId;

    /// <summary>Limits this scope to the subtree under <paramref name="regionCode"/>.</summary>
    public void Restrict(string regionCode)
    {
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        Set(ScopeKind.Region, regionCode, low, high, null, false);
        var ancestors = RegionCode.AncestorsOf(regionCode);
        Ancestors = Enumerable.Range(0, 4).Select(i => i < ancestors.Count ? ancestors[i] : null).ToArray();
    }

    /// <summary>The whole province, for the province administrator.</summary>
    public void AllowProvince() => Set(ScopeKind.Province, null, null, null, null, false);

    /// <summary>
    /// Unrestricted system work named <paramref name="task"/>: its audited writes read
    /// <c>system:&lt;task&gt;</c>. Only start-up, operator verbs, jobs and derived-data maintainers enter it.
    /// </summary>
    public void EnterSystem(string task, bool audited = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        Set(ScopeKind.System, null, null, null, task, audited);
    }

    /// <summary>Sees nothing: for requests and circuits without a signed-in user.</summary>
    public void RestrictToNothing() => Set(ScopeKind.Nothing, "", "1", "0", null, false);

    /// <summary>Takes over another scope's limits (a page's per-call DI scope inherits its circuit's).</summary>
    public void CopyFrom(RegionScope other)
    {
        Set(other.Kind, other.RootCode, other.Low, other.High, other.SystemTask, other.AuditsSystemWrites);
        Ancestors = [.. other.Ancestors];
        AgencyId = other.AgencyId;
    }

    /// <summary>True when <paramref name="regionCode"/> lies inside the visible subtree.</summary>
    public bool Contains(string regionCode) => Kind switch
    {
        ScopeKind.Province or ScopeKind.System => true,
        ScopeKind.Region => string.CompareOrdinal(regionCode, Low) >= 0 && string.CompareOrdinal(regionCode, High) <= 0,
        _ => false,
    };

    private void Set(ScopeKind kind, string? root, string? low, string? high, string? task, bool audited)
    {
        Kind = kind;
        RootCode = root;
        Low = low;
        High = high;
        SystemTask = task;
        AuditsSystemWrites = audited;
        Ancestors = new string?[4];
        AgencyId = null;
    }
}
