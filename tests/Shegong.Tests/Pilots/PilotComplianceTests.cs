using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Pilots;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Compliance;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>A project's compliance on hand-built stations: operating, two certified residents, six categories in the last quarter.</summary>
public class PilotComplianceTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private readonly PilotFlow flow = new(app);

    private async Task<IReadOnlyList<PilotProjectRow>> ProjectsAsync(params string[] townships)
    {
        var batch = await flow.BatchAsync("合规测试批次");
        var application = await flow.AppliedAsync(batch.Id, Jinjiang, townships);
        await ReviewAsync(await flow.City(), application.Id, "Approve");
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        foreach (var township in townships)
        {
            await flow.DecideAsync(application.Id, township, true);
        }
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Confirmed);
        return (await (await flow.Province.GetUrlAsync($"/api/pilot-projects?batchId={batch.Id}")).ReadAsync<PagedResult<PilotProjectRow>>()).Items;
    }

    private Task RecordAsync(int stationId, string region, ServiceCategory category, int daysAgo) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<ShegongDb>();
        var facts = new ServiceFacts(DateOnly.FromDateTime(DateTime.Now).AddDays(-daysAgo), category, ServiceMethod.Other, ServiceChannel.WalkIn, 30, [], [], 1);
        db.ServiceRecords.Add(ServiceRecord.Create(ServiceSource.Direct, stationId, region, facts));
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    private async Task<PilotProjectDetail> CarriedByAsync(int project, int? station)
    {
        var url = $"/api/pilot-projects/{project}";
        return await (await flow.Province.PutJsonAsync($"{url}/station", new { stationId = station, version = await flow.Province.VersionOfAsync(url) }))
            .ReadAsync<PilotProjectDetail>();
    }

    [Fact]
    public async Task A_project_lists_each_unmet_standard_and_is_compliant_once_all_are_met()
    {
        var projects = await ProjectsAsync(Jinguanyi, Donghu);
        var none = await (await flow.Province.GetUrlAsync($"/api/pilot-projects/{projects[0].Id}")).ReadAsync<PilotProjectDetail>();
        Assert.Equal(["尚未确定承接站点"], none.Compliance.Problems);

        var agency = await app.AgencyAsync("试点合规社工中心", CreditCodes.Make(71), Jinjiang);
        var good = await app.StationAsync("锦官驿街道社工站", StationLevel.TownshipStation, Jinguanyi);
        await app.WorkerAsync(agency, good);
        await app.WorkerAsync(agency, good, certification: "Intermediate");
        foreach (var category in Enum.GetValues<ServiceCategory>())
        {
            await RecordAsync(good, Jinguanyi, category, daysAgo: 10);
        }
        var compliant = await CarriedByAsync(projects[0].Id, good);
        Assert.True(compliant.Compliance.Compliant, string.Join("; ", compliant.Compliance.Problems));
        Assert.Equal("锦官驿街道社工站", compliant.Project.StationName);

        var weak = await app.StationAsync("东湖街道社工站", StationLevel.TownshipStation, Donghu);
        await app.WorkerAsync(agency, weak);
        await app.WorkerAsync(agency, weak, certification: "None");
        foreach (var category in Enum.GetValues<ServiceCategory>().Skip(1))
        {
            await RecordAsync(weak, Donghu, category, daysAgo: 20);
        }
        await RecordAsync(weak, Donghu, ServiceCategory.NeedsAssessment, daysAgo: 120);
        var problems = (await CarriedByAsync(projects[1].Id, weak)).Compliance;
        Assert.False(problems.Compliant);
        Assert.Equal(1, problems.CertifiedResidents);
        Assert.Equal(2, problems.Problems.Count);
        Assert.Contains("少于2人", problems.Problems[0]);
        Assert.Single(problems.MissingCategories);

        var summary = await (await flow.Province.GetUrlAsync($"/api/workforce/summary?region={Jinjiang}")).ReadAsync<WorkforceSummary>();
        Assert.True(summary.ShortStations.Single(s => s.StationId == weak).IsPilot);

        var elsewhere = await flow.Province.PutJsonAsync($"/api/pilot-projects/{projects[0].Id}/station",
            new { stationId = weak, version = await flow.Province.VersionOfAsync($"/api/pilot-projects/{projects[0].Id}") });
        Assert.Contains("该乡镇", (await elsewhere.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("stationId"));
    }
}
