using System.Globalization;

namespace Shegong.Web.Features.Regions;

/// <summary>One row of an attribute import: its cells by field name, and the checks that turn them into a region's attributes.</summary>
public sealed class RegionAttributeRow
{
    private static readonly string[] UrbanRuralCodes = ["111", "112", "121", "122", "123", "210", "220"];

    public required int Number { get; init; }
    public required IReadOnlyDictionary<string, string> Values { get; init; }
    public bool IsBlank => Values.Count == 0;

    public static RegionAttributeRow From(IDictionary<string, object?> cells, int number) => new()
    {
        Number = number,
        Values = cells
            .Where(c => RegionAttributeImport.Columns.ContainsKey(c.Key.Trim()) && !string.IsNullOrWhiteSpace(Convert.ToString(c.Value, CultureInfo.InvariantCulture)))
            .ToDictionary(c => RegionAttributeImport.Columns[c.Key.Trim()], c => Convert.ToString(c.Value, CultureInfo.InvariantCulture)!.Trim()),
    };

    /// <summary>Sets what the row gives; each bad cell adds a problem naming the row and the column, and leaves the region's value.</summary>
    public void Apply(Region region, List<string> problems)
    {
        var resident = Population("residentPopulation", region.ResidentPopulation, problems);
        var urban = Population("urbanResidentPopulation", region.UrbanResidentPopulation, problems);
        if (urban > resident)
        {
            problems.Add(Cell("urbanResidentPopulation", ProblemText.RegionUrbanResidentPopulationExceedResident));
        }
        region.ResidentPopulation = resident;
        region.UrbanResidentPopulation = urban;
        if (Values.TryGetValue("urbanRuralCode", out var urbanRural))
        {
            if (UrbanRuralCodes.Contains(urbanRural))
            {
                region.UrbanRuralCode = urbanRural;
            }
            else
            {
                problems.Add(Cell("urbanRuralCode", ProblemText.RegionUrbanRuralCode));
            }
        }
        region.IsCentralTown = Flag("isCentralTown", region.IsCentralTown, problems);
        region.IsRelocationSite = Flag("isRelocationSite", region.IsRelocationSite, problems);
        region.IsGovernancePilot = Flag("isGovernancePilot", region.IsGovernancePilot, problems);
    }

    private int? Population(string field, int? current, List<string> problems)
    {
        if (!Values.TryGetValue(field, out var text))
        {
            return current;
        }
        if (int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= 200_000_000)
        {
            return value;
        }
        problems.Add(Cell(field, ProblemText.RegionImportPopulation));
        return current;
    }

    private bool Flag(string field, bool current, List<string> problems)
    {
        if (!Values.TryGetValue(field, out var text))
        {
            return current;
        }
        switch (text.ToLowerInvariant())
        {
            case "是" or "1" or "true" or "yes" or "y":
                return true;
            case "否" or "0" or "false" or "no" or "n":
                return false;
            default:
                problems.Add(Cell(field, ProblemText.RegionImportFlag));
                return current;
        }
    }

    private string Cell(string field, string problem) => Problems.Format(ProblemText.RegionImportRowProblem, Number, Names.Field("Region", field), problem);
}
