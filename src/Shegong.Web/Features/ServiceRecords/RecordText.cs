using Microsoft.Extensions.Localization;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>Marker for the service-record texts: Resources/Features/ServiceRecords/RecordText.resx (zh-CN) and .en.resx.</summary>
public sealed class RecordText;

public static class RecordTextExtensions
{
    public static string Category(this IStringLocalizer<RecordText> t, ServiceCategory c) => t[$"Category_{c}"];

    public static string Method(this IStringLocalizer<RecordText> t, ServiceMethod m) => t[$"Method_{m}"];

    public static string Channel(this IStringLocalizer<RecordText> t, ServiceChannel c) => t[$"Channel_{c}"];

    public static string Source(this IStringLocalizer<RecordText> t, ServiceSource s) => t[$"Source_{s}"];
}
