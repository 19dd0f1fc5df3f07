using System.Globalization;

namespace Shegong.Web.Features.Indicators;

/// <summary>An indicator's value as a reader expects it: "62.5%", "1.8", "140".</summary>
public static class IndicatorFormat
{
    public static string Value(decimal value, IndicatorScale scale) => scale switch
    {
        IndicatorScale.Percent => value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        IndicatorScale.PerTenThousand => value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    public static string Value(decimal? value, IndicatorScale scale) => value is { } v ? Value(v, scale) : "—";
}
