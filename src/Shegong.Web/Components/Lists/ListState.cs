using AntDesign;
using Microsoft.AspNetCore.WebUtilities;
using Shegong.Web.Common;

namespace Shegong.Web.Components.Lists;

/// <summary>What a list shows, as it is written in the page's URL: filters, page, page size and sort.</summary>
public sealed record ListState<TFilter>(TFilter Filter, int Page, int PageSize, string? Sort) where TFilter : IQueryFilter<TFilter>
{
    public const int DefaultPageSize = 20;

    public static ListState<TFilter> Empty => FromUrl("http://localhost/");

    /// <summary>Reads the state from a URL; values that make no sense fall back to the defaults instead of failing.</summary>
    public static ListState<TFilter> FromUrl(string url)
    {
        var query = QueryValues.Parse(new Uri(url).Query);
        var page = query.Int("page") is > 0 and var p ? p : 1;
        var size = query.Int("pageSize") is >= 1 and <= PageRequest.MaxPageSize and var s ? s : DefaultPageSize;
        return new ListState<TFilter>(TFilter.FromQuery(query), page, size, query.String("sort"));
    }

    public string ToUrl(string path) => QueryHelpers.AddQueryString(path, Filter.ToQuery().Concat(QueryValues.Of(
        ("sort", Sort), ("page", Page == 1 ? null : Page), ("pageSize", PageSize == DefaultPageSize ? null : PageSize))));

    /// <summary>Identifies what was loaded, so a repeated navigation to the same state does not query twice.</summary>
    public string Key => ToUrl("");

    /// <summary>The sort order a column shows, for a column's <c>DefaultSortOrder</c>.</summary>
    public static SortDirection SortOf(string url, string key)
    {
        var sort = QueryValues.Parse(new Uri(url).Query).String("sort");
        return sort is null || !string.Equals(sort.TrimStart('-'), key, StringComparison.OrdinalIgnoreCase) ? SortDirection.None
            : sort.StartsWith('-') ? SortDirection.Descending : SortDirection.Ascending;
    }
}
