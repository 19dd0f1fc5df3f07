using System.Net;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Linkage;

/// <summary>
/// The two pickers of a link: the needs a donation may go to (searched, inside the scope, the donation's station first), and
/// the donations with a balance a need may draw on (its station's and those above, inside the scope).
/// </summary>
public class LinkTargetTests(DonationApp app) : IClassFixture<DonationApp>
{
    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url) =>
        [.. (await (await client.GetUrlAsync(url)).ReadAsync<JsonElement>()).EnumerateArray()];

    [Fact]
    public async Task A_resident_is_found_by_name_inside_the_scope_with_the_donations_station_first()
    {
        var own = app.Donations[AccessApp.Jinguanyi];
        var (mine, theirs) = (app.Residents[AccessApp.Jinguanyi], app.Residents[app.SiblingTownship]);

        var worker = await ListAsync(app.Clients[AccountRole.SocialWorker], $"/api/donations/{own}/link-targets?kind=Resident&q=受助人");
        Assert.Contains(worker, r => r.GetProperty("id").GetInt32() == mine);
        Assert.DoesNotContain(worker, r => r.GetProperty("id").GetInt32() == theirs);
        var found = worker.Single(r => r.GetProperty("id").GetInt32() == mine);
        Assert.StartsWith("受助人", found.GetProperty("label").GetString());
        Assert.True(found.GetProperty("near").GetBoolean());

        // The province sees both; the one under the donation's station comes before the other station's.
        var province = await ListAsync(app.Client, $"/api/donations/{own}/link-targets?kind=Resident&q=受助人");
        var ids = province.Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.True(ids.IndexOf(mine) >= 0 && ids.IndexOf(theirs) > ids.IndexOf(mine), string.Join(",", ids));
        Assert.False(province.Single(r => r.GetProperty("id").GetInt32() == theirs).GetProperty("near").GetBoolean());

        // Nothing matches a name nobody has; the empty search offers the station's own first.
        Assert.Empty(await ListAsync(app.Client, $"/api/donations/{own}/link-targets?kind=Resident&q=无此人姓名"));
        Assert.True((await ListAsync(app.Clients[AccountRole.SocialWorker], $"/api/donations/{own}/link-targets?kind=Resident"))[0].GetProperty("near").GetBoolean());
    }

    [Fact]
    public async Task Bad_searches_are_a_400_naming_the_field_and_another_stations_donation_is_404()
    {
        var own = app.Donations[AccessApp.Jinguanyi];
        var worker = app.Clients[AccountRole.SocialWorker];
        var longText = await (await worker.GetUrlAsync($"/api/donations/{own}/link-targets?kind=Case&q={new string('张', 51)}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("50", longText.FieldError("q"));
        var noKind = await (await worker.GetUrlAsync($"/api/donations/{own}/link-targets?q=张")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("类型", noKind.FieldError("kind"));
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetUrlAsync($"/api/donations/{own}/link-targets?kind=Household")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await worker.GetUrlAsync($"/api/donations/{app.Donations[app.SiblingTownship]}/link-targets?kind=Resident&q=受助人")).StatusCode);
        // A reader who may not make links may not search for them either.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Clients[AccountRole.Viewer].GetUrlAsync($"/api/donations/{own}/link-targets?kind=Resident")).StatusCode);
    }

    [Fact]
    public async Task A_need_is_offered_the_donations_with_a_balance_of_its_station_and_the_stations_above_inside_the_scope()
    {
        var resident = app.Residents[AccessApp.Jinguanyi];
        var county = app.StationIn[AccessApp.Jinjiang];
        var countyDonor = (await (await app.Client.PostJsonAsync("/api/donors", DonationApp.DonorForm(county, "锦江区慈善会"))).ReadAsync<JsonElement>(HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var countyDonation = (await (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(countyDonor, county, 5000m)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var spent = await app.DonationAsync(AccessApp.Jinguanyi, 10m);
        var version = await app.Client.VersionOfAsync($"/api/donations/{spent}");
        await (await app.Client.PostJsonAsync($"/api/donations/{spent}/links", DonationApp.LinkForm(resident, 10m, version))).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var url = $"/api/donations/with-balance?target=Resident&targetId={resident}";
        var province = (await ListAsync(app.Client, url)).Select(d => d.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(app.Donations[AccessApp.Jinguanyi], province);
        Assert.Contains(countyDonation, province);
        Assert.DoesNotContain(spent, province);
        Assert.DoesNotContain(app.Donations[app.SiblingTownship], province);
        Assert.DoesNotContain(app.Donations[AccessApp.Qingyang], province);
        var offered = (await ListAsync(app.Client, url)).Single(d => d.GetProperty("id").GetInt32() == countyDonation);
        Assert.Equal((5000m, "锦江区慈善会"), (offered.GetProperty("balanceYuan").GetDecimal(), offered.GetProperty("donorName").GetString()));

        // The station worker's scope ends at the station: the county's donation is not theirs to spend.
        var worker = (await ListAsync(app.Clients[AccountRole.SocialWorker], url)).Select(d => d.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(app.Donations[AccessApp.Jinguanyi], worker);
        Assert.DoesNotContain(countyDonation, worker);

        // A need outside the scope is 404; a missing one is named.
        Assert.Equal(HttpStatusCode.NotFound,
            (await app.Clients[AccountRole.SocialWorker].GetUrlAsync($"/api/donations/with-balance?target=Resident&targetId={app.Residents[app.SiblingTownship]}")).StatusCode);
        var missing = await (await app.Client.GetUrlAsync("/api/donations/with-balance?target=Case")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldError("targetId"));
    }
}
