namespace Shegong.Web.Features.Casework;

/// <summary>Marker for the casework texts: Resources/Features/Casework/CaseText.resx (zh-CN) and .en.resx; enum members as TypeName + Member.</summary>
public sealed class CaseText;
