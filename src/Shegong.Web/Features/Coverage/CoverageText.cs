namespace Shegong.Web.Features.Coverage;

/// <summary>Marker for the coverage texts: Resources/Features/Coverage/CoverageText.resx (zh-CN) and .en.resx.</summary>
public sealed class CoverageText;
