using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.ServiceRecords;

public sealed record BatchResult(int Count, List<int> Ids);

/// <summary>A phone sends the visits it recorded offline in one batch: all entered, or none with the bad one named.</summary>
public class ServiceRecordBatchTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private HttpClient Worker => app.Clients[AccountRole.SocialWorker];

    private async Task<int> CountAsync(string day) =>
        (await (await Worker.GetUrlAsync($"/api/service-records/summary?stationId={app.OwnStation}&from={day}&to={day}")).ReadAsync<RecordSummary>()).Records;

    [Fact]
    public async Task A_batch_is_entered_whole_and_each_record_reads_back()
    {
        const string day = "2025-05-06";
        var result = await (await Worker.PostJsonAsync("/api/service-records/batch", new
        {
            records = new[] { app.Visit([app.OwnResidents[0]], servedOn: day), app.Visit([app.OwnResidents[1]], headCount: 2, servedOn: day), app.Visit(servedOn: day) },
        })).ReadAsync<BatchResult>();
        Assert.Equal(3, result.Count);
        Assert.Equal(3, result.Ids.Distinct().Count());
        Assert.Equal(3, (await (await Worker.GetUrlAsync($"/api/service-records/{result.Ids[1]}")).ReadAsync<RecordDetail>()).PersonTimes);
        Assert.Equal(3, await CountAsync(day));
    }

    [Fact]
    public async Task One_bad_record_refuses_the_batch_naming_its_place_and_nothing_is_entered()
    {
        const string day = "2025-05-07";
        var problem = await (await Worker.PostJsonAsync("/api/service-records/batch", new
        {
            records = new[] { app.Visit(servedOn: day), app.Visit(servedOn: "2099-01-01"), app.Visit(servedOn: day) },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("不能晚于今天", errors.GetProperty("records[1].servedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(day));

        // Another station's worker is refused the same way, at its place.
        var other = await (await Worker.PostJsonAsync("/api/service-records/batch", new
        {
            records = new[] { app.Visit(servedOn: day, worker: app.SiblingWorker) },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(other.GetProperty("errors").TryGetProperty("records[0].workerIds", out _), other.ToString());
        Assert.Equal(0, await CountAsync(day));
    }

    [Fact]
    public async Task An_empty_or_oversized_batch_is_refused()
    {
        var empty = await (await Worker.PostJsonAsync("/api/service-records/batch", new { records = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("records", out _));
        var tooMany = await (await Worker.PostJsonAsync("/api/service-records/batch", new { records = Enumerable.Repeat(app.Visit(servedOn: "2025-05-08"), 1001) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("1000", tooMany.GetProperty("errors").GetProperty("records")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("2025-05-08"));
    }
}
