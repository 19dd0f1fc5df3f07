using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots.Pages;

/// <summary>One township row of the application form while it is edited.</summary>
public sealed class PilotTownshipDraft
{
    public string? Code { get; set; }
    public BuildPath? Path { get; set; }
    public string? Station { get; set; }
    public string? Justification { get; set; }
}
