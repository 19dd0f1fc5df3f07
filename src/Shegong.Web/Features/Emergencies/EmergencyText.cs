namespace Shegong.Web.Features.Emergencies;

/// <summary>Marker for the emergency pages' texts: Resources/Features/Emergencies/EmergencyText(.en).resx.</summary>
public sealed class EmergencyText;
