using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.BadInput;

/// <summary>The bad values the hostile test stored or answered with a 500, one by one: each is now a 400 naming the field.</summary>
public partial class BadInputTests
{
    private object Station(object? level = null, object? status = null, string name = "坏值测试村社工室", object? openedOn = null,
        object? latitude = null, object? floorArea = null) => new
        {
            name,
            level = level ?? "VillageRoom",
            regionCode = app.Places[Web.Features.Accounts.AccountRole.CountyOfficer][Relation.Own].VillageCode,
            status,
            openedOn,
            latitude,
            longitude = latitude is null ? null : (object)100,
            floorArea,
        };

    [Theory]
    [InlineData("level", 99)]
    [InlineData("level", -1)]
    [InlineData("level", "99")]
    [InlineData("status", 99)]
    [InlineData("openedOn", "0001-01-01")]
    [InlineData("openedOn", "9999-12-31")]
    [InlineData("name", "站点\u0000名称")]
    [InlineData("name", "站点\u202E名称")]
    [InlineData("name", "站点\n名称")]
    [InlineData("latitude", 1e308)]
    [InlineData("floorArea", 1e20)]
    public async Task A_value_no_field_may_hold_is_a_400_naming_the_field_and_stores_nothing(string field, object value)
    {
        var body = JsonSerializer.SerializeToNode(Station(), Api.Json)!.AsObject();
        body[field] = JsonSerializer.SerializeToNode(value);
        var before = await CountAsync();
        var problem = await (await app.Client.PostJsonAsync("/api/stations", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldError(field));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("/api/stations?status=99", "status")]
    [InlineData("/api/stations?level=-1", "level")]
    [InlineData("/api/agencies?rating=99", "rating")]
    [InlineData("/api/agencies/export?status=7", "status")]
    [InlineData("/api/trainings?year=0", "year")]
    [InlineData("/api/supervisions?year=2147483647", "year")]
    [InlineData("/api/audit?to=9999-12-31", "to")]
    [InlineData("/api/stations?search=a%00b", "search")]
    public async Task A_list_filter_no_field_may_hold_is_a_400_naming_it(string url, string field)
    {
        var problem = await (await app.Client.GetUrlAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldError(field));
    }

    [Fact]
    public async Task Contract_targets_and_attendees_refuse_what_does_not_exist()
    {
        var (agency, worker, _, training) = app.Records[Relation.Own];
        var contract = await (await app.Client.PostJsonAsync("/api/contracts", new
        {
            title = "目标测试合同",
            regionCode = AccessApp.Jinjiang,
            agencyId = agency,
            startsOn = "2030-01-01",
            endsOn = "2030-12-31",
            amount = 1000,
            categoryTargets = new Dictionary<string, int> { ["99"] = 5 },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(contract.FieldError("categoryTargets"));
        foreach (var id in new[] { 0, -1 })
        {
            var session = await (await app.Client.PutJsonAsync($"/api/trainings/{training}", new
            {
                organiserStationId = app.StationIn[AccessApp.Jinjiang],
                date = "2024-03-01",
                hours = 4,
                topic = "个案工作",
                leader = "督导甲",
                attendeeIds = new[] { worker, id },
                version = await app.Client.VersionOfAsync($"/api/trainings/{training}"),
            })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(session.FieldError("attendeeIds"));
        }
    }

    [Fact]
    public async Task A_region_put_without_its_fields_is_a_400_and_keeps_the_flags()
    {
        var url = $"/api/regions/{AccessApp.Jinguanyi}";
        await (await app.Client.PutJsonAsync(url, new
        {
            urbanRuralCode = "111",
            isCentralTown = true,
            isRelocationSite = false,
            isGovernancePilot = true,
            residentPopulation = 45000,
            urbanResidentPopulation = 40000,
            version = await app.Client.VersionOfAsync(url),
        })).ReadAsync<JsonElement>();
        var problem = await (await app.Client.PutJsonAsync(url, new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
        var region = await (await app.Client.GetUrlAsync(url)).ReadAsync<JsonElement>();
        Assert.True(region.GetProperty("isCentralTown").GetBoolean());
        Assert.Equal(45000, region.GetProperty("residentPopulation").GetInt32());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_the_true_total()
    {
        var first = await (await app.Client.GetUrlAsync("/api/stations")).ReadAsync<JsonElement>();
        foreach (var page in new[] { 1000, int.MaxValue })
        {
            var far = await (await app.Client.GetUrlAsync($"/api/stations?page={page}")).ReadAsync<JsonElement>();
            Assert.Equal(0, far.GetProperty("items").GetArrayLength());
            Assert.Equal(first.GetProperty("total").GetInt32(), far.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task A_created_audit_entry_records_no_temporary_key()
    {
        var created = await (await app.Client.PostJsonAsync("/api/stations", Station(name: "审计键测试村社工室"))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var audit = await (await app.Client.GetUrlAsync("/api/audit?entity=StationStatusChange")).ReadAsync<JsonElement>();
        var entries = (await (await app.Client.GetUrlAsync($"/api/audit?entity=Station&entityId={id}")).ReadAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Concat(audit.GetProperty("items").EnumerateArray());
        var values = entries.SelectMany(e => e.GetProperty("changes").EnumerateArray())
            .Select(c => c.GetProperty("new").ValueKind == JsonValueKind.String ? c.GetProperty("new").GetString() : null).ToList();
        Assert.DoesNotContain(values, v => v is not null && v.StartsWith("-21474", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetProperty("entityId").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Exported_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe()
    {
        await (await app.Client.PostJsonAsync("/api/stations", Station(name: "=HYPERLINK(\"http://evil\",\"点我\")"))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var response = await app.Client.GetUrlAsync("/api/stations/export?search=HYPERLINK");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"点我\")", Assert.Single(rows)["站点名称"]);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return await db.Stations.CountAsync(TestContext.Current.CancellationToken) + await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken);
    }
}
