using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shegong.Web.Common;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>What an import changed: regions updated, and rows that named no change.</summary>
public sealed record RegionAttributeImportResult(int Updated, int Unchanged);

/// <summary>
/// Region attributes (population, urban–rural code, flags) from a CSV or Excel file, one region per row: every
/// row is checked first and the file is refused whole, with every problem by row and column, or saved whole in
/// one transaction (the write guard and the audit see each region changed). An empty cell leaves the attribute as
/// it was. A CSV in GB18030 (what Excel on a Chinese Windows writes) is read as readily as UTF-8.
/// </summary>
public sealed class RegionAttributeImport(ShegongDb db)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    private const int MaxProblemsShown = 30;

    /// <summary>The fields a file may set, by their API names, in the order the export writes them.</summary>
    public static readonly string[] Fields =
        ["code", "name", "residentPopulation", "urbanResidentPopulation", "urbanRuralCode", "isCentralTown", "isRelocationSite", "isGovernancePilot"];

    /// <summary>
    /// Column headers as the export writes them in either UI language, as the API names the fields, or as
    /// earlier exports named them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Columns = ColumnsByHeader();

    /// <summary>A field's column header in a language (the export's header, which the import reads back).</summary>
    public static string Header(string field, CultureInfo culture) =>
        NameText.ResourceManager.GetString($"Field_{char.ToUpperInvariant(field[0])}{field[1..]}", culture) ?? field;

    private static Dictionary<string, string> ColumnsByHeader()
    {
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["易地扶贫搬迁安置点"] = "isRelocationSite",
            ["城乡社区治理试点"] = "isGovernancePilot",
        };
        foreach (var field in Fields)
        {
            columns[field] = field;
            foreach (var culture in Components.UiSetup.Cultures)
            {
                columns[Header(field, culture)] = field;
            }
        }
        return columns;
    }

    public async Task<RegionAttributeImportResult> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync(content, fileName, cancellationToken);
        var codes = rows.Select(r => r.Values.GetValueOrDefault("code")?.Trim()).OfType<string>().Distinct().ToList();
        var regions = new Dictionary<string, Region>();
        foreach (var chunk in codes.Where(RegionCode.IsValid).Chunk(500))
        {
            foreach (var region in await db.Regions.Where(r => chunk.Contains(r.Code)).ToListAsync(cancellationToken))
            {
                regions[region.Code] = region;
            }
        }
        var problems = new List<string>();
        var changed = new HashSet<string>();
        var seen = new HashSet<string>();
        foreach (var row in rows)
        {
            var code = row.Values.GetValueOrDefault("code")?.Trim();
            // Outside the scope reads like a code that does not exist: the file must not probe other regions.
            if (code is null || !regions.TryGetValue(code, out var region) || !db.Scope.Contains(code))
            {
                problems.Add(Problems.Format(ProblemText.RegionImportRowUnknownCode, row.Number, code ?? ""));
                continue;
            }
            if (!seen.Add(code))
            {
                problems.Add(Problems.Format(ProblemText.RegionImportRowRepeated, row.Number, code));
                continue;
            }
            var before = (region.ResidentPopulation, region.UrbanResidentPopulation, region.UrbanRuralCode, region.IsCentralTown, region.IsRelocationSite, region.IsGovernancePilot);
            row.Apply(region, problems);
            if (before != (region.ResidentPopulation, region.UrbanResidentPopulation, region.UrbanRuralCode, region.IsCentralTown, region.IsRelocationSite, region.IsGovernancePilot))
            {
                changed.Add(code);
            }
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            var shown = problems.Take(MaxProblemsShown).ToList();
            if (problems.Count > MaxProblemsShown)
            {
                shown.Add(Problems.Format(ProblemText.RegionImportMoreProblems, problems.Count - MaxProblemsShown));
            }
            throw RequestProblem.Invalid(new Dictionary<string, string[]> { ["file"] = [.. shown] });
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RegionAttributeImportResult(changed.Count, rows.Count - changed.Count);
    }

    private static async Task<List<RegionAttributeRow>> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw RequestProblem.Invalid("file", ProblemText.RegionImportFileType);
        }
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer, cancellationToken);
        buffer.Position = 0;
        IEnumerable<dynamic> raw;
        try
        {
            raw = extension == ".csv"
                ? MiniExcel.Query(new MemoryStream(Encoding.UTF8.GetBytes(Decode(buffer.ToArray()))), useHeaderRow: true, excelType: ExcelType.CSV).ToList()
                : MiniExcel.Query(buffer, useHeaderRow: true, excelType: ExcelType.XLSX).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or InvalidOperationException or ArgumentException
                                       or System.Xml.XmlException or NotSupportedException)
        {
            throw RequestProblem.Invalid("file", ProblemText.RegionImportUnreadable);
        }
        var rows = raw.Select((r, i) => RegionAttributeRow.From((IDictionary<string, object?>)r, i + 2)).Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0 || rows.All(r => !r.Values.ContainsKey("code")))
        {
            throw RequestProblem.Invalid("file", ProblemText.RegionImportNoRows);
        }
        return rows;
    }

    private static async Task CopyLimitedAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (to.Length + read > MaxBytes)
            {
                throw RequestProblem.Invalid("file", ProblemText.RegionImportTooLarge);
            }
            await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, else GB18030.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
