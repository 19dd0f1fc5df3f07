using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Workforce.Compliance;

namespace Shegong.Tests.Workforce;

/// <summary>The demo's workforce as the province reads it, on a copy of the seeded demo (seeded once per run).</summary>
public class DemoWorkforceTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_workforce_has_the_promised_shape()
    {
        var summary = (await app.Client.GetFromJsonAsync<WorkforceSummary>("/api/workforce/summary?region=510000000000", Ct))!;
        Assert.InRange(summary.ResidentSocialWorkers, 4500, 5500);
        Assert.InRange(summary.CertifiedShare, 0.75, 0.85);
        Assert.True(summary.ByCertification[Shegong.Web.Features.Workforce.SocialWorkers.CertificationLevel.Assistant] > summary.Certified / 2);
        Assert.InRange(summary.NewGraduateShare, 0.1, 0.2);
        Assert.InRange(summary.LocalShare, 0.65, 0.75);
        Assert.InRange(summary.StationsShort, 1, summary.StationsChecked - 1);
        await using var db = app.OpenDb();
        Assert.InRange(await db.Agencies.CountAsync(Ct), 183, 200);
        Assert.True(await db.ServiceContracts.CountAsync(Ct) > 150);
        Assert.True(await db.Trainings.CountAsync(Ct) > 500);
        Assert.True(await db.Supervisions.CountAsync(Ct) > 800);
    }
}
