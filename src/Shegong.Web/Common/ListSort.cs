using System.Linq.Expressions;

namespace Shegong.Web.Common;

/// <summary>
/// The columns a list may be sorted by, so the database sorts (not the page) and a caller can only
/// sort by what the list allows. A sort is written <c>field</c> (ascending) or <c>-field</c> (descending).
/// </summary>
public sealed class SortFields<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> fields = new(StringComparer.OrdinalIgnoreCase);

    public SortFields<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        fields[name] = (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
        return this;
    }

    public IEnumerable<string> Names => fields.Keys;

    /// <summary>
    /// Orders by the requested field, then by the list's own order so pages stay stable;
    /// without a sort, by the list's own order only. An unknown field is a 400 naming the allowed ones.
    /// </summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, string? sort, Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder,
        Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreak)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return defaultOrder(query);
        }
        var descending = sort.StartsWith('-');
        var name = sort.TrimStart('-', '+').Trim();
        if (!fields.TryGetValue(name, out var order))
        {
            var allowed = string.Join(", ", fields.Keys);
            throw RequestProblem.Invalid("sort", Problems.Format(ProblemText.ListCannotSortBy, name, allowed));
        }
        return tieBreak(order(query, descending));
    }
}
