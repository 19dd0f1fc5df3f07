namespace Shegong.Web.Features.Indicators;

/// <summary>Marker for the plan indicator pages' texts: Resources/Features/Indicators/IndicatorText(.en).resx.</summary>
public sealed class IndicatorText;
