using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.ServiceRecords;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Tests.Requests;

public sealed record RequestStepTime(string Step, DateTime At, double HoursSinceRaised);

public sealed record RequestDetail(int Id, string Status, string Origin, string? PhoneMasked, int? ServiceRecordId, int? Satisfaction,
    List<RequestStepTime> Steps, List<string> NextSteps, uint Version, string? WorkerName);

public class ServiceRequestFlowTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private HttpClient Worker => app.Clients[AccountRole.SocialWorker];

    private Task<HttpResponseMessage> RaiseAsync(HttpClient client, string? village = null, int? resident = null) => client.PostJsonAsync("/api/service-requests", new
    {
        origin = "OnBehalf",
        raisedBy = "村委会 刘主任",
        contactName = "张大爷",
        phone = "13800138000",
        villageCode = village ?? app.OwnVillage,
        residentId = resident ?? app.OwnResidents[0],
        need = "独居老人，腿脚不便，需要上门送药",
    });

    [Fact]
    public async Task A_request_goes_from_raised_to_rated_each_step_timed_and_completion_makes_exactly_one_record()
    {
        var raised = await (await RaiseAsync(Worker)).ReadAsync<RequestDetail>(HttpStatusCode.Created);
        Assert.Equal(("Raised", "138****8000"), (raised.Status, raised.PhoneMasked));
        Assert.Equal(["triage", "decline"], raised.NextSteps);
        var url = $"/api/service-requests/{raised.Id}";

        // Steps cannot be skipped, and each needs the version read.
        var skipped = await (await Worker.PostJsonAsync($"{url}/visit", new { note = "跳过", version = raised.Version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("状态为“已提出”的申请不能执行“上门”", skipped.GetProperty("detail").GetString());
        var inEnglish = new HttpRequestMessage(HttpMethod.Post, $"{url}/visit")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { note = "skip", version = raised.Version }, options: Api.Json),
        };
        inEnglish.Headers.AcceptLanguage.ParseAdd("en");
        var skippedInEnglish = await (await Worker.SendAsync(inEnglish, Ct)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("a request that is raised cannot take the step “Visit”", skippedInEnglish.GetProperty("detail").GetString());
        var noVersion = await (await Worker.PostJsonAsync($"{url}/triage", new { stationId = app.OwnStation, category = "ElderlyAndChildCare" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("version", noVersion.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var triaged = await (await Worker.PostJsonAsync($"{url}/triage", new { stationId = app.OwnStation, category = "ElderlyAndChildCare", urgent = true, version = raised.Version }))
            .ReadAsync<RequestDetail>();
        (await Worker.PostJsonAsync($"{url}/assign", new { workerId = app.SiblingWorker, version = triaged.Version })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var assigned = await (await Worker.PostJsonAsync($"{url}/assign", new { workerId = app.OwnWorker, version = triaged.Version })).ReadAsync<RequestDetail>();
        Assert.Equal("记录社工801", assigned.WorkerName);
        var visited = await (await Worker.PostJsonAsync($"{url}/visit", new { note = "已上门，药已送到", version = assigned.Version })).ReadAsync<RequestDetail>();
        var completed = await (await Worker.PostJsonAsync($"{url}/complete", new { servedOn = "2025-07-01", durationMinutes = 40, version = visited.Version }))
            .ReadAsync<RequestDetail>();
        Assert.Equal("Completed", completed.Status);
        (await Worker.PostJsonAsync($"{url}/complete", new { durationMinutes = 40, version = completed.Version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Worker.PostJsonAsync($"{url}/rate", new { satisfaction = 6, version = completed.Version })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rated = await (await Worker.PostJsonAsync($"{url}/rate", new { satisfaction = 5, note = "很满意", version = completed.Version })).ReadAsync<RequestDetail>();

        Assert.Equal(5, rated.Satisfaction);
        Assert.Equal(["raised", "triaged", "assigned", "visited", "completed", "rated"], rated.Steps.Select(s => s.Step));
        Assert.True(rated.Steps.Zip(rated.Steps.Skip(1)).All(p => p.First.At <= p.Second.At), "step times run in order");
        Assert.All(rated.Steps, s => Assert.True(s.HoursSinceRaised >= 0));

        await using var db = app.OpenDb();
        var records = await db.ServiceRequests.Where(r => r.Id == raised.Id).Select(r => r.Record!).ToListAsync(Ct);
        var record = Assert.Single(records);
        Assert.Equal(rated.ServiceRecordId, record.Id);
        Assert.Equal((ServiceSource.Request, 1, ServiceChannel.HomeVisit), (record.Source, record.PersonTimes, record.Channel));
        var detail = await (await Worker.GetUrlAsync($"/api/service-records/{record.Id}")).ReadAsync<RecordDetail>();
        Assert.False(detail.EditableHere);
        var put = await (await Worker.PutJsonAsync($"/api/service-records/{record.Id}", app.Visit())).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("服务申请", put.FieldError("source"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_request_moves_no_further_and_a_request_outside_scope_is_not_found()
    {
        var raised = await (await RaiseAsync(Worker)).ReadAsync<RequestDetail>(HttpStatusCode.Created);
        var url = $"/api/service-requests/{raised.Id}";
        (await Worker.PostJsonAsync($"{url}/decline", new { version = raised.Version })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var declined = await (await Worker.PostJsonAsync($"{url}/decline", new { reason = "已由民政办受理", version = raised.Version })).ReadAsync<RequestDetail>();
        Assert.Empty(declined.NextSteps);
        (await Worker.PostJsonAsync($"{url}/triage", new { stationId = app.OwnStation, category = "SocialAssistance", version = declined.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.SiblingWorkerClient.GetUrlAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A village outside the worker's scope is refused like one that does not exist.
        var outside = await (await RaiseAsync(Worker, village: app.SiblingVillage, resident: app.OwnResidents[1])).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("villageCode", outside.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
