namespace Shegong.Web.Features.Workforce;

/// <summary>Marker for the workforce pages' texts: Resources/Features/Workforce/WorkforceText(.en).resx.</summary>
public sealed class WorkforceText;
