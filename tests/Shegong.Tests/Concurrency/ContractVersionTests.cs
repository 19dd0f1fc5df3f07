using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Concurrency;

/// <summary>A contract's edit and each of its moves require the version the client read (see <see cref="VersionRequired"/>).</summary>
public class ContractVersionTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // xunit makes a new instance per test; the fixture's database outlives it, so the numbering is shared.
    private static int sequence;

    [Fact]
    public async Task Editing_a_draft_requires_its_version()
    {
        var (id, form) = await DraftAsync();
        var edited = Api.WithVersion(form, null);
        edited["title"] = "改过名称的合同";
        await VersionRequired.AssertAsync(app, Url(id), HttpMethod.Put, Url(id), edited);
    }

    [Fact]
    public async Task Activating_requires_the_version()
    {
        var (id, _) = await DraftAsync();
        await VersionRequired.AssertAsync(app, Url(id), HttpMethod.Post, $"{Url(id)}/activate", new { });
    }

    [Fact]
    public async Task Evaluating_requires_the_version_and_moves_it_on()
    {
        var id = await ActiveAsync();
        await VersionRequired.AssertAsync(app, Url(id), HttpMethod.Post, $"{Url(id)}/evaluations", new { stage = "MidTerm", on = "2024-06-30", score = 80 });
    }

    [Fact]
    public async Task Completing_requires_the_version()
    {
        var id = await ActiveAsync();
        foreach (var (stage, on) in new[] { ("MidTerm", "2024-06-30"), ("Final", "2024-12-20") })
        {
            var version = await app.Client.VersionOfAsync(Url(id));
            (await app.Client.PostJsonAsync($"{Url(id)}/evaluations", new { stage, on, score = 90, version })).EnsureSuccessStatusCode();
        }
        await VersionRequired.AssertAsync(app, Url(id), HttpMethod.Post, $"{Url(id)}/complete", new { on = "2024-12-31" });
    }

    [Fact]
    public async Task Terminating_requires_the_version()
    {
        var id = await ActiveAsync();
        await VersionRequired.AssertAsync(app, Url(id), HttpMethod.Post, $"{Url(id)}/terminate", new { on = "2024-08-31", reason = "机构退出" });
    }

    private static string Url(int id) => $"/api/contracts/{id}";

    /// <summary>A draft over a station of its own (so no two contracts of this class overlap), and the form that made it.</summary>
    private async Task<(int Id, object Form)> DraftAsync()
    {
        var n = Interlocked.Increment(ref sequence);
        var agency = await app.AgencyAsync($"版本合同社工中心{n}", CreditCodes.Make(600 + n), "510104000000");
        var station = await app.StationAsync($"版本合同{n}号社工站", StationLevel.VillageRoom, "510104017001");
        var form = new
        {
            title = $"版本测试合同{n}",
            regionCode = "510104000000",
            agencyId = agency,
            startsOn = "2024-01-01",
            endsOn = "2024-12-31",
            amount = 100000m,
            stationIds = new[] { station },
        };
        var created = await app.Client.PostAsJsonAsync("/api/contracts", form, Ct);
        return ((await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32(), form);
    }

    private async Task<int> ActiveAsync()
    {
        var (id, _) = await DraftAsync();
        var version = await app.Client.VersionOfAsync(Url(id));
        (await app.Client.PostJsonAsync($"{Url(id)}/activate", new { version })).EnsureSuccessStatusCode();
        return id;
    }
}
