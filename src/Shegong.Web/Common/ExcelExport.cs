using Microsoft.AspNetCore.Http.Features;
using MiniExcelLibs;

namespace Shegong.Web.Common;

/// <summary>
/// Writes rows to an .xlsx file, for every list's export button. Headers and values come in words from the
/// resource files, in the request's language, as the pages show them (the callers name them).
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// An .xlsx answer written to the response while <paramref name="rows"/> are read, so an export
    /// of any size needs memory for one row, not for the file; there is no row limit.
    /// </summary>
    public static IResult Stream<T>(IAsyncEnumerable<T> rows, string fileName, params (string Header, Func<T, object?> Value)[] columns)
    {
        // A row is keyed by its headers: two columns named alike in one language would silently become one.
        if (columns.GroupBy(c => c.Header).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two export columns are both headed \"{twice.Key}\"");
        }
        return new StreamedSheet<T>(rows, fileName, columns);
    }

    /// <summary>
    /// A list's export, streamed with no row limit: the list's own page query (same filter, same sort)
    /// is read page after page. Pages rather than one open reader because the rows are named from
    /// other tables as they are read, and PostgreSQL runs one command per connection at a time. The
    /// first page is read before the answer starts, so a bad filter or sort is still a 400.
    /// </summary>
    public static async Task<IResult> StreamPages<T>(Func<PageRequest, CancellationToken, Task<PagedResult<T>>> list, string? sort,
        string fileName, CancellationToken cancellationToken, params (string Header, Func<T, object?> Value)[] columns)
    {
        var sortKey = string.IsNullOrWhiteSpace(sort) ? null : sort.Trim();
        var first = await list(new PageRequest(1, PageRequest.MaxPageSize, sortKey), cancellationToken);
        return Stream(AllPages(first, list, sortKey), fileName, columns);
    }

    private static async IAsyncEnumerable<T> AllPages<T>(PagedResult<T> first, Func<PageRequest, CancellationToken, Task<PagedResult<T>>> list,
        string? sort, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = first;
        for (var number = 1; ; number++)
        {
            foreach (var row in page.Items)
            {
                yield return row;
            }
            if (page.Items.Count < PageRequest.MaxPageSize)
            {
                yield break;
            }
            page = await list(new PageRequest(number + 1, PageRequest.MaxPageSize, sort), cancellationToken);
        }
    }

    /// <summary>A file name with the date, safe for Content-Disposition in every browser.</summary>
    public static string FileName(string stem, DateTimeOffset now) => $"{stem}-{now:yyyyMMdd-HHmm}.xlsx";

    /// <summary>
    /// Text a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return)
    /// is written with a leading apostrophe, as spreadsheet tools expect (OWASP "CSV injection").
    /// </summary>
    public static object? Neutralised(object? value) =>
        value is string { Length: > 0 } s && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : value;

    private static Dictionary<string, object?> Line<T>(T row, (string Header, Func<T, object?> Value)[] columns)
    {
        var line = new Dictionary<string, object?>(columns.Length);
        foreach (var (header, value) in columns)
        {
            line[header] = Neutralised(value(row));
        }
        return line;
    }

    private sealed class StreamedSheet<T>(IAsyncEnumerable<T> rows, string fileName, (string Header, Func<T, object?> Value)[] columns) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = ContentType;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            // The zip writer finishes its directory with synchronous writes.
            if (httpContext.Features.Get<IHttpBodyControlFeature>() is { } body)
            {
                body.AllowSynchronousIO = true;
            }
            var sheet = rows.Select(row => (IDictionary<string, object?>)Line(row, columns));
            await httpContext.Response.Body.SaveAsAsync(sheet, cancellationToken: httpContext.RequestAborted);
        }
    }
}
