using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Contracts;

namespace Shegong.Tests.Workforce;

public class ContractRuleTests
{
    private static ServiceContract Draft(bool withStation = true)
    {
        var contract = new ServiceContract { Title = "t", RegionCode = "510104000000" };
        contract.SetPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        if (withStation)
        {
            contract.Stations.Add(new ContractStation { StationId = 1, RegionCode = "510104017000" });
        }
        return contract;
    }

    [Fact]
    public void A_contract_runs_draft_active_completed_with_its_evaluations_in_order()
    {
        var contract = Draft();
        Assert.Equal(400, Assert.Throws<RequestProblem>(() => Draft(withStation: false).Activate()).Status);
        contract.Activate();
        Assert.Equal(409, Assert.Throws<RequestProblem>(contract.EnsureEditable).Status);
        Assert.Equal(400, Assert.Throws<RequestProblem>(() => contract.Complete(new DateOnly(2024, 12, 31))).Status);
        Assert.Equal(400, Assert.Throws<RequestProblem>(() => contract.Evaluate(EvaluationStage.Final, new DateOnly(2024, 12, 20), 90, null)).Status);
        Assert.Equal(400, Assert.Throws<RequestProblem>(() => contract.Evaluate(EvaluationStage.MidTerm, new DateOnly(2024, 6, 30), 101, null)).Status);
        contract.Evaluate(EvaluationStage.MidTerm, new DateOnly(2024, 6, 30), 85, "进度正常");
        Assert.Equal(409, Assert.Throws<RequestProblem>(() => contract.Evaluate(EvaluationStage.MidTerm, new DateOnly(2024, 7, 1), 88, null)).Status);
        contract.Evaluate(EvaluationStage.Final, new DateOnly(2024, 12, 20), 92, null);
        contract.Complete(new DateOnly(2024, 12, 31));
        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Equal(409, Assert.Throws<RequestProblem>(() => contract.Terminate(new DateOnly(2025, 1, 1), "x")).Status);
    }

    [Fact]
    public void Termination_needs_an_active_contract_and_a_reason_and_ends_the_cover()
    {
        var contract = Draft();
        Assert.Equal(409, Assert.Throws<RequestProblem>(() => contract.Terminate(new DateOnly(2024, 5, 1), "r")).Status);
        contract.Activate();
        Assert.Equal(400, Assert.Throws<RequestProblem>(() => contract.Terminate(new DateOnly(2024, 5, 1), " ")).Status);
        contract.Terminate(new DateOnly(2024, 5, 1), "机构未履约");
        Assert.Equal((ContractStatus.Terminated, new DateOnly(2024, 5, 1)), (contract.Status, contract.CoversUntil));
        Assert.Equal(409, Assert.Throws<RequestProblem>(contract.Activate).Status);
    }

    [Fact]
    public void The_end_cannot_precede_the_start() =>
        Assert.Equal("endsOn", Assert.Single(Assert.Throws<RequestProblem>(() =>
            Draft().SetPeriod(new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 1))).Errors).Key);
}

public class ContractApiTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<uint> Version(int contract) => app.Client.VersionOfAsync($"/api/contracts/{contract}");

    [Fact]
    public async Task A_contract_moves_through_its_statuses_over_the_API_and_names_the_station_operator()
    {
        var agency = await app.AgencyAsync("锦江合同测试社工中心", CreditCodes.Make(20), "510104000000");
        var other = await app.AgencyAsync("锦江第二社工中心", CreditCodes.Make(21), "510104000000");
        var station = await app.StationAsync("东湖街道社工站", StationLevel.TownshipStation, "510104018000");
        var form = new
        {
            title = "锦江区2024年乡镇社工站运营项目",
            regionCode = "510104000000",
            agencyId = agency,
            startsOn = "2024-01-01",
            endsOn = "2024-12-31",
            amount = 360000m,
            stationIds = new[] { station },
            categoryTargets = new Dictionary<string, int> { ["NeedsAssessment"] = 300, ["ElderlyAndChildCare"] = 1200 },
            methodTargets = new Dictionary<string, int> { ["Casework"] = 12, ["GroupWork"] = 6, ["CommunityWork"] = 24 },
        };
        var created = await app.Client.PostAsJsonAsync("/api/contracts", form, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/contracts/{id}/activate",
            new { version = await app.Client.VersionOfAsync($"/api/contracts/{id}") }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PutAsJsonAsync($"/api/contracts/{id}",
            Api.WithVersion(form, await app.Client.VersionOfAsync($"/api/contracts/{id}")), Ct)).StatusCode);

        var rival = await app.Client.PostAsJsonAsync("/api/contracts", form with { agencyId = other, startsOn = "2024-06-01" }, Ct);
        var rivalId = (await rival.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var clash = await app.Client.PostAsJsonAsync($"/api/contracts/{rivalId}/activate",
            new { version = await app.Client.VersionOfAsync($"/api/contracts/{rivalId}") }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("已由执行中的合同", await clash.Content.ReadAsStringAsync(Ct));

        var early = await app.Client.PostAsJsonAsync($"/api/contracts/{id}/complete", new { on = "2024-12-31", version = await Version(id) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        await app.Client.PostAsJsonAsync($"/api/contracts/{id}/evaluations", new { stage = "MidTerm", on = "2024-06-30", score = 86.5m, version = await Version(id) }, Ct);
        await app.Client.PostAsJsonAsync($"/api/contracts/{id}/evaluations", new { stage = "Final", on = "2024-12-20", score = 91m, notes = "完成", version = await Version(id) }, Ct);
        var done = await app.Client.PostAsJsonAsync($"/api/contracts/{id}/complete", new { on = "2024-12-31", version = await Version(id) }, Ct);
        Assert.Equal("Completed", (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        var during = await app.Client.GetFromJsonAsync<StationOperator>($"/api/contracts/operator?stationId={station}&on=2024-08-01", Ct);
        Assert.Equal(agency, during!.AgencyId);
        var after = await app.Client.GetFromJsonAsync<StationOperator>($"/api/contracts/operator?stationId={station}&on=2025-02-01", Ct);
        Assert.Null(after!.AgencyId);
        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/workforce/contracts/{id}", Ct));
        Assert.Contains("<h1>锦江区2024年乡镇社工站运营项目</h1>", page);
        Assert.Contains("1200 人次", page);
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/contracts?region=510104000000&status=Completed", Ct);
        Assert.Equal(91m, list.GetProperty("items")[0].GetProperty("latestScore").GetDecimal());
    }

    [Fact]
    public async Task A_contract_with_a_station_outside_the_buyer_is_refused_naming_the_field()
    {
        var agency = await app.AgencyAsync("锦江范围测试社工中心", CreditCodes.Make(22), "510104000000");
        var station = await app.StationAsync("草市街街道社工站", StationLevel.TownshipStation, "510105002000");
        var response = await app.Client.PostAsJsonAsync("/api/contracts", new
        {
            title = "越界合同",
            regionCode = "510104000000",
            agencyId = agency,
            startsOn = "2024-01-01",
            endsOn = "2024-12-31",
            amount = 1000m,
            stationIds = new[] { station },
        }, Ct);
        await SocialWorkerApiTests.AssertFieldErrorAsync(response, "stationIds", "不在购买方");
    }
}
