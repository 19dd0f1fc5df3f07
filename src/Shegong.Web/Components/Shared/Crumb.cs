namespace Shegong.Web.Components.Shared;

/// <summary>
/// One step of a page's breadcrumb trail. A step with a region code links only when that region lies
/// inside the user's scope: the regions above it are shown as plain text, since their pages would not open.
/// </summary>
public sealed record Crumb(string Text, string? Href = null, string? RegionCode = null);
