using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Pilots;

namespace Shegong.Tests.Pilots;

/// <summary>The demo's two batches reproduce the published figures, read through the API as the province sees them (on a copy of the seeded demo).</summary>
public class DemoPilotsTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_batches_reproduce_the_published_figures()
    {
        var batches = (await (await app.Client.GetUrlAsync("/api/pilot-batches")).ReadAsync<PagedResult<PilotBatchRow>>()).Items;
        Assert.Equal([(2022, PilotBatchStatus.Confirmed, 69), (2021, PilotBatchStatus.Closed, 82)], batches.Select(b => (b.Year, b.Status, b.Applications)).ToList());

        var first = await (await app.Client.GetUrlAsync($"/api/pilot-batches/{batches[1].Id}/choosing")).ReadAsync<PilotChoosing>();
        Assert.Equal((82, 228), (first.Totals.Counties, first.Totals.Townships));
        var second = await (await app.Client.GetUrlAsync($"/api/pilot-batches/{batches[0].Id}/choosing")).ReadAsync<PilotChoosing>();
        var t = second.Totals;
        Assert.Equal((69, 234, 46_800_000m, 46_800_000m), (t.Counties, t.Townships, t.Yuan, t.Budget));
        Assert.Equal((26, 87, 10), (t.GovernancePilotCounties, t.CentralTowns, t.RelocationSites));
        await using var db = app.OpenDb();
        Assert.Equal(40, await db.Regions.CountAsync(r => r.IsGovernancePilot, TestContext.Current.CancellationToken));

        var dashboard = await (await app.Client.GetUrlAsync($"/api/pilot-batches/{batches[0].Id}/dashboard")).ReadAsync<List<PilotCityLine>>();
        Assert.Equal((69, 234, 46_800_000m, 23_400_000m), (dashboard.Sum(l => l.Counties), dashboard.Sum(l => l.Townships),
            dashboard.Sum(l => l.Awarded), dashboard.Sum(l => l.Paid)));
        var projects = (await (await app.Client.GetUrlAsync($"/api/pilot-projects?batchId={batches[1].Id}&pageSize=500")).ReadAsync<PagedResult<PilotProjectRow>>()).Items;
        Assert.Equal(228, projects.Count);
        Assert.All(projects, p => Assert.Equal((0m, true), (p.Balance, p.StationId is not null)));
    }
}
