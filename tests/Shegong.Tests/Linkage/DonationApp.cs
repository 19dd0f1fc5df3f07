using System.Net;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.GroupWork;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Linkage;

/// <summary>
/// The access app with a donor and a donation of 1,000 yuan at each of three stations (锦官驿, the sibling township, 青羊区)
/// and a resident in a village of each, for the donation tests and their access matrix.
/// </summary>
public sealed class DonationApp : AccessApp
{
    public Dictionary<string, int> Donors { get; } = [];
    public Dictionary<string, int> Donations { get; } = [];
    public Dictionary<string, int> Residents { get; } = [];
    public Dictionary<string, string> VillageOf { get; } = [];

    public static object DonorForm(int stationId, string name = "锦江爱心企业", string kind = "Enterprise", uint? version = null) =>
        new { name, kind, stationId, contactName = "王经理", note = "每年捐赠", version };

    public static object DonationForm(int donorId, int stationId, decimal valueYuan = 1000m, string receivedOn = "2025-03-01", uint? version = null) =>
        new { donorId, stationId, receivedOn, kind = "Cash", description = "助老慈善资金", valueYuan, version };

    public static object LinkForm(int targetId, decimal amountYuan, uint? version, string target = "Resident", string linkedOn = "2025-04-02") =>
        new { target, targetId, amountYuan, linkedOn, version };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        VillageOf[Jinguanyi] = Places[AccountRole.StationManager][Relation.Own].VillageCode;
        VillageOf[SiblingTownship] = Places[AccountRole.StationManager][Relation.Sibling].VillageCode;
        VillageOf[Qingyang] = Places[AccountRole.CountyOfficer][Relation.Sibling].VillageCode;
        foreach (var region in new[] { Jinguanyi, SiblingTownship, Qingyang })
        {
            Donors[region] = await CreatedIdAsync("/api/donors", DonorForm(StationIn[region], $"爱心企业{region}"));
            Donations[region] = await CreatedIdAsync("/api/donations", DonationForm(Donors[region], StationIn[region]));
            Residents[region] = (await GroupWorkSamples.ResidentsAsync(this, VillageOf[region], [$"受助人{region[^4..]}"]))[0];
        }
    }

    /// <summary>A new donation of <paramref name="valueYuan"/> at a station, from its place's donor.</summary>
    public Task<int> DonationAsync(string region, decimal valueYuan) => CreatedIdAsync("/api/donations", DonationForm(Donors[region], StationIn[region], valueYuan));

    private async Task<int> CreatedIdAsync(string url, object form) =>
        (await (await Client.PostJsonAsync(url, form)).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
}
