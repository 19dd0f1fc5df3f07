using System.Globalization;

namespace Shegong.Web.Common.Localization;

/// <summary>
/// Service and validation messages come from Resources/Common/ProblemText(.en).resx, read in the
/// current UI culture (the UI's choice in a page, <c>Accept-Language</c> on the API). A message without
/// arguments is <c>ProblemText.Key</c>; one with arguments is <c>Problems.Format(ProblemText.Key, args)</c>.
/// </summary>
public static class Problems
{
    public static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, template, args);
}
