using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>A county sees only its own applications, a city only its counties'; writes follow the permission table.</summary>
public class PilotScopeTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private const string Ziliujing = "510302000000";
    private readonly PilotFlow flow = new(app);

    private static async Task<List<string>> CountiesSeenBy(HttpClient client, int batchId) =>
        (await (await client.GetUrlAsync($"/api/pilot-applications?batchId={batchId}")).ReadAsync<PagedResult<PilotApplicationRow>>()).Items
            .Select(a => a.RegionCode).ToList();

    [Fact]
    public async Task Counties_see_their_own_applications_and_cities_their_counties()
    {
        var batch = await flow.BatchAsync("范围测试批次");
        var jinjiang = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi);
        var qingyang = await flow.AppliedAsync(batch.Id, Qingyang, Xiyuhe);
        var ziliujing = await flow.AppliedAsync(batch.Id, Ziliujing, "510302001000");

        var county = await flow.County(Jinjiang);
        Assert.Equal([Jinjiang], await CountiesSeenBy(county, batch.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetUrlAsync($"/api/pilot-applications/{qingyang.Id}")).StatusCode);
        Assert.Equal([Jinjiang, Qingyang], await CountiesSeenBy(await flow.City(), batch.Id));
        Assert.Equal([Ziliujing], await CountiesSeenBy(await flow.City("510300000000"), batch.Id));
        Assert.Equal([Jinjiang, Qingyang, Ziliujing], await CountiesSeenBy(flow.Province, batch.Id));

        // Another city's officer cannot review a county outside their city: the application is not even found.
        var zigong = await flow.City("510300000000");
        Assert.Equal(HttpStatusCode.NotFound, (await zigong.PostJsonAsync($"/api/pilot-applications/{jinjiang.Id}/review",
            new { decision = "Approve", version = jinjiang.Version })).StatusCode);
        Assert.Equal(PilotApplicationStatus.Submitted, (await (await flow.Province.GetUrlAsync($"/api/pilot-applications/{ziliujing.Id}"))
            .ReadAsync<PilotApplicationDetail>()).Status);
    }

    [Theory]
    [InlineData(AccountRole.CityOfficer)]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.StationManager)]
    [InlineData(AccountRole.Viewer)]
    public async Task Only_the_province_creates_and_moves_batches_and_every_role_reads_them(AccountRole role)
    {
        var batch = await flow.BatchAsync($"权限测试批次{role}", PilotBatchStatus.Draft);
        var station = role == AccountRole.StationManager ? await app.StationAsync($"权限测试站{role}", Web.Features.Stations.StationLevel.TownshipStation, Donghu) : (int?)null;
        var client = await app.ClientAsync(role, station is null ? Jinjiang : null, station);
        Assert.Equal(HttpStatusCode.OK, (await client.GetUrlAsync($"/api/pilot-batches/{batch.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetUrlAsync("/api/pilot-projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/pilot-batches/{batch.Id}/move",
            new { status = "Open", version = batch.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/pilot-batches",
            new { year = 2023, name = "越权批次", budget = 1m, opensOn = "2023-01-01", closesOn = "2023-02-01", standardSubsidy = 1m })).StatusCode);
        var applies = await ApplyAsync(client, batch.Id, Jinjiang, Jinguanyi);
        Assert.Equal(role == AccountRole.CountyOfficer ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden, applies.StatusCode);
    }
}
