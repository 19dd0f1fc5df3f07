using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Casework;

namespace Shegong.Tests.Casework;

public class CaseStageTests(CaseworkApp app) : IClassFixture<CaseworkApp>
{
    private HttpClient Worker => app.Worker;

    private async Task<CaseDetail> MoveAsync(int id, object form, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await Worker.PostJsonAsync($"/api/cases/{id}/stage", form)).ReadAsync<CaseDetail>(expected);

    /// <summary>Walks a new case from intake to closed, each move with the record of the stage it leaves.</summary>
    internal static async Task<CaseDetail> CloseAsync(HttpClient client, CaseDetail c)
    {
        async Task<CaseDetail> Move(object form) => await (await client.PostJsonAsync($"/api/cases/{c.Id}/stage", form)).ReadAsync<CaseDetail>();
        c = await Move(new { stage = "Assessment", version = c.Version });
        c = await Move(new { stage = "Planning", assessmentSummary = "生活自理能力下降，缺少照料者", version = c.Version });
        c = await Move(new { stage = "Intervention", planSummary = "每周探访一次，三个月", goals = new[] { new { description = "链接居家养老服务", dueOn = "2025-06-01" } }, version = c.Version });
        c = await (await client.PostJsonAsync($"/api/cases/{c.Id}/contacts", CaseworkApp.Contact(c.Version))).ReadAsync<CaseDetail>();
        c = await Move(new { stage = "Evaluation", version = c.Version });
        return await Move(new
        {
            stage = "Closed",
            goalOutcomes = c.Goals.Select(g => new { goalId = g.Id, outcome = "Achieved" }),
            evaluationSummary = "目标达成",
            closeReason = "GoalsAchieved",
            closingReport = "已链接居家养老服务，个案结束",
            version = c.Version,
        });
    }

    [Fact]
    public async Task A_case_moves_through_every_stage_in_order_and_keeps_who_moved_it()
    {
        var c = await app.OpenCaseAsync();
        Assert.Equal(CaseStage.Intake, c.Stage);
        Assert.Equal(CaseStage.Assessment, c.NextStage);

        var closed = await CloseAsync(Worker, c);

        Assert.Equal(CaseStage.Closed, closed.Stage);
        Assert.Null(closed.NextStage);
        Assert.Equal(CloseReason.GoalsAchieved, closed.CloseReason);
        Assert.Equal(GoalOutcome.Achieved, Assert.Single(closed.Goals).Outcome);
        Assert.Equal("生活自理能力下降，缺少照料者", closed.AssessmentSummary);
        var moves = closed.Events.Where(e => e.Kind == CaseEventKind.StageMoved).Select(e => e.To).ToList();
        Assert.Equal([CaseStage.Assessment, CaseStage.Planning, CaseStage.Intervention, CaseStage.Evaluation, CaseStage.Closed], moves.Select(m => m!.Value));
        Assert.All(closed.Events, e => Assert.StartsWith("socialworker-", e.By));
    }

    [Fact]
    public async Task A_stage_cannot_be_skipped_and_nothing_changes()
    {
        var c = await app.OpenCaseAsync();
        var problem = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Planning", assessmentSummary = "跳过预估", version = c.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("“预估”", problem.FieldError("stage"));
        var back = await (await Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>();
        Assert.Equal(CaseStage.Intake, back.Stage);
        Assert.Null(back.AssessmentSummary);
        Assert.Equal(c.Version, back.Version);

        var closedEarly = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Closed", closeReason = "Other", closingReport = "x", version = c.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("“预估”", closedEarly.FieldError("stage"));

        // In English the stages are named in English words from the same resource, not by their code names.
        var inEnglish = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{c.Id}/stage")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { stage = "Closed", closeReason = "Other", closingReport = "x", version = c.Version }, options: Api.Json),
        };
        inEnglish.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await Worker.SendAsync(inEnglish, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("a case cannot move from Intake to Closed; the next stage is Assessment", english.FieldError("stage"));
    }

    [Fact]
    public async Task Each_stage_needs_its_record_before_the_case_moves_on()
    {
        var opened = await app.OpenCaseAsync();
        var c = await MoveAsync(opened.Id, new { stage = "Assessment", version = opened.Version });
        var noSummary = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Planning", version = c.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(noSummary.FieldError("assessmentSummary")));
        c = await MoveAsync(c.Id, new { stage = "Planning", assessmentSummary = "需要照料", version = c.Version });
        var noGoals = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Intervention", version = c.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(noGoals.FieldError("goals")));
        c = await MoveAsync(c.Id, new { stage = "Intervention", goals = new[] { new { description = "每周探访" } }, version = c.Version });
        var noContact = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Evaluation", version = c.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("介入服务", noContact.FieldError("stage"));
        Assert.Equal(CaseStage.Intervention, (await (await Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>()).Stage);
    }

    [Fact]
    public async Task A_closed_case_is_reopened_with_its_reason_and_goes_back_to_assessment()
    {
        var closed = await CloseAsync(Worker, await app.OpenCaseAsync());
        var noReason = await (await Worker.PostJsonAsync($"/api/cases/{closed.Id}/reopen", new { version = closed.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(noReason.FieldError("reason")));

        var reopened = await (await Worker.PostJsonAsync($"/api/cases/{closed.Id}/reopen", new { reason = "老人再次摔倒", version = closed.Version })).ReadAsync<CaseDetail>();

        Assert.Equal(CaseStage.Assessment, reopened.Stage);
        Assert.Null(reopened.CloseReason);
        var last = reopened.Events[^1];
        Assert.Equal(CaseEventKind.Reopened, last.Kind);
        Assert.Equal("老人再次摔倒", last.Note);
        var again = await (await Worker.PostJsonAsync($"/api/cases/{closed.Id}/reopen", new { reason = "再次", version = reopened.Version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已结案", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_409_and_a_missing_version_with_400()
    {
        var c = await app.OpenCaseAsync();
        var edited = await (await Worker.PutJsonAsync($"/api/cases/{c.Id}", new { intakeSource = "Outreach", presentingProblem = "更新后的问题", version = c.Version })).ReadAsync<CaseDetail>();
        Assert.Equal("更新后的问题", edited.PresentingProblem);

        await (await Worker.PutJsonAsync($"/api/cases/{c.Id}", new { intakeSource = "Outreach", presentingProblem = "旧版本的修改", version = c.Version })).ProblemAsync(HttpStatusCode.Conflict);
        await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Assessment", version = c.Version })).ProblemAsync(HttpStatusCode.Conflict);
        var missing = await (await Worker.PutJsonAsync($"/api/cases/{c.Id}", new { intakeSource = "Outreach", presentingProblem = "无版本" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(missing.FieldError("version")));
        Assert.Equal("更新后的问题", (await (await Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>()).PresentingProblem);
    }

    [Fact]
    public async Task A_case_is_transferred_only_to_a_worker_of_its_station()
    {
        var c = await app.OpenCaseAsync();
        var elsewhere = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/transfer", new { workerId = app.SiblingWorker, reason = "调岗", version = c.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(elsewhere.FieldError("workerId")));

        var moved = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/transfer", new { workerId = app.Worker2, reason = "社工甲休产假", version = c.Version })).ReadAsync<CaseDetail>();

        Assert.Equal(app.Worker2, moved.WorkerId);
        Assert.Equal("个案社工乙", moved.WorkerName);
        var transfer = Assert.Single(moved.Events, e => e.Kind == CaseEventKind.Transferred);
        Assert.Contains("社工甲休产假", transfer.Note);
    }
}
