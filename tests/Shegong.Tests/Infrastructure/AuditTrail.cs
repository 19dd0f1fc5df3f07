using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shegong.Tests.Infrastructure;

/// <summary>One record's audit trail as a reader gets it: the changes of its first entry, and every cell of its export.</summary>
public static class AuditTrail
{
    /// <summary>Field → new value of the record's first ("created") entry, from the audit API.</summary>
    public static async Task<Dictionary<string, string?>> CreatedChangesAsync(HttpClient client, string entity, int id)
    {
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?entity={entity}&entityId={id}", TestContext.Current.CancellationToken);
        var created = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "Created");
        return created.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("new").GetString());
    }

    /// <summary>Every cell of the record's audit export, joined with "|".</summary>
    public static async Task<string> ExportCellsAsync(HttpClient client, string entity, int id)
    {
        var export = await client.GetAsync($"/api/audit/export?entity={entity}&entityId={id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return string.Join("|", MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()
            .SelectMany(r => r.Values).Select(v => v?.ToString()));
    }

    /// <summary>A birth date as the audit, a page or a spreadsheet could write it.</summary>
    public static string[] Spellings(DateOnly birth) =>
        [birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
         $"{birth.Year}年{birth.Month}月{birth.Day}日", birth.ToString("yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture)];
}
