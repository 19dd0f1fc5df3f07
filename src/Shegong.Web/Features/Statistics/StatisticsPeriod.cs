namespace Shegong.Web.Features.Statistics;

/// <summary>
/// A day range split for exact figures from a month-granular summary: the whole months inside it
/// are read from the summary leaves, the partial months at its edges (at most two day ranges) from
/// the raw records. Any day range is therefore exact.
/// </summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    /// <summary>First day of the first whole month, and first day of the last whole month; null when no month lies wholly inside.</summary>
    public (DateOnly First, DateOnly Last)? WholeMonths
    {
        get
        {
            var first = From.Day == 1 ? From : ServiceSummary.MonthOf(From).AddMonths(1);
            var afterTo = To.AddDays(1);
            var last = afterTo.Day == 1 ? ServiceSummary.MonthOf(To) : ServiceSummary.MonthOf(To).AddMonths(-1);
            return first <= last ? (first, last) : null;
        }
    }

    /// <summary>The day ranges read from the records: the edges around the whole months, or the whole period when it has none.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> RawRanges
    {
        get
        {
            if (WholeMonths is not { } whole)
            {
                return [(From, To)];
            }
            var ranges = new List<(DateOnly, DateOnly)>();
            if (From < whole.First)
            {
                ranges.Add((From, whole.First.AddDays(-1)));
            }
            var afterWhole = whole.Last.AddMonths(1);
            if (afterWhole <= To)
            {
                ranges.Add((afterWhole, To));
            }
            return ranges;
        }
    }
}
