using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Emergencies;

/// <summary>The regions an emergency reaches: checked on declaring, read apart from the reader's scope for display.</summary>
internal static class EmergencyPlaces
{
    /// <summary>A region in the caller's scope (else "no such region", as for any region out of reach).</summary>
    public static async Task<Region> InScopeAsync(ShegongDb db, string field, string code, CancellationToken cancellationToken)
    {
        if (RegionCode.Problem(code) is { } problem)
        {
            throw RequestProblem.Invalid(field, problem);
        }
        var region = db.Scope.Contains(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken) : null;
        return region ?? throw RequestProblem.Invalid(field, Problems.Format(ProblemText.NoRegionWithCode, code));
    }

    /// <summary>Whether <paramref name="code"/> lies in the subtree of <paramref name="root"/> (the root included).</summary>
    public static bool Under(string code, string root)
    {
        var (low, high) = RegionCode.SubtreeRange(root);
        return string.CompareOrdinal(code, low) >= 0 && string.CompareOrdinal(code, high) <= 0;
    }

    /// <summary>
    /// All affected regions of an emergency the reader already sees, also those outside the reader's scope: which
    /// regions an emergency covers is not personal data, and a township worker should see the whole of it.
    /// A query of its own, never joined into a scoped one.
    /// </summary>
    public static async Task<List<string>> AreaCodesAsync(ShegongDb db, int emergencyId, CancellationToken cancellationToken) =>
        await db.Set<EmergencyArea>().IgnoreQueryFilters().AsNoTracking().Where(a => a.EmergencyId == emergencyId)
            .OrderBy(a => a.RegionCode).Select(a => a.RegionCode).ToListAsync(cancellationToken);

    /// <summary>Names and paths of regions (shipped reference data), also above or beside the reader's scope.</summary>
    public static async Task<Dictionary<string, (string Name, string Path)>> NamesAsync(ShegongDb db, IEnumerable<string> codes,
        CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct().ToList();
        var all = wanted.SelectMany(c => RegionCode.AncestorsOf(c).Append(c)).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => all.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return wanted.ToDictionary(c => c, c => (names.GetValueOrDefault(c, c),
            string.Join(" / ", RegionCode.AncestorsOf(c).Skip(1).Append(c).Select(a => names.GetValueOrDefault(a, a)))));
    }
}
