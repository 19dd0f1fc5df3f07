using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// Summaries given again while nothing has been committed since they were read (<see cref="VersionedCache{TKey, TValue}"/>),
/// so a dashboard opened by many officials, or polled, costs one cheap marker read instead of a dozen queries, and the
/// figures stay live. Keyed by everything the answer depends on besides the data: what the reader may see (their scope),
/// the region and period asked for, today (for the "as of today" figures and the default period) and the language.
/// </summary>
public sealed class SummaryCache(DataVersion version)
{
    // A bound on memory, not an expected size.
    private readonly VersionedCache<SummaryCacheKey, StatisticsSummary> cache = new(version, 2_000);

    public Task<StatisticsSummary> GetAsync(SummaryCacheKey key, Func<Task<StatisticsSummary>> read, CancellationToken cancellationToken) =>
        cache.GetAsync(key, read, cancellationToken);

    public static SummaryCacheKey KeyFor(RegionScope scope, string? region, DateOnly? from, DateOnly? to, DateOnly today) =>
        new(scope.Kind, scope.RootCode, scope.AgencyId, region, from, to, today, System.Globalization.CultureInfo.CurrentUICulture.Name);
}

/// <summary>What a summary depends on besides the data.</summary>
public readonly record struct SummaryCacheKey(ScopeKind Scope, string? Root, int? Agency, string? Region, DateOnly? From, DateOnly? To,
    DateOnly Today, string Culture);
