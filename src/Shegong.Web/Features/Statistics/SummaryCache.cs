using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// Summaries given again while nothing has been committed since they were read (<see cref="DataVersion"/>), so a
/// dashboard opened by many officials, or polled, costs one cheap marker read instead of a dozen queries; the first
/// read after any commit reads everything again, so the figures stay live. Keyed by everything the answer depends on
/// besides the data: what the reader may see (their scope), the region and period asked for, today (for the "as of
/// today" figures and the default period) and the language.
/// </summary>
public sealed class SummaryCache(DataVersion version)
{
    // Beyond this many answers at one marker the rest are read each time: a bound on memory, not an expected size.
    private const int MaxEntries = 2_000;

    private readonly Lock sync = new();
    private readonly Dictionary<SummaryCacheKey, StatisticsSummary> entries = [];
    private string? readAt;

    public async Task<StatisticsSummary> GetAsync(SummaryCacheKey key, Func<Task<StatisticsSummary>> read, CancellationToken cancellationToken)
    {
        // The marker is taken before the read: a commit during the read moves it, so that answer is never given again.
        var now = await version.CurrentAsync(cancellationToken);
        lock (sync)
        {
            if (readAt == now && entries.TryGetValue(key, out var known))
            {
                return known;
            }
        }
        var summary = await read();
        lock (sync)
        {
            if (readAt != now)
            {
                entries.Clear();
                readAt = now;
            }
            if (entries.Count < MaxEntries)
            {
                entries[key] = summary;
            }
        }
        return summary;
    }

    public static SummaryCacheKey KeyFor(RegionScope scope, string? region, DateOnly? from, DateOnly? to, DateOnly today) =>
        new(scope.Kind, scope.RootCode, scope.AgencyId, region, from, to, today, System.Globalization.CultureInfo.CurrentUICulture.Name);
}

/// <summary>What a summary depends on besides the data.</summary>
public readonly record struct SummaryCacheKey(ScopeKind Scope, string? Root, int? Agency, string? Region, DateOnly? From, DateOnly? To,
    DateOnly Today, string Culture);
