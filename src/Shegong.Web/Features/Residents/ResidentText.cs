namespace Shegong.Web.Features.Residents;

/// <summary>Marker for the resident pages' texts: Resources/Features/Residents/ResidentText(.en).resx.</summary>
public sealed class ResidentText;
