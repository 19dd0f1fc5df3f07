using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Statistics;

namespace Shegong.Tests.Linkage;

/// <summary>Donated yuan received in the statistics summary, and the donation list behind the figure.</summary>
public partial class DonationTests
{
    [Fact]
    public async Task The_statistics_summary_counts_donations_received_in_the_period_and_the_donation_list_adds_up_to_it()
    {
        const string from = "2025-03-01", to = "2025-03-31";
        async Task<decimal> ReceivedAsync(string region) => (await SummaryJson.OfAsync(app.Client, region, from, to)).GetProperty("donatedYuanReceived").GetDecimal();
        var (township, county, province) = (await ReceivedAsync(AccessApp.Jinguanyi), await ReceivedAsync(AccessApp.Jinjiang), await ReceivedAsync(AccessApp.Province));
        Assert.True(county >= 2000m); // the fixture's donations at 锦官驿 and its sibling township, received 2025-03-01

        await app.DonationAsync(AccessApp.Jinguanyi, 250.5m);

        Assert.Equal(township + 250.5m, await ReceivedAsync(AccessApp.Jinguanyi));
        Assert.Equal(county + 250.5m, await ReceivedAsync(AccessApp.Jinjiang));
        Assert.Equal(province + 250.5m, await ReceivedAsync(AccessApp.Province));
        // Outside the period: not counted.
        Assert.Equal(0m, (await SummaryJson.OfAsync(app.Client, AccessApp.Jinjiang, "2025-04-01", "2025-04-30")).GetProperty("donatedYuanReceived").GetDecimal());
        // The drill-through (donations, same region and period): its per-station received add up to the figure, its rows too.
        foreach (var region in new[] { AccessApp.Jinguanyi, AccessApp.Jinjiang, AccessApp.Province })
        {
            var query = $"region={region}&from={from}&to={to}";
            var balances = await (await app.Client.GetUrlAsync($"/api/donations/balances?{query}")).ReadAsync<JsonElement>();
            Assert.Equal(await ReceivedAsync(region), balances.EnumerateArray().Sum(b => b.GetProperty("receivedYuan").GetDecimal()));
            var list = await (await app.Client.GetUrlAsync($"/api/donations?{query}&pageSize=100")).ReadAsync<JsonElement>();
            Assert.Equal(await ReceivedAsync(region), list.GetProperty("items").EnumerateArray().Sum(d => d.GetProperty("valueYuan").GetDecimal()));
        }
    }
}

/// <summary>The one unscoped read of donors: a donor's name on a donation the reader may see, and nothing more.</summary>
public partial class DonationTests
{
    [Fact]
    public async Task A_township_sees_the_name_of_a_county_donor_on_its_donation_but_not_the_donor()
    {
        var donor = (await (await app.Client.PostJsonAsync("/api/donors", DonationApp.DonorForm(app.StationIn[AccessApp.Jinjiang], "锦江区慈善总会")))
            .ReadAsync<JsonElement>(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var donation = (await (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donor, app.StationIn[AccessApp.Jinguanyi], 400m)))
            .ReadAsync<JsonElement>(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var worker = app.Clients[Shegong.Web.Features.Accounts.AccountRole.SocialWorker];

        var seen = await (await worker.GetUrlAsync($"/api/donations/{donation}")).ReadAsync<JsonElement>();
        Assert.Equal("锦江区慈善总会", seen.GetProperty("donorName").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await worker.GetUrlAsync($"/api/donors/{donor}")).StatusCode);
    }
}
