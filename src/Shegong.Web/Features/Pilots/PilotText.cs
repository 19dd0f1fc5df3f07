namespace Shegong.Web.Features.Pilots;

/// <summary>Marker for the pilot pages' texts: Resources/Features/Pilots/PilotText(.en).resx.</summary>
public sealed class PilotText;
