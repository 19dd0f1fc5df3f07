namespace Shegong.Web.Features.Statistics;

/// <summary>Marker for the statistics texts: Resources/Features/Statistics/StatisticsText.resx (zh-CN) and .en.resx.</summary>
public sealed class StatisticsText;
