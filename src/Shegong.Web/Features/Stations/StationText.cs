using Microsoft.Extensions.Localization;

namespace Shegong.Web.Features.Stations;

/// <summary>Marker for the station texts: Resources/Features/Stations/StationText.resx (zh-CN) and .en.resx.</summary>
public sealed class StationText;

/// <summary>
/// Display names of the station enums in the UI language: the one name of each member, from NameText
/// (the audit and the exports name them the same way).
/// </summary>
public static class StationTextExtensions
{
    public static string Level(this IStringLocalizer<StationText> t, StationLevel level) => Names.Of(level);

    public static string Status(this IStringLocalizer<StationText> t, StationStatus status) => Names.Of(status);

    public static string Path(this IStringLocalizer<StationText> t, BuildPath? path) => Names.Of(path);

    /// <summary>Ant Design tag colour of a status: green operating, blue under way, orange suspended.</summary>
    public static string StatusColor(StationStatus status) => status switch
    {
        StationStatus.Operating => "green",
        StationStatus.UnderConstruction => "blue",
        StationStatus.Planned => "cyan",
        StationStatus.Suspended => "orange",
        _ => "default",
    };
}
