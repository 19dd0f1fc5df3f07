using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Workforce;

/// <summary>
/// Refusals answer with what the caller may see: a duplicate outside the scope is not named, and
/// a foreign id outside the scope is refused exactly like one that does not exist.
/// </summary>
public class OracleTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A Qingyang (510105) agency, station and worker, and a Jinjiang (510104) county officer who may see none of them.</summary>
    private async Task<(int Agency, int Station, int Worker, string IdNumber, HttpClient Jinjiang)> ArrangeAsync(int n)
    {
        var agency = await app.AgencyAsync($"保密青羊社工中心{n}", CreditCodes.Make(400 + n), "510105000000");
        var station = await app.StationAsync($"保密青羊社工站{n}", StationLevel.TownshipStation, $"51010500{n switch { 1 => 2, 2 => 3, _ => 5 }}000");
        var idNumber = app.NewIdNumber("510105");
        var worker = await app.WorkerAsync(agency, station, idNumber: idNumber);
        return (agency, station, worker, idNumber, await app.ClientAsync(AccountRole.CountyOfficer, "510104000000"));
    }

    [Fact]
    public async Task A_duplicate_credit_code_is_refused_without_naming_an_agency_outside_the_scope()
    {
        var (agency, _, _, _, jinjiang) = await ArrangeAsync(1);
        var form = new { name = "锦江新社工中心", creditCode = CreditCodes.Make(401), regionCode = "510104000000" };
        var outside = await jinjiang.PostAsJsonAsync("/api/agencies", form, Ct);
        Assert.Equal(HttpStatusCode.Conflict, outside.StatusCode);
        var text = await outside.Content.ReadAsStringAsync(Ct);
        Assert.Contains("已登记", text);
        Assert.DoesNotContain("保密青羊", text);
        Assert.DoesNotContain("编号", text);

        // Inside the scope: the agency's name and a link to it, never its internal id in the words.
        var inside = await app.Client.PostAsJsonAsync("/api/agencies", form, Ct);
        Assert.Equal(HttpStatusCode.Conflict, inside.StatusCode);
        var problem = await inside.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("保密青羊社工中心1", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("编号", problem.GetProperty("detail").GetString());
        Assert.Equal($"/workforce/agencies/{agency}/edit", problem.GetProperty("existing").GetString());
    }

    [Fact]
    public async Task A_contract_clash_names_the_other_contract_by_title_and_link_only_because_the_caller_may_read_it()
    {
        var station = await app.StationAsync("合同冲突街道社工站", StationLevel.TownshipStation, "510104036000");
        var cityAgency = await app.AgencyAsync("市级合同社工中心", CreditCodes.Make(440), "510105000000");
        var countyAgency = await app.AgencyAsync("锦江合同社工中心", CreditCodes.Make(441), "510104000000");
        var city = await ActiveContractAsync(app.Client, "市级运营项目", "510100000000", cityAgency, station);
        Assert.Equal(HttpStatusCode.OK, city.StatusCode);

        // The clash always covers one of the caller's own stations, and a contract is seen wherever its stations are: the
        // county officer may read the city's contract, so the refusal names it (never by its internal number) and links to it.
        var jinjiang = await app.ClientAsync(AccountRole.CountyOfficer, "510104000000");
        var refused = await ActiveContractAsync(jinjiang, "锦江运营项目", "510104000000", countyAgency, station);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("市级运营项目", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("编号", problem.GetProperty("detail").GetString());
        var link = problem.GetProperty("existing").GetString()!;
        Assert.StartsWith("/workforce/contracts/", link);
        Assert.Equal(HttpStatusCode.OK, (await jinjiang.GetAsync("/api/contracts/" + link.Split('/')[^1], Ct)).StatusCode);
    }

    /// <summary>Drafts a contract over one station for 2025 and activates it; answers the activation's response.</summary>
    private async Task<HttpResponseMessage> ActiveContractAsync(HttpClient client, string title, string region, int agency, int station)
    {
        var created = await client.PostAsJsonAsync("/api/contracts",
            new { title, regionCode = region, agencyId = agency, startsOn = "2025-01-01", endsOn = "2025-12-31", amount = 100000m, stationIds = new[] { station } }, Ct);
        var id = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var version = await client.VersionOfAsync($"/api/contracts/{id}");
        return await client.PostAsJsonAsync($"/api/contracts/{id}/activate", new { version }, Ct);
    }

    [Fact]
    public async Task A_duplicate_ID_number_is_refused_without_a_reference_to_a_worker_outside_the_scope()
    {
        var (_, _, worker, idNumber, jinjiang) = await ArrangeAsync(2);
        var jinjiangAgency = await app.AgencyAsync("锦江重复身份证测试社工中心", CreditCodes.Make(420), "510104000000");
        var form = new { name = "赵六", idNumber, education = "Bachelor", certification = "None", agencyId = jinjiangAgency, hiredOn = "2024-07-01" };
        var outside = await jinjiang.PostAsJsonAsync("/api/social-workers", form, Ct);
        Assert.Equal(HttpStatusCode.Conflict, outside.StatusCode);
        Assert.DoesNotContain("编号", await outside.Content.ReadAsStringAsync(Ct));
        // Inside the scope: the worker's name and a link to the record, never its internal id in the words.
        var inside = await app.Client.PostAsJsonAsync("/api/social-workers", form, Ct);
        Assert.Equal(HttpStatusCode.Conflict, inside.StatusCode);
        var problem = await inside.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("测试社工", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("编号", problem.GetProperty("detail").GetString());
        Assert.Equal($"/workforce/social-workers/{worker}", problem.GetProperty("existing").GetString());
    }

    [Fact]
    public async Task Foreign_ids_outside_the_scope_are_refused_like_ids_that_do_not_exist()
    {
        var (agency, station, worker, _, jinjiang) = await ArrangeAsync(3);
        var county = await app.StationAsync("锦江区社工总站（外键测试）", StationLevel.CountyStation, "510104000000");
        var jinjiangAgency = await app.AgencyAsync("锦江外键测试社工中心", CreditCodes.Make(430), "510104000000");
        foreach (var (field, outside, missing) in Cases())
        {
            var refused = await jinjiang.PostAsJsonAsync(outside.Path, outside.Body, Ct);
            var absent = await jinjiang.PostAsJsonAsync(missing.Path, missing.Body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, absent.StatusCode);
            var refusedText = await refused.Content.ReadAsStringAsync(Ct);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _), refusedText);
            Assert.DoesNotContain("保密青羊", refusedText);
            // The same words as for an id that does not exist, the id aside.
            Assert.Equal(Words(await absent.Content.ReadAsStringAsync(Ct)), Words(refusedText));
        }

        IEnumerable<(string, (string Path, object Body), (string Path, object Body))> Cases()
        {
            object Account(string role, int? stationId, int? agencyId) => new
            {
                userName = "u" + Guid.NewGuid().ToString("N")[..12],
                password = "Good@Pass2022",
                displayName = "张三",
                role,
                regionCode = "510104000000",
                stationId,
                agencyId,
            };
            object Worker(int agencyId) => new { name = "钱七", idNumber = app.NewIdNumber("510104"), education = "Bachelor", certification = "None", agencyId, hiredOn = "2024-07-01" };
            object Training(int attendee) => new { organiserStationId = county, date = "2025-03-01", hours = 2, topic = "伦理", leader = "李", attendeeIds = new[] { attendee } };
            object Contract(int agencyId, int stationId) => new
            {
                title = "锦江外键测试合同",
                regionCode = "510104000000",
                agencyId,
                startsOn = "2025-01-01",
                endsOn = "2025-12-31",
                amount = 1000m,
                stationIds = new[] { stationId },
            };
            var jinjiangStation = county;
            yield return ("stationId", ("/api/accounts", Account("StationManager", station, null)), ("/api/accounts", Account("StationManager", 999_999, null)));
            yield return ("agencyId", ("/api/accounts", Account("AgencyManager", null, agency)), ("/api/accounts", Account("AgencyManager", null, 999_999)));
            yield return ("agencyId", ("/api/social-workers", Worker(agency)), ("/api/social-workers", Worker(999_999)));
            yield return ("attendeeIds", ("/api/trainings", Training(worker)), ("/api/trainings", Training(999_999)));
            yield return ("attendeeIds", ("/api/trainings", Training(0)), ("/api/trainings", Training(-1)));
            yield return ("agencyId", ("/api/contracts", Contract(agency, jinjiangStation)), ("/api/contracts", Contract(999_999, jinjiangStation)));
            yield return ("stationIds", ("/api/contracts", Contract(jinjiangAgency, station)), ("/api/contracts", Contract(jinjiangAgency, 999_999)));
        }
    }

    /// <summary>The message with ids taken out, so "no station has id 7" and "no station has id 999999" compare equal.</summary>
    private static string Words(string problem) =>
        System.Text.RegularExpressions.Regex.Replace(JsonDocument.Parse(problem).RootElement.GetProperty("errors").GetRawText(), @"-?\d+", "#");
}
