using System.Net;
using System.Text.Json;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Residents;

public class HouseholdTests(ResidentApp app) : IClassFixture<ResidentApp>
{
    [Fact]
    public async Task A_household_links_members_with_their_relation_to_the_head_and_unlinks_them_head_last()
    {
        var head = await app.ResidentAsync(app.OwnVillage);
        var child = await app.ResidentAsync(app.OwnVillage);
        var household = await (await app.Worker.PostJsonAsync("/api/residents/households", new { headResidentId = head, address = "三组8号" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var householdId = household.GetProperty("id").GetInt32();
        Assert.Equal(head, household.GetProperty("headResidentId").GetInt32());

        var noVersion = await app.Worker.PostJsonAsync($"/api/residents/households/{householdId}/members", new { residentId = child, relation = "Child" });
        Assert.NotEmpty((await noVersion.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("version"));
        var version = household.GetProperty("version").GetUInt32();
        var linked = await (await app.Worker.PostJsonAsync($"/api/residents/households/{householdId}/members",
            new { residentId = child, relation = "Child", version })).ReadAsync<JsonElement>();
        Assert.Equal(["Head", "Child"], linked.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("relation").GetString()));
        var stale = await app.Worker.PostJsonAsync($"/api/residents/households/{householdId}/members/{child}/unlink", new { version });
        await stale.ProblemAsync(HttpStatusCode.Conflict);

        var detail = await (await app.Worker.GetUrlAsync($"/api/residents/{child}")).ReadAsync<JsonElement>();
        Assert.Equal("Child", detail.GetProperty("relation").GetString());
        Assert.Equal(2, detail.GetProperty("household").GetProperty("members").GetArrayLength());

        version = linked.GetProperty("version").GetUInt32();
        var headFirst = await app.Worker.PostJsonAsync($"/api/residents/households/{householdId}/members/{head}/unlink", new { version });
        Assert.Contains("户主", (await headFirst.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("residentId"));
        var left = await (await app.Worker.PostJsonAsync($"/api/residents/households/{householdId}/members/{child}/unlink", new { version })).ReadAsync<JsonElement>();
        Assert.Single(left.GetProperty("members").EnumerateArray());
        var gone = await app.Worker.PostJsonAsync($"/api/residents/households/{householdId}/members/{head}/unlink",
            new { version = left.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Worker.GetUrlAsync($"/api/residents/households/{householdId}")).StatusCode);
        var headNow = await (await app.Worker.GetUrlAsync($"/api/residents/{head}")).ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, headNow.GetProperty("household").ValueKind);
    }

    [Fact]
    public async Task A_resident_outside_the_scope_cannot_be_linked()
    {
        var head = await app.ResidentAsync(app.OwnVillage);
        var stranger = await app.ResidentAsync(app.SiblingTownshipVillage);
        var household = await (await app.Worker.PostJsonAsync("/api/residents/households", new { headResidentId = head }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var refused = await app.Worker.PostJsonAsync($"/api/residents/households/{household.GetProperty("id").GetInt32()}/members",
            new { residentId = stranger, relation = "Spouse", version = household.GetProperty("version").GetUInt32() });
        Assert.NotEmpty((await refused.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("residentId"));
    }
}
