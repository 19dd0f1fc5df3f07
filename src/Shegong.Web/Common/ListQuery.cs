using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Shegong.Web.Common;

/// <summary>
/// A list filter that round-trips through a query string, so the page's URL, the API call and the
/// Excel export link all carry the same filters under the same names as the API's parameters.
/// </summary>
public interface IQueryFilter<TSelf> where TSelf : IQueryFilter<TSelf>
{
    static abstract TSelf FromQuery(QueryValues query);

    /// <summary>The filter's query parameters; empty values are left out.</summary>
    IEnumerable<KeyValuePair<string, string?>> ToQuery();
}

/// <summary>Typed, forgiving reads of a query string: a value that does not parse counts as absent.</summary>
public sealed class QueryValues(IReadOnlyDictionary<string, StringValues> values)
{
    public static QueryValues Parse(string? queryString) =>
        new(QueryHelpers.ParseQuery(queryString).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));

    public string? String(string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    public int? Int(string key) => int.TryParse(String(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public bool? Bool(string key) => bool.TryParse(String(key), out var b) ? b : null;

    public DateOnly? Date(string key) =>
        DateOnly.TryParseExact(String(key), DateFormat.Iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public TEnum? Enum<TEnum>(string key) where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(String(key), ignoreCase: true, out var e) && System.Enum.IsDefined(e) ? e : null;

    /// <summary>Builds query parameters, leaving out empty ones (so a cleared filter leaves the URL).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Of(params (string Key, object? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string?>(p.Key, Format(p.Value)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Value));

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString(DateFormat.Iso, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>The one date format of lists, forms and exports.</summary>
public static class DateFormat
{
    public const string Iso = "yyyy-MM-dd";

    /// <summary>A date as the UI shows it everywhere, in messages too (the culture's own short date would read 2025/3/1).</summary>
    public static string Of(DateOnly date) => date.ToString(Iso, CultureInfo.InvariantCulture);
}
