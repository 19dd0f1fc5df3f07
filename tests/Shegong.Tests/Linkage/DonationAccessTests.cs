using System.Net;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Linkage;

/// <summary>
/// The access matrix of donors and donations: read like residents (not by an agency manager), written by the station's
/// staff and officials, each inside the scope; a volunteer's account reaches none of it.
/// </summary>
public class DonationAccessTests(DonationApp app) : IClassFixture<DonationApp>
{
    private static readonly AccountRole[] Writers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.SocialWorker];
    private static readonly AccountRole[] Readers = [.. Writers, AccountRole.Viewer];

    private static bool Sees(AccountRole role, string region) => role switch
    {
        AccountRole.ProvinceAdmin or AccountRole.CityOfficer => true,
        AccountRole.CountyOfficer or AccountRole.Viewer => region.StartsWith("510104", StringComparison.Ordinal),
        _ => region == AccessApp.Jinguanyi,
    };

    [Theory]
    [InlineData(AccountRole.ProvinceAdmin)]
    [InlineData(AccountRole.CityOfficer)]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.StationManager)]
    [InlineData(AccountRole.SocialWorker)]
    [InlineData(AccountRole.AgencyManager)]
    [InlineData(AccountRole.Viewer)]
    [InlineData(AccountRole.Volunteer)]
    public async Task Donor_and_donation_endpoints_answer_by_role_and_scope(AccountRole role)
    {
        var client = app.Clients[role];
        var failures = new List<string>();
        async Task Expect(string what, HttpStatusCode expected, Task<HttpResponseMessage> send)
        {
            using var response = await send;
            if (response.StatusCode != expected)
            {
                failures.Add($"{role} {what}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
        var (read, write) = (Readers.Contains(role), Writers.Contains(role));
        var ok = read ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        await Expect("GET donors", ok, client.GetUrlAsync("/api/donors"));
        await Expect("GET donations", ok, client.GetUrlAsync("/api/donations"));
        await Expect("GET balances", ok, client.GetUrlAsync("/api/donations/balances"));
        await Expect("GET export", ok, client.GetUrlAsync("/api/donations/export"));
        foreach (var region in app.Donations.Keys)
        {
            var seen = Sees(role, region);
            var (donor, donation, station) = (app.Donors[region], app.Donations[region], app.StationIn[region]);
            await Expect($"GET donor {region}", !read ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound,
                client.GetUrlAsync($"/api/donors/{donor}"));
            await Expect($"GET donation {region}", !read ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound,
                client.GetUrlAsync($"/api/donations/{donation}"));
            var writable = !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var donorVersion = await app.Client.VersionOfAsync($"/api/donors/{donor}");
            await Expect($"PUT donor {region}", writable, client.PutJsonAsync($"/api/donors/{donor}", DonationApp.DonorForm(station, $"爱心企业{region}", version: donorVersion)));
            var version = await app.Client.VersionOfAsync($"/api/donations/{donation}");
            await Expect($"PUT donation {region}", writable,
                client.PutJsonAsync($"/api/donations/{donation}", DonationApp.DonationForm(donor, station, version: version)));
            version = await app.Client.VersionOfAsync($"/api/donations/{donation}");
            await Expect($"POST link {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.Created : HttpStatusCode.NotFound,
                client.PostJsonAsync($"/api/donations/{donation}/links", DonationApp.LinkForm(app.Residents[region], 1m, version)));
            // Creating at a station outside the scope: the station (or donor) is not found, a 400 as for an id that does not exist.
            await Expect($"POST donor {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.Created : HttpStatusCode.BadRequest,
                client.PostJsonAsync("/api/donors", DonationApp.DonorForm(station, $"新捐赠方{role}{region}")));
            await Expect($"POST donation {region}", !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.Created : HttpStatusCode.BadRequest,
                client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donor, station, 10m)));
            // The pickers of a link are for those who may make one, inside the scope.
            var pick = !write ? HttpStatusCode.Forbidden : seen ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            await Expect($"GET link targets {region}", pick, client.GetUrlAsync($"/api/donations/{donation}/link-targets?kind=Resident&q=受助人"));
            await Expect($"GET donations with balance {region}", pick,
                client.GetUrlAsync($"/api/donations/with-balance?target=Resident&targetId={app.Residents[region]}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
