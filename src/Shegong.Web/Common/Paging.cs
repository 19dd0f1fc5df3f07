namespace Shegong.Web.Common;

/// <summary>One page of a list: the API answers <c>{ items, total }</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Page number (1-based), size and sort (see <see cref="SortFields{T}"/>), checked once for every list.</summary>
public readonly record struct PageRequest(int Page, int PageSize, string? Sort = null)
{
    public const int MaxPageSize = 500;

    public static PageRequest From(int? page, int? pageSize, string? sort = null)
    {
        var request = new PageRequest(page ?? 1, pageSize ?? 20, string.IsNullOrWhiteSpace(sort) ? null : sort.Trim());
        if (request.Page < 1)
        {
            throw RequestProblem.Invalid("page", ProblemText.PagingPageMore);
        }
        if (request.PageSize is < 1 or > MaxPageSize)
        {
            throw RequestProblem.Invalid("pageSize", Problems.Format(ProblemText.PagingPageSizeBetween, MaxPageSize));
        }
        return request;
    }

    /// <summary>Rows before the page; a page far past the end skips everything (an empty page), never wraps round to page 1.</summary>
    public int Skip => (int)Math.Min(((long)Page - 1) * PageSize, int.MaxValue);
}
