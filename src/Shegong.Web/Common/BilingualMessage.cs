using System.Globalization;

namespace Shegong.Web.Common;

/// <summary>
/// Picks the half of a "中文 / English" service message that matches the UI language. Only the
/// residents-and-services features (issue 9) still write such messages; they move into
/// <c>ProblemText</c> like the rest, and this class goes with the last of them.
/// </summary>
public static class BilingualMessage
{
    private const string Separator = " / ";

    public static string InUiCulture(string message) =>
        string.Join("；", message.Split('；').Select(Half));

    private static string Half(string message)
    {
        // The English half starts after the last " / " whose left side holds Chinese text; region
        // paths inside the Chinese half ("成都市 / 锦江区") also use " / ", so split at the last one.
        var at = message.LastIndexOf(Separator, StringComparison.Ordinal);
        if (at < 0)
        {
            return message;
        }
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        return english ? message[(at + Separator.Length)..] : message[..at];
    }
}
