using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Tests.Exports;

/// <summary>
/// An export speaks one language, the request's, in the words of its page: headers, entities, actions,
/// enumeration values and audit changes in words (zh-CN by default, English for an English caller), never a
/// code name ("SocialWorker", "Created", "Planned") and never the other language.
/// </summary>
public partial class ExportLanguageTests(DemoApp app) : IClassFixture<DemoApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    private static readonly SemaphoreSlim Arranging = new(1, 1);
    private static (int Station, int Worker)? arranged;

    private int station;
    private int worker;

    /// <summary>A station created, renamed and moved from planned to under construction, and a social worker created: one audit trail each.</summary>
    public async ValueTask InitializeAsync()
    {
        await Arranging.WaitAsync(Ct);
        try
        {
            arranged ??= await ArrangeAsync();
            (station, worker) = arranged.Value;
        }
        finally
        {
            Arranging.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(int, int)> ArrangeAsync()
    {
        // A village room: the demo's townships each have their station already, and village rooms may share a village.
        string village;
        await using (var db = app.OpenDb())
        {
            village = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("510104")).Select(r => r.Code).FirstAsync(Ct);
        }
        var created = await app.Client.PostAsJsonAsync("/api/stations",
            new { name = "语言测试站", level = "VillageRoom", regionCode = village, status = "Planned" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetInt32();
        var edited = await app.Client.PutAsJsonAsync($"/api/stations/{id}", new
        {
            name = "语言测试站（改）",
            level = "VillageRoom",
            regionCode = village,
            buildPath = "CivilAffairsFacility",
            version = body.GetProperty("version").GetUInt32(),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var version = (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/stations/{id}/status", new { status = "UnderConstruction", version }, Ct)).StatusCode);

        var agencies = await app.Client.GetFromJsonAsync<JsonElement>($"/api/agencies?region={DemoAccounts.County}&pageSize=1", Ct);
        var agency = agencies.GetProperty("items")[0].GetProperty("id").GetInt32();
        const string first17 = "51010419940512071";
        var hired = await app.Client.PostAsJsonAsync("/api/social-workers", new
        {
            name = "语言测试社工",
            idNumber = first17 + CitizenId.CheckCharacterOf(first17),
            education = "Bachelor",
            certification = "Assistant",
            certificateNumber = "LANG0001",
            certificateYear = 2022,
            agencyId = agency,
            hiredOn = "2024-03-01",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, hired.StatusCode);
        await app.CreateAccountAsync("lang-export-county", AccountRole.CountyOfficer, DemoAccounts.County);
        await app.CreateAccountAsync("lang-export-viewer", AccountRole.Viewer, DemoAccounts.County);
        return (id, (await hired.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32());
    }

    private async Task<List<IDictionary<string, object?>>> ExportAsync(string url, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    private static string Cells(IEnumerable<IDictionary<string, object?>> rows) =>
        string.Join("|", rows.SelectMany(r => r.Keys.Concat(r.Values.Select(v => v?.ToString() ?? ""))));

    /// <summary>Code names a file must never show: the members of the enumerations these exports write, and the entity names.</summary>
    private static readonly string[] CodeNames =
    [
        .. Enum.GetNames<AuditAction>(), .. Enum.GetNames<StationStatus>(), .. Enum.GetNames<StationLevel>(), .. Enum.GetNames<BuildPath>(),
        .. Enum.GetNames<CertificationLevel>(), .. Enum.GetNames<Education>(), .. Enum.GetNames<AccountRole>(), "Station", "SocialWorker",
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task The_audit_export_in_Chinese_names_entities_actions_and_changes_as_the_audit_page_does(string? language)
    {
        var rows = await ExportAsync($"/api/audit/export?entity=Station&entityId={station}", language);

        Assert.Equal(["时间(UTC)", "操作人", "来源地址", "对象", "编号", "操作", "区划代码", "变更内容"], rows[0].Keys.Skip(1));
        Assert.Equal(["状态变更", "修改", "新增"], rows.Select(r => r["操作"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("社工站点", r["对象"]));
        Assert.StartsWith("状态：规划中 → 建设中；站点状态变更 · 原状态：（空） → 规划中", rows[0]["变更内容"]?.ToString());
        Assert.Contains("站点名称：语言测试站 → 语言测试站（改）", rows[1]["变更内容"]?.ToString());
        Assert.Contains("建设途径：（空） → 依托民政服务设施", rows[1]["变更内容"]?.ToString());
        Assert.Contains("站点名称：语言测试站", rows[2]["变更内容"]?.ToString());
        var workerRows = await ExportAsync($"/api/audit/export?entity=SocialWorker&entityId={worker}", language);
        Assert.Equal("社工", Assert.Single(workerRows)["对象"]);
        Assert.Contains("助理社会工作师", workerRows[0]["变更内容"]?.ToString());
        Assert.Contains("本科", workerRows[0]["变更内容"]?.ToString());

        var text = Cells(rows.Concat(workerRows));
        Assert.All(CodeNames, code => Assert.DoesNotContain(code, text));
    }

    [Fact]
    public async Task The_audit_export_in_English_has_English_headers_and_words()
    {
        var rows = await ExportAsync($"/api/audit/export?entity=Station&entityId={station}", "en");

        Assert.Equal(["Entry id", "Time (UTC)", "User", "From", "Entity", "Id", "Action", "Region code", "Changes"], rows[0].Keys);
        Assert.Equal(["Status changed", "Updated", "Created"], rows.Select(r => r["Action"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("Station", r["Entity"]));
        Assert.StartsWith("Status: Planned → Under construction; Station status change · From status: (empty) → Planned", rows[0]["Changes"]?.ToString());
        Assert.Contains("Build path: (empty) → Civil-affairs facility", rows[1]["Changes"]?.ToString());
        var workerRows = await ExportAsync($"/api/audit/export?entity=SocialWorker&entityId={worker}", "en");
        Assert.Equal("Social worker", Assert.Single(workerRows)["Entity"]);
        Assert.Contains("Assistant social worker", workerRows[0]["Changes"]?.ToString());
        Assert.DoesNotContain(workerRows.Concat(rows), r => Chinese().IsMatch(string.Join("", r.Keys)) || Chinese().IsMatch($"{r["Entity"]}{r["Action"]}"));
        // Only the names people gave (the station's, the worker's) are in Chinese, nothing the system wrote.
        var changes = string.Join("|", rows.Concat(workerRows).Select(r => r["Changes"]?.ToString()));
        Assert.DoesNotMatch(Chinese(), changes.Replace("语言测试站（改）", "").Replace("语言测试站", "").Replace("语言测试社工", ""));
    }

    [Theory]
    [InlineData(null, "角色", new[] { "县级民政干部", "查看员" }, "状态", "正常")]
    [InlineData("en", "Role", new[] { "County officer", "Viewer" }, "Status", "Active")]
    public async Task The_account_export_names_roles_and_status_in_the_request_language(string? language, string roleHeader, string[] roles,
        string statusHeader, string active)
    {
        var rows = await ExportAsync("/api/accounts/export?search=lang-export&sort=userName", language);

        Assert.Equal(roles, rows.Select(r => r[roleHeader]?.ToString()));
        Assert.All(rows, r => Assert.Equal(active, r[statusHeader]));
        if (language is null)
        {
            var text = Cells(rows).Replace("lang-export-county", "").Replace("lang-export-viewer", "");
            Assert.All(Enum.GetNames<AccountRole>(), code => Assert.DoesNotContain(code, text));
        }
        else
        {
            Assert.All(rows, r => Assert.DoesNotMatch(Chinese(), string.Join("|", r.Keys) + r[roleHeader] + r[statusHeader]));
        }
    }

    /// <summary>A list's export: its route, the filter that keeps it small, the headers the page shows in English and its columns of words.</summary>
    public static TheoryData<string, string, string[], string[]> Lists => new()
    {
        { "/api/stations/export", $"region={DemoAccounts.County}", ["Name", "Level", "Status", "Region", "Opened on", "Build path"], ["Level", "Status", "Build path"] },
        { "/api/residents/export", $"region={DemoAccounts.County}", ["Name", "Sex", "Age", "ID number", "Vulnerable groups", "Consent"], ["Sex", "Vulnerable groups", "Consent"] },
        { "/api/service-records/export", $"region={DemoAccounts.County}&{LatestDay}", ["Date", "Station", "Category", "Method", "Channel", "Source"], ["Category", "Method", "Channel", "Source"] },
        { "/api/cases/export", $"region={DemoAccounts.County}", ["Resident", "Station", "Social worker", "Stage", "Opened on"], ["Stage"] },
    };

    /// <summary>Service records are many: one day's of them, the county's latest.</summary>
    private const string LatestDay = "{day}";

    private async Task<string> ResolveAsync(string query)
    {
        if (!query.Contains(LatestDay, StringComparison.Ordinal))
        {
            return query;
        }
        var latest = await app.Client.GetFromJsonAsync<JsonElement>($"/api/service-records?region={DemoAccounts.County}&sort=-servedOn&pageSize=1", Ct);
        var day = latest.GetProperty("items")[0].GetProperty("servedOn").GetString();
        return query.Replace(LatestDay, $"from={day}&to={day}", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_export_in_English_has_the_pages_English_headers_and_no_Chinese_words(string route, string query, string[] headers,
        string[] wordColumns)
    {
        var rows = await ExportAsync($"{route}?{await ResolveAsync(query)}", "en");

        Assert.All(headers, h => Assert.Contains(h, rows[0].Keys));
        Assert.All(rows[0].Keys, h => Assert.DoesNotMatch(Chinese(), h));
        var words = rows.SelectMany(r => wordColumns.Select(c => r[c]?.ToString() ?? "")).ToList();
        Assert.Contains(words, w => w.Length > 0);
        Assert.All(words, w => Assert.DoesNotMatch(Chinese(), w));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_export_in_Chinese_writes_its_words_in_Chinese(string route, string query, string[] headers, string[] wordColumns)
    {
        query = await ResolveAsync(query);
        var english = await ExportAsync($"{route}?{query}", "en");
        var rows = await ExportAsync($"{route}?{query}", null);

        Assert.Equal(english[0].Keys.Count, rows[0].Keys.Count);
        Assert.DoesNotContain(rows[0].Keys, h => headers.Contains(h));
        var columns = english[0].Keys.Zip(rows[0].Keys).Where(p => wordColumns.Contains(p.First)).Select(p => p.Second).ToList();
        var words = rows.SelectMany(r => columns.Select(c => r[c]?.ToString() ?? "")).ToList();
        Assert.Contains(words, w => w.Length > 0);
        Assert.All(words, w => Assert.DoesNotMatch(Latin(), w));
    }

    [Fact]
    public async Task A_pages_export_link_carries_the_pages_language_over_the_browsers()
    {
        var rows = await ExportAsync($"/api/stations/export?region={DemoAccounts.County}&ui-culture=en", "zh-CN,zh;q=0.9");
        Assert.Contains("Build path", rows[0].Keys);

        rows = await ExportAsync($"/api/stations/export?region={DemoAccounts.County}&ui-culture=zh-CN", "en");
        Assert.Contains("建设途径", rows[0].Keys);
    }
}
