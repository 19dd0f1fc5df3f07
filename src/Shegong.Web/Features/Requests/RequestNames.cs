using System.Globalization;
using System.Resources;

namespace Shegong.Web.Features.Requests;

/// <summary>
/// A step's name in the UI's language, for messages raised inside the entity where no localizer is
/// at hand; it reads the same words (<c>Step_{code}</c>) the request pages show on their buttons.
/// </summary>
public static class RequestNames
{
    private static readonly ResourceManager Text = new("Shegong.Web.Resources.Features.Requests.RequestText", typeof(RequestText).Assembly);

    public static string Step(string step) => Text.GetString($"Step_{step}", CultureInfo.CurrentUICulture) ?? step;
}
