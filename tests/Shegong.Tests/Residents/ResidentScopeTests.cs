using System.Net;
using System.Text.Json;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Residents;

/// <summary>Residents are read only by the station's own staff and the officials above it; duplicates never name what the caller cannot see.</summary>
public class ResidentScopeTests(ResidentApp app) : IClassFixture<ResidentApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_social_worker_does_not_see_another_stations_residents_in_list_detail_or_export()
    {
        var surname = app.NewName("范围甲");
        var own = await app.ResidentAsync(app.OwnVillage, name: surname + "本站");
        var other = await app.ResidentAsync(app.SiblingTownshipVillage, name: surname + "他站");

        var list = await (await app.Worker.GetUrlAsync($"/api/residents?search={surname}")).ReadAsync<JsonElement>();
        Assert.Equal([own], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await app.Worker.GetUrlAsync($"/api/residents/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Worker.GetUrlAsync($"/api/residents/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Worker.PostJsonAsync($"/api/residents/{other}/reveal", new { field = "idNumber" })).StatusCode);

        var export = await app.Worker.GetUrlAsync($"/api/residents/export?search={surname}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = await XlsxText.ReadAsync(export);
        Assert.Contains(surname + "本站", text);
        Assert.DoesNotContain(surname + "他站", text);
        // The administrator's export has both: the check can fail.
        Assert.Contains(surname + "他站", await XlsxText.ReadAsync(await app.Client.GetUrlAsync($"/api/residents/export?search={surname}")));
    }

    [Fact]
    public async Task A_county_officer_does_not_see_another_countys_residents()
    {
        var surname = app.NewName("范围乙");
        var own = await app.ResidentAsync(app.OwnVillage2, name: surname + "锦江");
        var other = await app.ResidentAsync(app.QingyangVillage, name: surname + "青羊");

        var list = await (await app.County.GetUrlAsync($"/api/residents?search={surname}")).ReadAsync<JsonElement>();
        Assert.Equal([own], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.County.GetUrlAsync($"/api/residents/{other}")).StatusCode);
        Assert.DoesNotContain(surname + "青羊", await XlsxText.ReadAsync(await app.County.GetUrlAsync($"/api/residents/export?search={surname}")));
        var city = await (await app.Clients[AccountRole.CityOfficer].GetUrlAsync($"/api/residents?search={surname}")).ReadAsync<JsonElement>();
        Assert.Equal(2, city.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_registered_id_number_is_refused_and_named_only_to_a_caller_who_may_see_it()
    {
        var idNumber = app.NewIdNumber();
        var name = app.NewName("重号");
        var existing = await app.ResidentAsync(app.OwnVillage, idNumber, name: name);
        var before = await app.CountAsync();

        var inScope = await app.Worker.PostJsonAsync("/api/residents", new { name = app.NewName(), idNumber, regionCode = app.OwnVillage2 });
        var problem = await inScope.ProblemAsync(HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(name, detail);
        // Named, and linked, never by its internal number.
        Assert.DoesNotContain("编号", detail);
        Assert.Equal($"/residents/{existing}", problem.GetProperty("existing").GetString());

        var qingyang = await app.ClientAsync(AccountRole.CountyOfficer, ResidentApp.Qingyang);
        var outOfScope = await qingyang.PostJsonAsync("/api/residents", new { name = app.NewName(), idNumber, regionCode = app.QingyangVillage });
        var body = await outOfScope.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Conflict, outOfScope.StatusCode);
        Assert.DoesNotContain(name, body);
        Assert.DoesNotContain($"编号{existing}", body);
        Assert.Equal(before, await app.CountAsync());
    }

    [Fact]
    public async Task A_village_outside_the_scope_or_not_a_village_is_refused_naming_the_region()
    {
        var before = await app.CountAsync();
        var outside = await app.Worker.PostJsonAsync("/api/residents", new { name = app.NewName(), idNumber = app.NewIdNumber(), regionCode = app.SiblingTownshipVillage });
        Assert.Contains("您的范围内", (await outside.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("regionCode"));
        var township = await app.Client.PostJsonAsync("/api/residents", new { name = app.NewName(), idNumber = app.NewIdNumber(), regionCode = ResidentApp.Jinguanyi });
        Assert.Contains("不是村（社区）", (await township.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("regionCode"));
        Assert.Equal(before, await app.CountAsync());
    }
}
