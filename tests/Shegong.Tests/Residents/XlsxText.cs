namespace Shegong.Tests.Residents;

/// <summary>The cells of an exported workbook as one text, for "contains" checks.</summary>
public static class XlsxText
{
    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return string.Join("|", MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()
            .SelectMany(r => r.Keys.Concat(r.Values.Select(v => v?.ToString() ?? ""))));
    }
}
