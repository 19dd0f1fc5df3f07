using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.GroupWork;

/// <summary>The list filter "under this region" of group work and activities: a checked code, then a code range.</summary>
public static class ScopedRegion
{
    public static IQueryable<T> Under<T>(IQueryable<T> query, string? region) where T : IRegionScoped
    {
        if (string.IsNullOrEmpty(region))
        {
            return query;
        }
        if (RegionCode.Problem(region) is { } problem)
        {
            throw RequestProblem.Invalid("region", problem);
        }
        var (low, high) = RegionCode.SubtreeRange(region);
        return query.Where(e => string.Compare(e.RegionCode, low) >= 0 && string.Compare(e.RegionCode, high) <= 0);
    }
}
