using System.Net;
using System.Net.Http.Json;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Workforce;

/// <summary>Every workforce page renders on the server with its Chinese heading (no browser needed).</summary>
public class WorkforcePageTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    [Theory]
    [InlineData("/workforce/agencies", "社工机构")]
    [InlineData("/workforce/agencies/new", "新增机构")]
    [InlineData("/workforce/contracts", "服务合同")]
    [InlineData("/workforce/contracts/new", "新建合同")]
    [InlineData("/workforce/social-workers", "社工队伍")]
    [InlineData("/workforce/social-workers/new", "新增社工")]
    [InlineData("/workforce/trainings", "培训")]
    [InlineData("/workforce/supervisions", "督导")]
    [InlineData("/workforce/trainings/new", "新增培训")]
    [InlineData("/workforce/supervisions/new", "新增督导")]
    [InlineData("/workforce/summary", "社工配备情况")]
    public async Task The_page_renders_with_its_heading(string path, string heading)
    {
        var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{heading}</h1>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_detail_page_shows_masked_values_and_a_reveal_button()
    {
        var agency = await app.AgencyAsync("页面测试社工中心", CreditCodes.Make(40), "510104000000");
        var worker = await app.WorkerAsync(agency, null, idNumber: "510105199003071233");
        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/workforce/social-workers/{worker}", TestContext.Current.CancellationToken));
        Assert.Contains("510105********1233", html);
        Assert.DoesNotContain("510105199003071233", html);
        Assert.Contains("显示", html);
    }

    [Fact]
    public async Task An_active_contract_page_offers_evaluation_completion_and_termination_and_a_draft_offers_editing()
    {
        var agency = await app.AgencyAsync("合同页面测试社工中心", CreditCodes.Make(41), "510104000000");
        var station = await app.StationAsync("合同页面测试街道社工站", Shegong.Web.Features.Stations.StationLevel.TownshipStation, "510104026000");
        var created = await app.Client.PostAsJsonAsync("/api/contracts", new
        {
            title = "页面测试合同",
            regionCode = "510104000000",
            agencyId = agency,
            startsOn = "2025-01-01",
            endsOn = "2025-12-31",
            amount = 200000,
            stationIds = new[] { station },
        }, TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(TestContext.Current.CancellationToken))!.Id;
        var draft = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/workforce/contracts/{id}", TestContext.Current.CancellationToken));
        Assert.Contains($"/workforce/contracts/{id}/edit", draft);
        Assert.DoesNotContain("contract-terminate", draft);

        (await app.Client.PostAsJsonAsync($"/api/contracts/{id}/activate", new { version = await app.Client.VersionOfAsync($"/api/contracts/{id}") },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var active = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/workforce/contracts/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("contract-evaluate", active);
        Assert.Contains("contract-complete", active);
        Assert.Contains("终止合同", active);
        Assert.DoesNotContain($"/workforce/contracts/{id}/edit", active);
    }
}
