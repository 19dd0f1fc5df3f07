using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Compliance;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Tests.Workforce;

/// <summary>A hand-built county (涪城区 510703) whose staffing figures are known exactly, and what a county officer sees.</summary>
public class ComplianceTests(WorkforceApp app) : IClassFixture<WorkforceApp>, IAsyncLifetime
{
    // xunit makes a test-class instance per test; the county is arranged once per fixture.
    private static readonly ConditionalWeakTable<WorkforceApp, Task<(int, int, int)>> Arranged = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private int t2;
    private int t3;
    private int jinjiangAgency;

    public async ValueTask InitializeAsync()
    {
        Task<(int, int, int)> arrange;
        lock (Arranged)
        {
            arrange = Arranged.GetValue(app, _ => ArrangeAsync());
        }
        (t2, t3, jinjiangAgency) = await arrange;
    }

    private async Task<(int, int, int)> ArrangeAsync()
    {
        int t2, t3, jinjiangAgency;
        var agency = await app.AgencyAsync("涪城社工服务中心", CreditCodes.Make(10), "510703000000");
        jinjiangAgency = await app.AgencyAsync("锦江社工服务中心", CreditCodes.Make(11), "510104000000");
        var t1 = await app.StationAsync("城厢街道社工站", StationLevel.TownshipStation, "510703001000");
        t2 = await app.StationAsync("工区街道社工站", StationLevel.TownshipStation, "510703003000");
        t3 = await app.StationAsync("普明街道社工站", StationLevel.TownshipStation, "510703006000");
        var v1 = await app.StationAsync("警钟街社区社工室", StationLevel.VillageRoom, "510703001003");
        var local = () => app.NewIdNumber("510703", 1996);
        await app.WorkerAsync(agency, t1, "Assistant", local(), graduationYear: 2023, hiredOn: "2023-07-01"); // new graduate
        await app.WorkerAsync(agency, t1, "Intermediate", app.NewIdNumber("510104", 1990));
        await app.WorkerAsync(agency, t1, "None", local());
        await app.WorkerAsync(agency, t2, "Senior", local());
        await app.WorkerAsync(agency, t2, "None", app.NewIdNumber("513428", 1992));
        await app.WorkerAsync(agency, v1, "Assistant", local(), graduationYear: 2020);
        await app.WorkerAsync(agency, null, "Assistant", local());
        var leaver = await app.WorkerAsync(agency, t1, "Assistant", local());
        (await app.Client.PostAsJsonAsync($"/api/social-workers/{leaver}/leave", new { on = "2024-01-31", version = await app.Client.VersionOfAsync($"/api/social-workers/{leaver}") }, Ct)).EnsureSuccessStatusCode();
        // Works in Jinjiang for a Jinjiang agency: never counted in Fucheng, never seen by its officer.
        await app.WorkerAsync(jinjiangAgency, await app.StationAsync("锦官驿街道社工站", StationLevel.TownshipStation, "510104017000"));
        return (t2, t3, jinjiangAgency);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_county_figures_are_exact()
    {
        var summary = await app.Client.GetFromJsonAsync<WorkforceSummary>("/api/workforce/summary?region=510703000000", Ct);
        Assert.NotNull(summary);
        Assert.Equal(7, summary.ActiveSocialWorkers);
        Assert.Equal(6, summary.ResidentSocialWorkers);
        Assert.Equal(4, summary.Certified);
        Assert.Equal(0.6667, summary.CertifiedShare);
        Assert.Equal(2, summary.ByCertification[CertificationLevel.None]);
        Assert.Equal(2, summary.ByCertification[CertificationLevel.Assistant]);
        Assert.Equal(1, summary.ByCertification[CertificationLevel.Intermediate]);
        Assert.Equal(1, summary.ByCertification[CertificationLevel.Senior]);
        Assert.Equal(1, summary.NewGraduates);
        Assert.Equal(0.1667, summary.NewGraduateShare);
        Assert.Equal(4, summary.Local);
        Assert.Equal(3, summary.StationsChecked);
        Assert.Equal([t2, t3], summary.ShortStations.Select(s => s.StationId));
        Assert.Equal((2, 1), (summary.ShortStations[0].Residents, summary.ShortStations[0].CertifiedResidents));
        Assert.False(summary.ShortStations[0].IsPilot);
    }

    [Fact]
    public async Task A_township_summary_counts_only_its_own_stations()
    {
        var summary = await app.Client.GetFromJsonAsync<WorkforceSummary>("/api/workforce/summary?region=510703003000", Ct);
        Assert.Equal((2, 1, 1), (summary!.ResidentSocialWorkers, summary.Certified, summary.StationsShort));
    }

    [Fact]
    public async Task A_county_officer_sees_only_agencies_and_work_inside_their_county()
    {
        var (agencies, workers, contracts, outside) = await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<RegionScope>().Restrict("510703000000");
            var a = await sp.GetRequiredService<AgencyService>().ListAsync(new AgencyFilter(), PageRequest.From(1, 100), Ct);
            var w = await sp.GetRequiredService<SocialWorkerService>().ListAsync(new SocialWorkerFilter(), PageRequest.From(1, 100), Ct);
            var c = await sp.GetRequiredService<ContractService>().ListAsync(new ContractFilter(), PageRequest.From(1, 100), Ct);
            var o = await Record.ExceptionAsync(() => sp.GetRequiredService<WorkforceSummaryService>().GetAsync("510104000000", Ct));
            return (a, w, c, o);
        });
        Assert.Equal(["涪城社工服务中心"], agencies.Items.Select(a => a.Name));
        Assert.All(workers.Items, w => Assert.StartsWith("510703", w.RegionCode));
        Assert.Equal(8, workers.Total);
        Assert.Equal(0, contracts.Total);
        Assert.Equal(404, Assert.IsType<RequestProblem>(outside).Status);

        // Once the Jinjiang agency also serves Fucheng, the Fucheng officer sees it; its Jinjiang staff stay out of sight.
        var put = await app.Client.PutAsJsonAsync($"/api/agencies/{jinjiangAgency}",
            new
            {
                name = "锦江社工服务中心",
                creditCode = CreditCodes.Make(11),
                regionCode = "510104000000",
                serviceAreaCodes = new[] { "510104000000", "510703000000" },
                version = await app.Client.VersionOfAsync($"/api/agencies/{jinjiangAgency}")
            }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var seen = await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<RegionScope>().Restrict("510703000000");
            return await sp.GetRequiredService<AgencyService>().GetAsync(jinjiangAgency, Ct);
        });
        Assert.Equal(0, seen.SocialWorkers);
    }
}
