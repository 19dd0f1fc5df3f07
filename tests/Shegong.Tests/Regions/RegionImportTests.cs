using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Regions;

/// <summary>Region attributes imported from a file: all rows or none, every problem by row and column, inside the importer's scope.</summary>
public class RegionImportTests(AccessApp app) : IClassFixture<AccessApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/regions/attributes/import", form, Ct);
    }

    private async Task<List<string>> TownshipsAsync(string county)
    {
        await using var db = app.OpenDb();
        return await db.Regions.Where(r => r.ParentCode == county).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(Ct);
    }

    private async Task<(int? Resident, int? Urban, bool Central)> AttributesAsync(string code)
    {
        await using var db = app.OpenDb();
        var r = await db.Regions.SingleAsync(r => r.Code == code, Ct);
        return (r.ResidentPopulation, r.UrbanResidentPopulation, r.IsCentralTown);
    }

    [Fact]
    public async Task A_county_imports_its_townships_populations_from_a_csv_in_utf8_or_gb18030()
    {
        var townships = await TownshipsAsync(AccessApp.Jinjiang);
        var county = app.Clients[AccountRole.CountyOfficer];
        var csv = "区划代码,常住人口,城镇常住人口,中心镇\n" + string.Join("\n", townships.Select((t, i) => $"{t},{50_000 + i},{40_000 + i},否"));
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var result = await (await UploadAsync(county, utf8, "锦江区.csv")).ReadAsync<JsonElement>();
        Assert.Equal(townships.Count, result.GetProperty("updated").GetInt32());
        Assert.Equal((50_000, 40_000, false), await AttributesAsync(townships[0]));

        // Excel on a Chinese Windows saves CSV in GB18030; an empty cell leaves the value as it was.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes($"区划代码,名称,常住人口,城镇常住人口,中心镇\n{townships[0]},锦官驿街道,60000,,是");
        result = await (await UploadAsync(county, gb, "gb.csv")).ReadAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal((60_000, 40_000, true), await AttributesAsync(townships[0]));
    }

    [Fact]
    public async Task A_file_with_any_bad_row_is_refused_whole_naming_each_row_and_column()
    {
        var mine = await TownshipsAsync(AccessApp.Jinjiang);
        var theirs = (await TownshipsAsync(AccessApp.Qingyang))[0];
        var before = await AttributesAsync(mine[1]);
        var csv = $"区划代码,常住人口,城镇常住人口,中心镇\n{mine[1]},70000,1000,否\n{mine[2]},1000,2000,否\n{theirs},1000,500,否\n{mine[1]},1,1,否\n{mine[3]},很多,,也许";
        var problem = await (await UploadAsync(app.Clients[AccountRole.CountyOfficer], Encoding.UTF8.GetBytes(csv), "bad.csv")).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("第3行", StringComparison.Ordinal) && e.Contains("城镇常住人口"));
        // Another county's township reads as no such region, as everywhere.
        Assert.Contains(errors, e => e.StartsWith("第4行", StringComparison.Ordinal) && e.Contains(theirs));
        Assert.Contains(errors, e => e.StartsWith("第5行", StringComparison.Ordinal) && e.Contains("重复"));
        Assert.Contains(errors, e => e.StartsWith("第6行", StringComparison.Ordinal) && e.Contains("常住人口"));
        Assert.Contains(errors, e => e.StartsWith("第6行", StringComparison.Ordinal) && e.Contains("中心镇"));
        Assert.Equal(before, await AttributesAsync(mine[1]));

        Assert.Contains(".xlsx", (await (await UploadAsync(app.Client, [1, 2, 3], "x.txt")).ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"));
        Assert.Contains("无法读取", (await (await UploadAsync(app.Client, [1, 2, 3], "x.xlsx")).ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"));
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(app.Clients[AccountRole.Viewer], Encoding.UTF8.GetBytes(csv), "v.csv")).StatusCode);
    }

    [Fact]
    public async Task The_exported_workbook_imports_back_unchanged()
    {
        var county = app.Clients[AccountRole.CountyOfficer];
        var export = await county.GetUrlAsync("/api/regions/attributes/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var result = await (await UploadAsync(county, bytes, "regions.xlsx")).ReadAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        // The county, and each of its townships.
        Assert.Equal((await TownshipsAsync(AccessApp.Jinjiang)).Count + 1, result.GetProperty("unchanged").GetInt32());
    }
}
