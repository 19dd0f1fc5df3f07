namespace Shegong.Web.Common.Input;

/// <summary>
/// Which characters text may hold: no NUL or other control characters (tab and line breaks only
/// in multi-line fields), and none of the invisible direction controls that make a name display
/// as something it is not.
/// </summary>
public static class AllowedText
{
    public static string? Problem(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (multiLine && c is '\n' or '\r' or '\t')
            {
                continue;
            }
            if (char.IsControl(c))
            {
                return ProblemText.TextControlCharacters;
            }
            if (IsDirectionControl(c))
            {
                return ProblemText.TextDirectionCharacters;
            }
        }
        return null;
    }

    /// <summary>Bidirectional embeddings, overrides, isolates and marks (Unicode UAX #9).</summary>
    private static bool IsDirectionControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}

/// <summary>A text field that may hold line breaks and tabs (notes, reasons), unlike names.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;
