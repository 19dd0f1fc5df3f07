using System.Globalization;
using Shegong.Web.Features.Statistics;

namespace Shegong.Web.Operator;

/// <summary><c>statistics verify [--repair]</c>: the summary recomputed from the records, every difference listed, and fixed on request.</summary>
public static class StatisticsVerbs
{
    public static async Task<int> VerifyAsync(SummaryVerifier verifier, bool repair, TextWriter output, CancellationToken cancellationToken = default)
    {
        var differences = await verifier.DifferencesAsync(cancellationToken);
        foreach (var d in differences)
        {
            var k = d.Key;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k.RegionCode} {k.Month:yyyy-MM} {k.Category}/{k.Method}/{k.Channel}/{k.Source}: stored {Text(d.Stored)}, records say {Text(d.Expected)}"));
        }
        if (differences.Count == 0)
        {
            output.WriteLine("The service summary equals the records.");
            return 0;
        }
        if (!repair)
        {
            output.WriteLine($"{differences.Count} summary rows differ from the records; run `statistics verify --repair` to fix them.");
            return 1;
        }
        var repaired = await verifier.RepairAsync(differences, cancellationToken);
        var left = await verifier.DifferencesAsync(cancellationToken);
        output.WriteLine($"Repaired {repaired} summary rows; {left.Count} differ now.");
        return left.Count == 0 ? 0 : 1;
    }

    private static string Text(SummaryTotals? totals) => totals is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"records {t.Records}, person-times {t.PersonTimes}, minutes {t.Minutes}, yuan {t.ValueYuan:0.00}")
        : "nothing";
}
