using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Shegong.Tests.Workforce;

public class AgencyApiTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bad_or_repeated_credit_code_is_refused_and_nothing_is_saved()
    {
        var bad = await app.Client.PostAsJsonAsync("/api/agencies", new { name = "甲", creditCode = "91350100M000100Y44", regionCode = "510104000000" }, Ct);
        await SocialWorkerApiTests.AssertFieldErrorAsync(bad, "creditCode", "校验位");
        var existing = await app.AgencyAsync("乙社工服务中心", "91350100M000100Y43", "510104000000");
        var again = await app.Client.PostAsJsonAsync("/api/agencies", new { name = "丙", creditCode = "91350100m000100y43", regionCode = "510105000000" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // In scope: named and linked, never by internal id.
        var problem = await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        Assert.Equal("该统一社会信用代码已由“乙社工服务中心”登记", problem.GetProperty("detail").GetString());
        Assert.Equal($"/workforce/agencies/{existing}/edit", problem.GetProperty("existing").GetString());
        var township = await app.Client.PostAsJsonAsync("/api/agencies",
            new { name = "丁", creditCode = CreditCodes.Make(30), regionCode = "510104000000", serviceAreaCodes = new[] { "510104017000" } }, Ct);
        await SocialWorkerApiTests.AssertFieldErrorAsync(township, "serviceAreaCodes", "不是县");
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Agencies.CountAsync(Ct));
    }
}
