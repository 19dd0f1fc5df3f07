using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Linkage.Organisations;

namespace Shegong.Tests.Linkage;

public class OrganisationTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Form(int stationId, string? regionCode, string name = "锦官驿老年协会", int memberCount = 25, string type = "Interest",
        string incubatedOn = "2024-03-01", uint? version = null) =>
        new { name, type, stationId, regionCode, leaderName = "王秀英", memberCount, support = "场地与培训", incubatedOn, version };

    private async Task<JsonElement> CreateAsync(string name, string type = "Interest")
    {
        var place = app.Places[AccountRole.StationManager][Relation.Own];
        return await (await app.Client.PostJsonAsync("/api/community-organisations", Form(place.StationId!.Value, place.VillageCode, name, type: type)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    private Task<HttpResponseMessage> MoveAsync(int id, string stage, string date, string? creditCode, uint? version) =>
        app.Client.PostJsonAsync($"/api/community-organisations/{id}/stage", new { stage, date, creditCode, version });

    [Fact]
    public async Task Stages_move_forward_one_at_a_time_and_registering_needs_a_valid_credit_code_no_other_organisation_holds()
    {
        var created = await CreateAsync("阶段测试志愿协会");
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("Incubating", created.GetProperty("stage").GetString());
        var version = created.GetProperty("version").GetUInt32();
        var url = $"/api/community-organisations/{id}";

        var skip = await (await MoveAsync(id, "Registered", "2024-06-01", CreditCodes.Make(9101), version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("民政登记", skip.FieldError("stage"));
        var early = await (await MoveAsync(id, "Filed", "2024-02-01", null, version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2024-03-01", early.FieldError("date"));
        await (await MoveAsync(id, "Filed", "2024-05-01", null, null)).ProblemAsync(HttpStatusCode.BadRequest);
        var filed = await (await MoveAsync(id, "Filed", "2024-05-01", null, version)).ReadAsync<JsonElement>();
        Assert.Equal(("Filed", "2024-05-01"), (filed.GetProperty("stage").GetString(), filed.GetProperty("filedOn").GetString()));
        // The version read before the move is stale now.
        await (await MoveAsync(id, "Registered", "2024-09-01", CreditCodes.Make(9101), version)).ProblemAsync(HttpStatusCode.Conflict);

        version = filed.GetProperty("version").GetUInt32();
        var none = await (await MoveAsync(id, "Registered", "2024-09-01", null, version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("统一社会信用代码", none.FieldError("creditCode"));
        var wrong = CreditCodes.Make(9101)[..17] + (CreditCodes.Make(9101)[17] == '0' ? '1' : '0');
        var bad = await (await MoveAsync(id, "Registered", "2024-09-01", wrong, version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("校验", bad.FieldError("creditCode"));
        Assert.Equal("Filed", (await (await app.Client.GetUrlAsync(url)).ReadAsync<JsonElement>()).GetProperty("stage").GetString());

        var registered = await (await MoveAsync(id, "Registered", "2024-09-01", CreditCodes.Make(9101).ToLowerInvariant(), version)).ReadAsync<JsonElement>();
        Assert.Equal(("Registered", CreditCodes.Make(9101)), (registered.GetProperty("stage").GetString(), registered.GetProperty("creditCode").GetString()));
        var beyond = await (await MoveAsync(id, "Registered", "2024-10-01", CreditCodes.Make(9102), registered.GetProperty("version").GetUInt32()))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("下一阶段", beyond.FieldError("stage"));

        // A second organisation cannot register under the same code, and stays filed.
        var other = await CreateAsync("重复代码协会");
        var otherId = other.GetProperty("id").GetInt32();
        var otherFiled = await (await MoveAsync(otherId, "Filed", "2024-05-01", null, other.GetProperty("version").GetUInt32())).ReadAsync<JsonElement>();
        var taken = await (await MoveAsync(otherId, "Registered", "2024-09-01", CreditCodes.Make(9101), otherFiled.GetProperty("version").GetUInt32()))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已被另一个", taken.FieldError("creditCode"));
        await using var db = app.OpenDb();
        Assert.Equal(OrganisationStage.Filed, (await db.Set<CommunityOrganisation>().SingleAsync(o => o.Id == otherId, Ct)).Stage);
    }

    [Fact]
    public async Task Bad_organisations_get_field_errors_and_save_nothing()
    {
        var own = app.Places[AccountRole.StationManager][Relation.Own];
        var elsewhere = app.Places[AccountRole.CountyOfficer][Relation.Sibling];
        await using var before = app.OpenDb();
        var count = await before.Set<CommunityOrganisation>().CountAsync(Ct);
        var station = own.StationId!.Value;

        var noName = await (await app.Client.PostJsonAsync("/api/community-organisations", Form(station, own.VillageCode, name: " "))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("组织名称", noName.FieldError("name"));
        var noMembers = await (await app.Client.PostJsonAsync("/api/community-organisations", Form(station, own.VillageCode, memberCount: 0))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("成员人数", noMembers.FieldError("memberCount"));
        var outside = await (await app.Client.PostJsonAsync("/api/community-organisations", Form(station, elsewhere.VillageCode))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("锦官驿街道社工站", outside.FieldError("regionCode"));
        var future = await (await app.Client.PostJsonAsync("/api/community-organisations", Form(station, own.VillageCode, incubatedOn: "2099-01-01"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("今天", future.FieldError("incubatedOn"));
        var noStation = await (await app.Client.PostJsonAsync("/api/community-organisations", Form(-1, own.VillageCode))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("-1", noStation.FieldError("stationId"));
        var badType = await app.Client.PostJsonAsync("/api/community-organisations", Form(station, own.VillageCode, type: "Secret"));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);

        await using var after = app.OpenDb();
        Assert.Equal(count, await after.Set<CommunityOrganisation>().CountAsync(Ct));
    }

    [Fact]
    public async Task Figures_count_organisations_by_stage_and_type_under_a_region_and_only_inside_the_callers_scope()
    {
        var township = AccessApp.Jinguanyi;
        var before = await (await app.Client.GetUrlAsync($"/api/linkage/figures?region={township}")).ReadAsync<JsonElement>();
        var service = await CreateAsync("图表服务社", "Service");
        await CreateAsync("图表兴趣社", "Interest");
        await MoveAsync(service.GetProperty("id").GetInt32(), "Filed", "2024-04-01", null, service.GetProperty("version").GetUInt32());

        var after = await (await app.Client.GetUrlAsync($"/api/linkage/figures?region={township}")).ReadAsync<JsonElement>();
        int Of(JsonElement f, string group, string key) => f.GetProperty(group).GetProperty(key).GetInt32();
        Assert.Equal(before.GetProperty("organisationsIncubated").GetInt32() + 2, after.GetProperty("organisationsIncubated").GetInt32());
        Assert.Equal(Of(before, "organisationsByStage", "Filed") + 1, Of(after, "organisationsByStage", "Filed"));
        Assert.Equal(Of(before, "organisationsByType", "Service") + 1, Of(after, "organisationsByType", "Service"));
        // The county counts them too; another county's officer asking about this county sees none of them.
        var county = await (await app.Client.GetUrlAsync($"/api/linkage/figures?region={AccessApp.Jinjiang}")).ReadAsync<JsonElement>();
        Assert.True(county.GetProperty("organisationsIncubated").GetInt32() >= after.GetProperty("organisationsIncubated").GetInt32());
        var stranger = await app.ClientAsync(AccountRole.CountyOfficer, AccessApp.Qingyang);
        var seen = await (await stranger.GetUrlAsync($"/api/linkage/figures?region={AccessApp.Jinjiang}")).ReadAsync<JsonElement>();
        Assert.Equal(0, seen.GetProperty("organisationsIncubated").GetInt32());
    }
}
