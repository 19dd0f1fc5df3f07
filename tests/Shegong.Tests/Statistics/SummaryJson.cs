using System.Text.Json;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Statistics;

/// <summary>The statistics summary as JSON, and the drill-through totals of its five-society and emergency figures.</summary>
public static class SummaryJson
{
    public static async Task<JsonElement> OfAsync(HttpClient client, string region, string from, string to) =>
        await (await client.GetUrlAsync($"/api/statistics/summary?region={region}&from={from}&to={to}")).ReadAsync<JsonElement>();

    /// <summary>reports, screening, testingSupport, supplyDelivery, careVisits, volunteersMobilised, organisationsMobilised.</summary>
    public static int[] Emergency(JsonElement sums) => [.. new[] { "reports", "screening", "testingSupport", "supplyDelivery", "careVisits",
        "volunteersMobilised", "organisationsMobilised" }.Select(p => sums.GetProperty(p).GetInt32())];

    public static int[] Minus(int[] a, int[] b) => [.. a.Zip(b, (x, y) => x - y)];
}
