namespace Shegong.Web.Features.Requests;

/// <summary>Marker for the service-request texts: Resources/Features/Requests/RequestText.resx (zh-CN) and .en.resx.</summary>
public sealed class RequestText;
