using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.ServiceRecords;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Statistics;

/// <summary>Staleness 0: the next read after a save, correction or deletion shows it, at every level, for whole and partial months.</summary>
public partial class StatisticsTests
{
    private HttpClient Worker => app.Clients[AccountRole.SocialWorker];

    [Fact]
    public async Task A_record_entered_corrected_into_another_month_and_deleted_shows_in_the_very_next_read()
    {
        var created = await (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.OwnResidents[0]], headCount: 1, servedOn: "2025-05-10")))
            .ReadAsync<RecordDetail>(HttpStatusCode.Created);
        Assert.Equal((1, 2), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-05-01", "2025-05-31")); // a whole month: the summary
        Assert.Equal((1, 2), await FiguresAsync(Province, "2025-05-10", "2025-05-10")); // a single day: the records
        Assert.Equal((1, 2), await FiguresAsync(StatisticsApp.Jinjiang, "2025-04-20", "2025-06-30")); // partial and whole months

        var corrected = await (await Worker.PutJsonAsync($"/api/service-records/{created.Id}",
            Api.WithVersion(app.Visit([app.OwnResidents[0]], headCount: 3, servedOn: "2025-06-03"), created.Version))).ReadAsync<RecordDetail>();
        Assert.Equal((0, 0), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-05-01", "2025-05-31"));
        Assert.Equal((1, 4), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-06-01", "2025-06-30"));
        Assert.Equal((1, 4), await FiguresAsync(Chengdu, "2025-05-01", "2025-06-30"));

        (await Worker.DeleteAsync($"/api/service-records/{created.Id}?version={corrected.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal((0, 0), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-06-01", "2025-06-30"));
        Assert.Equal((0, 0), await FiguresAsync(Province, "2025-04-20", "2025-06-30"));
    }

    [Fact]
    public async Task A_commit_by_another_process_shows_in_the_next_read_of_a_summary_just_read()
    {
        var before = await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31");
        Assert.Equal(before.StationsOperating, (await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31")).StationsOperating);

        // A context of its own, outside the app, stands for another process: nothing in the app hears of its commit.
        await using var other = app.OpenDb();
        var station = other.Stations.Where(s => s.Id == app.OwnStation);
        Assert.Equal(StationStatus.Operating, await station.Select(s => s.Status).SingleAsync(Ct));
        await station.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StationStatus.Suspended), Ct);
        try
        {
            var after = await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31");
            Assert.Equal(before.StationsOperating - 1, after.StationsOperating);
        }
        finally
        {
            await station.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StationStatus.Operating), Ct);
        }
        Assert.Equal(before.StationsOperating, (await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31")).StationsOperating);
    }

    [Fact]
    public async Task A_summary_given_again_costs_one_read_of_the_marker_for_the_whole_request()
    {
        // On PostgreSQL each read of the marker is a round trip; the account check and the summary share the request's one.
        await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31");
        var version = app.Services.GetRequiredService<DataVersion>();
        var before = version.Reads;
        await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31");
        Assert.Equal(1, version.Reads - before);

        // After a commit the account is read again, and a command the request runs forgets the shared marker: the summary
        // then reads its own, after the request's commands (a request that wrote would see its own write).
        await using (var other = app.OpenDb())
        {
            // Renamed and named back: two commits that move the marker (a write that changes nothing may not) and leave the data as it was.
            var station = other.Stations.Where(s => s.Id == app.OwnStation);
            await station.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, x => x.Name + "·"), Ct);
            await station.ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, x => x.Name.Substring(0, x.Name.Length - 1)), Ct);
        }
        before = version.Reads;
        await SummaryAsync(app.Client, StatisticsApp.Jinjiang, "2025-03-01", "2025-03-31");
        Assert.Equal(2, version.Reads - before);
    }

    [Fact]
    public async Task A_record_moved_to_another_township_leaves_one_and_counts_in_the_other()
    {
        var created = await (await Worker.PostJsonAsync("/api/service-records", app.Visit(servedOn: "2025-07-08"))).ReadAsync<RecordDetail>(HttpStatusCode.Created);
        Assert.Equal((1, 1), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-07-01", "2025-07-31"));

        // No screen moves a record between stations yet (a correction keeps its station); the summary follows any save that does.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShegongDb>();
            var record = await db.ServiceRecords.SingleAsync(r => r.Id == created.Id, Ct);
            db.Entry(record).Property(r => r.StationId).CurrentValue = app.SiblingStation;
            db.Entry(record).Property(r => r.RegionCode).CurrentValue = app.SiblingTownship;
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal((0, 0), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-07-01", "2025-07-31"));
        Assert.Equal((1, 1), await FiguresAsync(app.SiblingTownship, "2025-07-01", "2025-07-31"));
        Assert.Equal((1, 1), await FiguresAsync(StatisticsApp.Jinjiang, "2025-07-01", "2025-07-31"));
    }

    [Fact]
    public async Task A_record_made_by_its_source_counts_and_goes_with_it()
    {
        var form = new Dictionary<string, object?>
        {
            ["subject"] = "Resident",
            ["residentId"] = app.OwnResidents[1],
            ["stationId"] = app.OwnStation,
            ["assessorId"] = app.OwnWorker,
            ["assessedOn"] = "2025-08-12",
            ["channel"] = "HomeVisit",
            ["durationMinutes"] = 50,
            ["identifiedNeeds"] = "需要定期探访",
            ["scores"] = Enum.GetValues<NeedDomain>().Select(d => new { domain = d.ToString(), score = 3, priority = "Low" }).ToList(),
        };
        var created = await (await Worker.PostJsonAsync("/api/assessments", form)).ReadAsync<AssessmentRef>(HttpStatusCode.Created);
        var august = await SummaryAsync(app.Client, StatisticsApp.Jinguanyi, "2025-08-01", "2025-08-31");
        Assert.Equal((1, 1, 50L), (august.Services.ServiceRecords, august.Services.PersonTimes, august.Services.ServiceMinutes));
        Assert.Equal(1, august.ByCategory.Single(c => c.Key == "NeedsAssessment").ServiceRecords);

        (await Worker.DeleteAsync($"/api/assessments/{created.Id}?version={created.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal((0, 0), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-08-01", "2025-08-31"));
    }

    private sealed record AssessmentRef(int Id, uint Version);

    private async Task<(int Records, int PersonTimes)> FiguresAsync(string region, string from, string to)
    {
        var summary = await SummaryAsync(app.Client, region, from, to);
        return (summary.Services.ServiceRecords, summary.Services.PersonTimes);
    }
}
