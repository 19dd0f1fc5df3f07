namespace Shegong.Web.Data;

/// <summary>
/// Answers read from the database, given again while nothing has been committed since they were read
/// (<see cref="DataVersion"/>); the first read after any commit, by any process, reads again. Exact, not timed: it can
/// never give an answer older than the last commit. Bounded: past <c>maxEntries</c> at one marker the rest are read each time.
/// </summary>
public sealed class VersionedCache<TKey, TValue>(DataVersion version, int maxEntries)
    where TKey : notnull
{
    private readonly Lock sync = new();
    private readonly Dictionary<TKey, TValue> entries = [];
    private string? readAt;

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> read, CancellationToken cancellationToken)
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
        var value = await read();
        lock (sync)
        {
            if (readAt != now)
            {
                entries.Clear();
                readAt = now;
            }
            if (entries.Count < maxEntries)
            {
                entries[key] = value;
            }
        }
        return value;
    }
}
