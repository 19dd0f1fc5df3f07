using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.ServiceRecords;

public sealed record RecordDetail(int Id, int PersonTimes, int HeadCount, string Source, string Channel, bool EditableHere, uint Version,
    List<RecordRef> Residents, List<RecordRef> Workers, int DurationMinutes);

public sealed record RecordRef(int Id, string Name);

public sealed record RecordRow(int Id, int PersonTimes, string Workers, string Residents);

public sealed record RecordPage(List<RecordRow> Items, int Total);

public sealed record RecordSummary(int Records, int PersonTimes, int PeopleServed);

public class ServiceRecordApiTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private HttpClient Worker => app.Clients[AccountRole.SocialWorker];

    [Fact]
    public async Task A_worker_enters_a_home_visit_for_their_station_and_reads_it_back()
    {
        var created = await (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.OwnResidents[0], app.OwnResidents[1]], headCount: 3)))
            .ReadAsync<RecordDetail>(HttpStatusCode.Created);
        Assert.Equal(5, created.PersonTimes);
        Assert.Equal("Direct", created.Source);
        Assert.True(created.EditableHere);
        Assert.Equal(new HashSet<string> { "张大爷", "李奶奶" }, created.Residents.Select(r => r.Name).ToHashSet());
        var detail = await (await Worker.GetUrlAsync($"/api/service-records/{created.Id}")).ReadAsync<RecordDetail>();
        Assert.Equal("HomeVisit", detail.Channel);
        var page = await (await Worker.GetUrlAsync($"/api/service-records?stationId={app.OwnStation}&residentId={app.OwnResidents[1]}")).ReadAsync<RecordPage>();
        Assert.Contains(page.Items, r => r.Id == created.Id && r.Residents.Contains("李奶奶", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correction_or_a_deletion_changes_what_the_list_detail_and_figures_say_at_once()
    {
        const string day = "2025-04-02";
        var created = await (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.OwnResidents[2]], headCount: 1, servedOn: day)))
            .ReadAsync<RecordDetail>(HttpStatusCode.Created);
        var figures = $"/api/service-records/summary?stationId={app.OwnStation}&from={day}&to={day}";
        Assert.Equal(2, (await (await Worker.GetUrlAsync(figures)).ReadAsync<RecordSummary>()).PersonTimes);

        var corrected = await (await Worker.PutJsonAsync($"/api/service-records/{created.Id}", Corrected(created.Version, day, headCount: 4)))
            .ReadAsync<RecordDetail>();
        Assert.Equal(5, corrected.PersonTimes);
        Assert.Equal(5, (await (await Worker.GetUrlAsync($"/api/service-records/{created.Id}")).ReadAsync<RecordDetail>()).PersonTimes);
        var list = await (await Worker.GetUrlAsync($"/api/service-records?from={day}&to={day}")).ReadAsync<RecordPage>();
        Assert.Equal(5, Assert.Single(list.Items, r => r.Id == created.Id).PersonTimes);
        Assert.Equal(5, (await (await Worker.GetUrlAsync(figures)).ReadAsync<RecordSummary>()).PersonTimes);

        // The old version is stale now; none at all is a 400 naming it.
        (await Worker.DeleteAsync($"/api/service-records/{created.Id}?version={created.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var missing = await (await Worker.DeleteAsync($"/api/service-records/{created.Id}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("version", missing.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        (await Worker.DeleteAsync($"/api/service-records/{created.Id}?version={corrected.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Worker.GetUrlAsync($"/api/service-records/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await Worker.GetUrlAsync($"/api/service-records?from={day}&to={day}")).ReadAsync<RecordPage>()).Items, r => r.Id == created.Id);
        var after = await (await Worker.GetUrlAsync(figures)).ReadAsync<RecordSummary>();
        Assert.Equal((0, 0, 0), (after.Records, after.PersonTimes, after.PeopleServed));
    }

    [Fact]
    public async Task A_correction_without_the_version_read_is_refused_and_changes_nothing()
    {
        var created = await (await Worker.PostJsonAsync("/api/service-records", app.Visit())).ReadAsync<RecordDetail>(HttpStatusCode.Created);
        var problem = await (await Worker.PutJsonAsync($"/api/service-records/{created.Id}", Corrected(null, "2025-03-10", 9))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("version", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, (await (await Worker.GetUrlAsync($"/api/service-records/{created.Id}")).ReadAsync<RecordDetail>()).PersonTimes);
    }

    [Fact]
    public async Task A_record_made_by_its_source_cannot_be_corrected_or_deleted_here()
    {
        int id;
        await using (var db = app.OpenDb())
        {
            var station = await db.Stations.SingleAsync(s => s.Id == app.OwnStation, Ct);
            var record = ServiceRecord.Create(ServiceSource.GroupSession, station.Id, station.RegionCode, new ServiceFacts(new DateOnly(2025, 3, 1),
                ServiceCategory.ElderlyAndChildCare, ServiceMethod.GroupWork, ServiceChannel.WalkIn, 90, [app.OwnWorker], [app.OwnResidents[0]], 6));
            db.ServiceRecords.Add(record);
            await db.SaveChangesAsync(Ct);
            id = record.Id;
        }
        var detail = await (await Worker.GetUrlAsync($"/api/service-records/{id}")).ReadAsync<RecordDetail>();
        Assert.False(detail.EditableHere);
        Assert.Equal(7, detail.PersonTimes);
        var put = await (await Worker.PutJsonAsync($"/api/service-records/{id}", Corrected(detail.Version, "2025-03-01", 0))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("小组节次", put.FieldError("source"), StringComparison.Ordinal);
        var delete = await (await Worker.DeleteAsync($"/api/service-records/{id}?version={detail.Version}", Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("小组节次", delete.FieldError("source"), StringComparison.Ordinal);
        Assert.Equal(7, (await (await Worker.GetUrlAsync($"/api/service-records/{id}")).ReadAsync<RecordDetail>()).PersonTimes);
    }

    public static TheoryData<string, string, object> BadRecords() => new()
    {
        { "the future", "servedOn", new { servedOn = DateTime.Today.AddDays(2).ToString("yyyy-MM-dd") } },
        { "an absurd date", "servedOn", new { servedOn = "1999-12-31" } },
        { "no duration", "durationMinutes", new { durationMinutes = 0 } },
        { "a day and more", "durationMinutes", new { durationMinutes = 10000 } },
        { "a negative head count", "headCount", new { headCount = -1 } },
        { "negative yuan", "valueYuan", new { valueYuan = -5 } },
        { "nobody served", "residentIds", new { residentIds = Array.Empty<int>(), headCount = 0 } },
        { "no worker", "workerIds", new { workerIds = Array.Empty<int>() } },
        { "an unknown worker", "workerIds", new { workerIds = new[] { 987654 } } },
        { "an unknown resident", "residentIds", new { residentIds = new[] { 987654 } } },
        { "an unknown station", "stationId", new { stationId = 987654 } },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task Bad_input_is_a_400_naming_the_field_and_saves_nothing(string why, string field, object change)
    {
        var body = JsonSerializer.SerializeToNode(app.Visit(), Api.Json)!.AsObject();
        foreach (var property in JsonSerializer.SerializeToNode(change, Api.Json)!.AsObject())
        {
            body[property.Key] = property.Value?.DeepClone();
        }
        var before = await CountAsync();
        var problem = await (await Worker.PostJsonAsync("/api/service-records", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Workers_and_residents_of_another_station_are_refused()
    {
        var otherWorker = await (await Worker.PostJsonAsync("/api/service-records", app.Visit(worker: app.SiblingWorker))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("workerIds", otherWorker.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var otherResident = await (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.SiblingResident]))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("residentIds", otherResident.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var otherStation = await (await Worker.PostJsonAsync("/api/service-records", app.Visit(station: app.SiblingStation))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("stationId", otherStation.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_worker_cannot_see_another_stations_records()
    {
        var own = await (await Worker.PostJsonAsync("/api/service-records", app.Visit())).ReadAsync<RecordDetail>(HttpStatusCode.Created);
        var sibling = app.SiblingWorkerClient;
        (await sibling.GetUrlAsync($"/api/service-records/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await sibling.GetUrlAsync("/api/service-records?pageSize=500")).ReadAsync<RecordPage>();
        Assert.DoesNotContain(list.Items, r => r.Id == own.Id);
        (await sibling.PutJsonAsync($"/api/service-records/{own.Id}", Corrected(own.Version, "2025-03-10", 2))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sibling.DeleteAsync($"/api/service-records/{own.Id}?version={own.Version}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(1, (await (await Worker.GetUrlAsync($"/api/service-records/{own.Id}")).ReadAsync<RecordDetail>()).PersonTimes);
    }

    [Fact]
    public async Task The_export_is_a_spreadsheet_of_the_filtered_list()
    {
        await (await Worker.PostJsonAsync("/api/service-records", app.Visit())).ReadAsync<RecordDetail>(HttpStatusCode.Created);
        var response = await Worker.GetUrlAsync($"/api/service-records/export?stationId={app.OwnStation}&channel=HomeVisit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await response.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("走进门", r["服务途径"]));
    }

    [Fact]
    public async Task A_contract_cannot_target_the_Other_method()
    {
        var problem = await (await app.Client.PostJsonAsync("/api/contracts", new
        {
            title = "不能以其他服务为指标",
            regionCode = RecordsApp.Jinjiang,
            agencyId = 1,
            startsOn = "2025-01-01",
            endsOn = "2025-12-31",
            amount = 1000,
            methodTargets = new Dictionary<string, int> { ["Other"] = 10 },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("其他服务", problem.FieldError("methodTargets"), StringComparison.Ordinal);
    }

    private object Corrected(uint? version, string servedOn, int headCount) => new
    {
        servedOn,
        category = "ElderlyAndChildCare",
        method = "Other",
        channel = "HomeVisit",
        durationMinutes = 30,
        workerIds = new[] { app.OwnWorker },
        residentIds = new[] { app.OwnResidents[2] },
        headCount,
        version,
    };

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return await db.ServiceRecords.CountAsync(Ct);
    }
}

internal static class StatusAssertions
{
    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);
}
