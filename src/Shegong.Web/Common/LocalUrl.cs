namespace Shegong.Web.Common;

/// <summary>Which redirect targets stay on this site (the same rule as ASP.NET Core's <c>IsLocalUrl</c>).</summary>
public static class LocalUrl
{
    /// <summary>
    /// A path beginning with one slash, not <c>//</c> or <c>/\</c> (browsers read both as another host),
    /// and without control characters (browsers drop a tab, turning <c>/\t/evil</c> into <c>//evil</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl)));

    /// <summary><paramref name="url"/> when it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
