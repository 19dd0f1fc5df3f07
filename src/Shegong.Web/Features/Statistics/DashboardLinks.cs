using System.Globalization;

namespace Shegong.Web.Features.Statistics;

/// <summary>The period presets of the dashboard, and the links a figure opens (same region, same period).</summary>
public static class DashboardLinks
{
    public static (DateOnly From, DateOnly To) ThisMonth(DateOnly today) => (new DateOnly(today.Year, today.Month, 1), today);

    public static (DateOnly From, DateOnly To) ThisQuarter(DateOnly today) => (new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today);

    public static (DateOnly From, DateOnly To) ThisYear(DateOnly today) => (new DateOnly(today.Year, 1, 1), today);

    public static (DateOnly From, DateOnly To) Year(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>
    /// With no period asked for: this year to date, unless nothing is recorded this year yet (early January,
    /// or a network that stopped recording), then the last year that has records, whole: an official opening
    /// the dashboard sees figures, not a page of zeros. Null latest = nothing recorded at all: this year.
    /// </summary>
    public static (DateOnly From, DateOnly To) Default(DateOnly today, DateOnly? latestMonth) =>
        latestMonth is { } latest && latest.Year < today.Year ? Year(latest.Year) : ThisYear(today);

    /// <summary>The dashboard of a region and period.</summary>
    public static string Dashboard(string region, DateOnly from, DateOnly to) => $"/?region={region}&from={Iso(from)}&to={Iso(to)}";

    /// <summary>The service records behind a figure: the record list with the same region and period, and the figure's own filter.</summary>
    public static string Records(string region, DateOnly from, DateOnly to, string? filter = null) =>
        $"/service-records?region={region}&from={Iso(from)}&to={Iso(to)}" + (filter is null ? "" : "&" + filter);

    /// <summary>The list behind a five-society or emergency figure: the same region, and the same period when the figure has one.</summary>
    public static string List(string path, string region, DateOnly? from = null, DateOnly? to = null, string? filter = null) =>
        $"{path}?region={region}" + (from is { } f ? $"&from={Iso(f)}" : "") + (to is { } t ? $"&to={Iso(t)}" : "") + (filter is null ? "" : "&" + filter);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
