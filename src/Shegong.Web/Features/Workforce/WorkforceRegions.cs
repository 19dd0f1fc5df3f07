using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Workforce;

/// <summary>Region checks the workforce forms share: the code exists, has the right level, lies in scope.</summary>
internal static class WorkforceRegions
{
    public static async Task<Region> RequireAsync(ShegongDb db, string field, string code, RegionLevel[] levels, CancellationToken cancellationToken)
    {
        if (RegionCode.Problem(code) is { } problem)
        {
            throw RequestProblem.Invalid(field, problem);
        }
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken)
            ?? throw RequestProblem.Invalid(field, Problems.Format(ProblemText.NoRegionWithCode, code));
        if (!levels.Contains(region.Level))
        {
            throw RequestProblem.Invalid(field, Problems.Format(ProblemText.WorkforceRegionLevel, region.Name, Names.Either(levels)));
        }
        return region;
    }

    /// <summary>Applies a region filter (the subtree of <paramref name="code"/>) to a query on region codes.</summary>
    public static (string Low, string High) Range(string code)
    {
        if (RegionCode.Problem(code) is { } problem)
        {
            throw RequestProblem.Invalid("region", problem);
        }
        return RegionCode.SubtreeRange(code);
    }

    public static string CountyOf(string code) => RegionCode.Pad(code[..6]);
}
