using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Statistics;
using Shegong.Web.Operator;

namespace Shegong.Tests.Statistics;

/// <summary><c>statistics verify [--repair]</c>, and the scope every figure, breakdown and drill-through keeps.</summary>
public partial class StatisticsTests
{
    [Fact]
    public async Task Verify_reports_a_planted_discrepancy_and_repair_puts_the_records_figures_back()
    {
        var before = await SummaryAsync(app.Client, Province, "2024-01-01", "2024-12-31");
        // Plant two faults in the system scope (the only one that may write derived rows): a leaf off by some
        // records, and a leaf of a month without any record.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShegongDb>();
            var leaf = await db.Set<ServiceSummary>().SingleAsync(s => s.RegionCode == StatisticsApp.Qingyang && s.Month == new DateOnly(2024, 3, 1), Ct);
            leaf.Records += 5;
            var bogus = new ServiceSummary { RegionCode = StatisticsApp.Jinguanyi, Month = new DateOnly(2024, 11, 1) };
            bogus.Set(new SummaryTotals(2, 7, 60, 0));
            db.Add(bogus);
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(before.Services.ServiceRecords + 7, (await SummaryAsync(app.Client, Province, "2024-01-01", "2024-12-31")).Services.ServiceRecords);

        var (found, report) = await VerifyAsync(repair: false);
        Assert.Equal(1, found);
        Assert.Contains($"{StatisticsApp.Qingyang} 2024-03 SocialAssistance/Other/HomeVisit/Direct: stored records 6", report, StringComparison.Ordinal);
        Assert.Contains($"{StatisticsApp.Jinguanyi} 2024-11", report, StringComparison.Ordinal);
        Assert.Contains("2 summary rows differ", report, StringComparison.Ordinal);

        var (repaired, _) = await VerifyAsync(repair: true);
        Assert.Equal(0, repaired);
        Assert.Equal(before.Services, (await SummaryAsync(app.Client, Province, "2024-01-01", "2024-12-31")).Services);
        var (clean, cleanReport) = await VerifyAsync(repair: false);
        Assert.Equal((0, "The service summary equals the records."), (clean, cleanReport.Trim()));
    }

    [Fact]
    public async Task Not_even_the_province_admin_may_write_a_summary_leaf()
    {
        var refused = await Assert.ThrowsAsync<RequestProblem>(() => app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().Fill(new Account
            {
                Id = "admin-probe",
                UserName = "admin-probe",
                DisplayName = "省管理员",
                Role = AccountRole.ProvinceAdmin,
                RegionCode = AccountBootstrap.DefaultProvinceCode,
            }, null);
            sp.GetRequiredService<RegionScope>().AllowProvince();
            var db = sp.GetRequiredService<ShegongDb>();
            var leaf = await db.Set<ServiceSummary>().FirstAsync(s => s.RegionCode == StatisticsApp.Qingyang, Ct);
            leaf.PersonTimes += 100;
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.Equal(403, refused.Status);
        Assert.Equal(1, (await SummaryAsync(app.Client, StatisticsApp.Qingyang, "2024-01-01", "2024-12-31")).Services.PersonTimes);
    }

    [Theory]
    [InlineData(AccountRole.CountyOfficer)]
    [InlineData(AccountRole.SocialWorker)]
    [InlineData(AccountRole.Viewer)]
    [InlineData(AccountRole.AgencyManager)]
    public async Task A_reader_gets_the_figures_of_their_own_scope_and_404_above_or_beside_it(AccountRole role)
    {
        var client = app.Clients[role];
        var own = role is AccountRole.SocialWorker ? StatisticsApp.Jinguanyi : StatisticsApp.Jinjiang;
        var mine = await SummaryAsync(client, own, "2024-01-01", "2024-12-31");
        var admins = await SummaryAsync(app.Client, own, "2024-01-01", "2024-12-31");
        Assert.Equal(admins.Services, mine.Services);

        // No region: the reader's own root.
        var defaulted = await (await client.GetUrlAsync("/api/statistics/summary?from=2024-01-01&to=2024-12-31")).ReadAsync<Summary>();
        Assert.Equal((own, mine.Services), (defaulted.Region, defaulted.Services));

        var outside = role is AccountRole.SocialWorker ? new[] { StatisticsApp.Jinjiang, app.SiblingTownship, Province } : new[] { Chengdu, StatisticsApp.Qingyang, Province };
        foreach (var region in outside)
        {
            // The administrator has just read it, so an answer is at hand (SummaryCache): it must not reach this reader.
            await SummaryAsync(app.Client, region, "2024-01-01", "2024-12-31");
            var query = $"region={region}&from=2024-01-01&to=2024-12-31";
            foreach (var url in new[] { $"/api/statistics/summary?{query}", $"/api/statistics/breakdown?{query}&by=month", $"/api/statistics/records?{query}" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetUrlAsync(url)).StatusCode);
            }
        }
        var records = await (await client.GetUrlAsync($"/api/statistics/records?region={own}&from=2024-01-01&to=2024-12-31"))
            .ReadAsync<ServiceRecords.RecordPage>();
        Assert.Equal(mine.Services.ServiceRecords, records.Total);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_400_naming_to()
    {
        var problem = await (await app.Client.GetUrlAsync("/api/statistics/summary?from=2024-03-01&to=2024-02-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.FieldError("to")));
        var malformed = await (await app.Client.GetUrlAsync("/api/statistics/breakdown?region=5101&by=month")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(malformed.FieldError("region")));
    }

    private async Task<(int Exit, string Report)> VerifyAsync(bool repair)
    {
        using var output = new StringWriter();
        var exit = await app.WithServicesAsync(sp => StatisticsVerbs.VerifyAsync(sp.GetRequiredService<SummaryVerifier>(), repair, output, Ct));
        return (exit, output.ToString());
    }
}
