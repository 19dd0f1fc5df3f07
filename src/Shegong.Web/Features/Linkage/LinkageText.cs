namespace Shegong.Web.Features.Linkage;

/// <summary>Marker for the linkage pages' texts: Resources/Features/Linkage/LinkageText(.en).resx.</summary>
public sealed class LinkageText;
