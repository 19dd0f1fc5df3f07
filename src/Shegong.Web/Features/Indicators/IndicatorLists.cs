using Shegong.Web.Common;

namespace Shegong.Web.Features.Indicators;

/// <summary>The indicator list's filters: a name, and the traffic light of the reader's own region.</summary>
public sealed record IndicatorFilter(string? Search = null, AttainmentLight? Light = null) : IQueryFilter<IndicatorFilter>
{
    public static IndicatorFilter FromQuery(QueryValues q) => new(q.String("search"), q.Enum<AttainmentLight>("light"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("search", Search), ("light", Light));
}

/// <summary>The indicator list as an Excel file: its own pages, same filters and sort, headers in the reader's language.</summary>
public static class IndicatorExport
{
    public static Task<IResult> RowsAsync(Func<PageRequest, CancellationToken, Task<PagedResult<IndicatorRow>>> list, string? sort,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("PlanIndicator", "Name"), r => r.Indicator.Name),
        (Names.Field("PlanIndicator", "RegionCode"), r => r.Indicator.RegionName),
        (Names.Field("PlanIndicator", "Formula"), r => r.Indicator.Formula),
        (Names.Field("PlanIndicator", "TargetValue"), r => IndicatorFormat.Value(r.Indicator.TargetValue, r.Indicator.Scale)),
        (Names.Field("PlanIndicator", "TargetYear"), r => r.Indicator.TargetYear),
        (Names.Field("PlanIndicator", "MeasuredFor"), r => r.Own.Name),
        (Names.Field("PlanIndicator", "Value"), r => r.Own.Value is { } v ? IndicatorFormat.Value(v, r.Indicator.Scale) : ""),
        (Names.Field("PlanIndicator", "Light"), r => Names.Of(r.Own.Light)),
        (Names.Field("PlanIndicator", "Reason"), r => r.Own.Reason ?? ""));
}
