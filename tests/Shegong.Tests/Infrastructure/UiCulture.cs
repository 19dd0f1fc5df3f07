using System.Globalization;

namespace Shegong.Tests.Infrastructure;

/// <summary>Runs a block in a UI culture (messages are read in the current UI culture) and restores the previous one.</summary>
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
