using Vizor.ECharts;

namespace Shegong.Web.Features.Emergencies.Pages;

/// <summary>The dashboard's chart: the four task counts stacked per child region or day.</summary>
public static class EmergencyChart
{
    public static ChartOptions Of(EmergencyFigures figures) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        Legend = new() { Bottom = "0" },
        Grid = new() { Left = "48", Right = "16", Top = "16", Bottom = "56" },
        XAxis = new() { Type = AxisType.Category, Data = figures.Rows.Select(r => r.Name).ToArray() },
        YAxis = new() { Type = AxisType.Value },
        Series = [.. Enum.GetValues<EmergencyTask>().Select(task => (ISeries)new BarSeries
        {
            Name = Names.Of(task),
            Stack = "tasks",
            Data = figures.Rows.Select(r => r.CountOf(task)).ToArray(),
        })],
    };
}
