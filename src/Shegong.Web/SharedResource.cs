namespace Shegong.Web;

/// <summary>Marker for the UI's resource files: Resources/SharedResource.resx (zh-CN) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
