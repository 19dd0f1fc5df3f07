using Microsoft.Extensions.Localization;

namespace Shegong.Web.Features.Regions;

/// <summary>Marker for the region texts: Resources/Features/Regions/RegionText.resx (zh-CN) and .en.resx.</summary>
public sealed class RegionText;

public static class RegionTextExtensions
{
    public static string Level(this IStringLocalizer<RegionText> t, RegionLevel level) => t[$"Level_{level}"];

    /// <summary>What the code says about a township or village (街道/镇/乡, 居委会/村委会), or empty.</summary>
    public static string Kind(this IStringLocalizer<RegionText> t, TownshipKind? township, VillageKind? village) =>
        township is { } tk ? t[$"TownshipKind_{tk}"] : village is { } vk ? t[$"VillageKind_{vk}"] : "";
}
