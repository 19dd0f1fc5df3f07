using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>The region a figure or report is asked for, checked like every read.</summary>
public static class ReaderRegion
{
    /// <summary>
    /// The region asked for (default: the reader's root, or the province for an unrestricted reader). Outside the scope
    /// is "no such region", as for every other read: an ancestor's figures would be a sum the reader may not see.
    /// </summary>
    public static async Task<Region> ResolveAsync(ShegongDb db, string? code, CancellationToken cancellationToken)
    {
        code = string.IsNullOrEmpty(code) ? db.Scope.RootCode : code;
        if (string.IsNullOrEmpty(code))
        {
            code = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Code)
                .Select(r => r.Code).FirstOrDefaultAsync(cancellationToken) ?? "";
        }
        if (RegionCode.Problem(code) is { } problem)
        {
            throw RequestProblem.Invalid("region", problem);
        }
        var region = db.Scope.Contains(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken) : null;
        return region ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.NoRegionWithCode, code));
    }
}
