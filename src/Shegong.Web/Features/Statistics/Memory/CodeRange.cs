namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>Where a code range lies in an ascending (ordinal) array of region codes.</summary>
internal static class CodeRange
{
    /// <summary>The indexes first..end (exclusive) of the codes from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static (int First, int End) Of(string[] codes, string low, string high) =>
        (LowerBound(codes, low, inclusive: true), LowerBound(codes, high, inclusive: false));

    // The first index whose code is at least the key (inclusive), or above it (not inclusive).
    private static int LowerBound(string[] codes, string key, bool inclusive)
    {
        var (lo, hi) = (0, codes.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var order = string.CompareOrdinal(codes[mid], key);
            (lo, hi) = order < 0 || (!inclusive && order == 0) ? (mid + 1, hi) : (lo, mid);
        }
        return lo;
    }
}
