using MiniExcelLibs;

namespace Shegong.Web.Common;

/// <summary>Writes rows to an .xlsx file with Chinese column headers, for every list's export button.</summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] ToXlsx<T>(IEnumerable<T> rows, params (string Header, Func<T, object?> Value)[] columns)
    {
        var sheet = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>();
            foreach (var (header, value) in columns)
            {
                line[header] = value(row);
            }
            return line;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);
        return stream.ToArray();
    }

    /// <summary>A file name with the date, safe for Content-Disposition in every browser.</summary>
    public static string FileName(string stem, DateTimeOffset now) => $"{stem}-{now:yyyyMMdd-HHmm}.xlsx";
}
