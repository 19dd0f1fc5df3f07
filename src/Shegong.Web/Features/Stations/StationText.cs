using Microsoft.Extensions.Localization;

namespace Shegong.Web.Features.Stations;

/// <summary>Marker for the station texts: Resources/Features/Stations/StationText.resx (zh-CN) and .en.resx.</summary>
public sealed class StationText;

/// <summary>Display names of the station enums in the UI language.</summary>
public static class StationTextExtensions
{
    public static string Level(this IStringLocalizer<StationText> t, StationLevel level) => t[$"Level_{level}"];

    public static string Status(this IStringLocalizer<StationText> t, StationStatus status) => t[$"Status_{status}"];

    public static string Path(this IStringLocalizer<StationText> t, BuildPath? path) => path is { } p ? t[$"BuildPath_{p}"] : "";

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
