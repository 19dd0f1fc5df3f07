using System.Globalization;
using System.Text;

namespace Shegong.Web.Common;

/// <summary>
/// Makes text a caller sent safe to log: at most <see cref="MaxLength"/> characters, and no control or
/// formatting characters, so a user name can neither flood the log nor forge a line of it.
/// </summary>
public static class LogText
{
    public const int MaxLength = 64;

    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var shown = text.Length > MaxLength ? text[..MaxLength] : text;
        var builder = new StringBuilder(shown.Length + 1);
        foreach (var c in shown)
        {
            var category = char.GetUnicodeCategory(c);
            builder.Append(char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? '?' : c);
        }
        if (text.Length > MaxLength)
        {
            builder.Append('…');
        }
        return builder.ToString();
    }
}
