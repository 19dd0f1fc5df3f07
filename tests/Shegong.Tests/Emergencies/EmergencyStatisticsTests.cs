using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Statistics;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Emergencies;

/// <summary>The emergency figures of the statistics summary: every report of the period under the region, and the list behind them.</summary>
public partial class EmergencyFigureTests
{
    private const string From = "2024-01-10";
    private const string To = "2024-01-11";

    [Fact]
    public async Task The_statistics_summary_adds_the_period_s_reports_by_region_and_its_drill_through_lists_exactly_them()
    {
        // Other tests here report on the same days for other emergencies: compare what this epidemic adds.
        var before = new Dictionary<string, int[]>();
        foreach (var region in new[] { Jinguanyi, AccessApp.Jinjiang, AccessApp.Province })
        {
            before[region] = SummaryJson.Emergency((await SummaryJson.OfAsync(app.Client, region, From, To)).GetProperty("emergencies"));
        }

        await EpidemicAsync();

        int[] Added(string region, JsonElement summary) => SummaryJson.Minus(SummaryJson.Emergency(summary.GetProperty("emergencies")), before[region]);
        Assert.Equal((int[])[2, 30, 5, 4, 3, 10, 3], Added(Jinguanyi, await SummaryJson.OfAsync(app.Client, Jinguanyi, From, To)));
        Assert.Equal((int[])[3, 37, 7, 4, 3, 13, 3], Added(AccessApp.Jinjiang, await SummaryJson.OfAsync(app.Client, AccessApp.Jinjiang, From, To)));
        var province = await SummaryJson.OfAsync(app.Client, AccessApp.Province, From, To);
        Assert.Equal((int[])[5, 142, 62, 9, 18, 45, 7], Added(AccessApp.Province, province));
        // A day outside the period counts nothing of it.
        var dayAfter = await SummaryJson.OfAsync(app.Client, AccessApp.Province, "2024-01-12", "2024-01-31");
        Assert.Equal(0, dayAfter.GetProperty("emergencies").GetProperty("reports").GetInt32());

        // The drill-through: the same region and period list exactly the reports the figures add up (for every reader, in their scope).
        foreach (var (role, region) in new[] { (AccountRole.ProvinceAdmin, AccessApp.Province), (AccountRole.CountyOfficer, AccessApp.Jinjiang),
            (AccountRole.SocialWorker, Jinguanyi) })
        {
            var client = app.Clients[role];
            var figures = (await SummaryJson.OfAsync(client, region, From, To)).GetProperty("emergencies");
            var query = $"region={region}&from={From}&to={To}";
            var totals = await (await client.GetUrlAsync($"/api/emergency-reports/totals?{query}")).ReadAsync<JsonElement>();
            Assert.Equal(SummaryJson.Emergency(figures), SummaryJson.Emergency(totals));
            var list = await (await client.GetUrlAsync($"/api/emergency-reports?{query}&pageSize=100")).ReadAsync<JsonElement>();
            Assert.Equal(figures.GetProperty("reports").GetInt32(), list.GetProperty("total").GetInt32());
            Assert.Equal(figures.GetProperty("screening").GetInt32(), list.GetProperty("items").EnumerateArray().Sum(r => r.GetProperty("screening").GetInt32()));
        }
        // Sorted by a column, both ways: the same reports, in that column's order.
        var all = $"/api/emergency-reports?region={AccessApp.Province}&from={From}&to={To}&pageSize=100";
        var up = await (await app.Client.GetUrlAsync(all + "&sort=careVisits")).ReadAsync<JsonElement>();
        var down = await (await app.Client.GetUrlAsync(all + "&sort=-careVisits")).ReadAsync<JsonElement>();
        var visitsUp = up.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("careVisits").GetInt32()).ToList();
        Assert.True(visitsUp.Count > 1 && visitsUp.Distinct().Count() > 1, "the test needs reports with different visit counts");
        Assert.Equal(visitsUp.Order(), visitsUp);
        Assert.Equal(visitsUp.OrderDescending(), down.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("careVisits").GetInt32()));
        var unknown = await (await app.Client.GetUrlAsync(all + "&sort=stationName")).ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Contains("careVisits", unknown.FieldError("sort"));
        // A township worker asking for everything still gets only their own station's reports.
        var own = await (await app.Clients[AccountRole.SocialWorker].GetUrlAsync($"/api/emergency-reports?from={From}&to={To}&pageSize=100")).ReadAsync<JsonElement>();
        Assert.All(own.GetProperty("items").EnumerateArray(), r => Assert.Equal(app.StationIn[Jinguanyi], r.GetProperty("stationId").GetInt32()));
    }
}
