using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Residents;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Features.Pilots;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>The pilot lists page, sort and filter in the database, within the caller's scope, and export what they show.</summary>
public class PilotListTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private const string Jinniu = "510106000000";
    private const string Xianlu = "510106024000";
    private const string Wuhou = "510107000000";
    private const string Jiangxijie = "510107001000";
    private readonly PilotFlow flow = new(app);

    private static async Task<PagedResult<T>> ListAsync<T>(HttpClient client, string url) =>
        await (await client.GetUrlAsync(url)).ReadAsync<PagedResult<T>>();

    [Fact]
    public async Task Applications_page_sort_and_filter_by_status_region_and_name()
    {
        var batch = await flow.BatchAsync("列表分页批次");
        var jinjiang = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi, Donghu);
        await flow.AppliedAsync(batch.Id, Qingyang, Xiyuhe);
        await flow.AppliedAsync(batch.Id, Jinniu, Xianlu);
        await flow.AppliedAsync(batch.Id, Wuhou, Jiangxijie);
        await (await ReviewAsync(await flow.City(), jinjiang.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        var list = $"/api/pilot-applications?batchId={batch.Id}";

        var first = await ListAsync<PilotApplicationRow>(flow.Province, list + "&pageSize=3&sort=region");
        var second = await ListAsync<PilotApplicationRow>(flow.Province, list + "&pageSize=3&page=2&sort=region");
        var beyond = await ListAsync<PilotApplicationRow>(flow.Province, list + "&pageSize=3&page=3&sort=region");
        Assert.Equal((4, 4, 4), (first.Total, second.Total, beyond.Total));
        Assert.Equal([Jinjiang, Qingyang, Jinniu, Wuhou], first.Items.Concat(second.Items).Select(a => a.RegionCode).ToList());
        Assert.Empty(beyond.Items);

        var mostTownships = await ListAsync<PilotApplicationRow>(flow.Province, list + "&sort=-townships&pageSize=1");
        Assert.Equal((Jinjiang, 2, 4), (mostTownships.Items.Single().RegionCode, mostTownships.Items.Single().Townships, mostTownships.Total));
        Assert.Equal([Jinjiang], (await ListAsync<PilotApplicationRow>(flow.Province, list + "&status=CityApproved")).Items.Select(a => a.RegionCode));
        Assert.Equal([Qingyang], (await ListAsync<PilotApplicationRow>(flow.Province, list + $"&region={Qingyang}")).Items.Select(a => a.RegionCode));
        Assert.Equal(4, (await ListAsync<PilotApplicationRow>(flow.Province, list + $"&region={Chengdu}")).Total);
        // A township's name finds its county's application; a county's name finds it too.
        Assert.Equal([Jinjiang], (await ListAsync<PilotApplicationRow>(flow.Province, list + "&search=锦官驿")).Items.Select(a => a.RegionCode));
        Assert.Equal([Jinniu], (await ListAsync<PilotApplicationRow>(flow.Province, list + "&search=金牛")).Items.Select(a => a.RegionCode));

        var badSort = await flow.Province.GetUrlAsync(list + "&sort=budget");
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("sort", await badSort.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, (await flow.Province.GetUrlAsync(list + "&region=51")).StatusCode);

        var export = await XlsxText.ReadAsync(await flow.Province.GetUrlAsync($"/api/pilot-applications/export?batchId={batch.Id}&region={Jinniu}"));
        Assert.Contains("金牛区", export);
        Assert.DoesNotContain("青羊区", export);
    }

    [Fact]
    public async Task A_county_officer_lists_only_their_own_county_whatever_the_filter()
    {
        var batch = await flow.BatchAsync("列表范围批次");
        await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi);
        await flow.AppliedAsync(batch.Id, Qingyang, Xiyuhe);
        var county = await flow.County(Jinjiang);
        var list = $"/api/pilot-applications?batchId={batch.Id}";

        var own = await ListAsync<PilotApplicationRow>(county, list);
        Assert.Equal((1, Jinjiang), (own.Total, own.Items.Single().RegionCode));
        Assert.Equal(0, (await ListAsync<PilotApplicationRow>(county, list + $"&region={Qingyang}")).Total);
        Assert.Equal(0, (await ListAsync<PilotApplicationRow>(county, list + "&search=西御河")).Total);
        var export = await XlsxText.ReadAsync(await county.GetUrlAsync($"/api/pilot-applications/export?batchId={batch.Id}"));
        Assert.Contains("锦江区", export);
        Assert.DoesNotContain("青羊区", export);
    }

    [Fact]
    public async Task Projects_and_batches_page_and_filter_too()
    {
        var batch = await flow.BatchAsync("列表项目批次");
        var jinjiang = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi, Donghu);
        var qingyang = await flow.AppliedAsync(batch.Id, Qingyang, Xiyuhe);
        var city = await flow.City();
        foreach (var application in new[] { jinjiang, qingyang })
        {
            await (await ReviewAsync(city, application.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        }
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        foreach (var (application, township) in new[] { (jinjiang, Jinguanyi), (jinjiang, Donghu), (qingyang, Xiyuhe) })
        {
            await (await flow.DecideAsync(application.Id, township, confirm: true)).ReadAsync<PilotApplicationDetail>();
        }
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Confirmed);
        var list = $"/api/pilot-projects?batchId={batch.Id}";

        var page = await ListAsync<PilotProjectRow>(flow.Province, list + "&pageSize=2&page=2&sort=-region");
        Assert.Equal((3, Jinguanyi), (page.Total, page.Items.Single().RegionCode));
        Assert.Equal([Jinguanyi, Donghu], (await ListAsync<PilotProjectRow>(flow.Province, list + $"&region={Jinjiang}")).Items.Select(p => p.RegionCode));
        Assert.Equal([Xiyuhe], (await ListAsync<PilotProjectRow>(flow.Province, list + "&search=西御河")).Items.Select(p => p.RegionCode));
        // No project has a carrying station yet, so every one has problems.
        Assert.Equal(3, (await ListAsync<PilotProjectRow>(flow.Province, list + "&problems=true&pageSize=1")).Total);
        Assert.Equal([Jinguanyi, Donghu], (await ListAsync<PilotProjectRow>(await flow.County(Jinjiang), list)).Items.Select(p => p.RegionCode));
        Assert.Contains("西御河街道", await XlsxText.ReadAsync(await flow.Province.GetUrlAsync($"/api/pilot-projects/export?batchId={batch.Id}")));

        var batches = await ListAsync<PilotBatchRow>(flow.Province, "/api/pilot-batches?search=列表项目批次");
        Assert.Equal((1, batch.Id, 2), (batches.Total, batches.Items.Single().Id, batches.Items.Single().Applications));
        Assert.Contains("列表项目批次", await XlsxText.ReadAsync(await flow.Province.GetUrlAsync("/api/pilot-batches/export?status=Confirmed")));
    }
}
