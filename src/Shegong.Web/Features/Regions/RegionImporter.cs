using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>What an import did: regions added, renamed, and left as they were.</summary>
public sealed record RegionImportResult(int Added, int Renamed, int Unchanged)
{
    public override string ToString() => $"added {Added}, renamed {Renamed}, unchanged {Unchanged}";
}

/// <summary>
/// Loads divisions from the CSV shape of the <c>china-division</c> package (provinces.csv,
/// cities.csv, areas.csv, streets.csv, villages.csv; first column the code, second the name).
/// Idempotent: codes already present are only renamed when the name changed.
/// </summary>
public sealed class RegionImporter(ShegongDb db, ILogger<RegionImporter> logger)
{
    // Parents before children, so every foreign key finds its row.
    private static readonly string[] Files = ["provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"];

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "data", "regions");

    public async Task<RegionImportResult> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Region folder not found: {folder}");
        }
        var existing = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        int added = 0, renamed = 0, unchanged = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                continue;
            }
            var batch = new List<Region>();
            foreach (var (shortCode, name) in ReadRows(path))
            {
                var code = RegionCode.Pad(shortCode);
                if (RegionCode.Problem(code) is { } problem)
                {
                    throw new InvalidDataException($"{file}: {problem}");
                }
                if (!existing.TryGetValue(code, out var oldName))
                {
                    batch.Add(Region.FromCode(code, name));
                    existing[code] = name;
                    added++;
                }
                else if (oldName != name)
                {
                    await db.RequireSystem("region rename").Regions.Where(r => r.Code == code)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, name), cancellationToken);
                    existing[code] = name;
                    renamed++;
                }
                else
                {
                    unchanged++;
                }
            }
            db.Regions.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var result = new RegionImportResult(added, renamed, unchanged);
        logger.LogInformation("Regions imported from {Folder}: {Result}", folder, result);
        return result;
    }

    /// <summary>Code and name of each data row; names may be quoted.</summary>
    internal static IEnumerable<(string Code, string Name)> ReadRows(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var fields = SplitCsv(line);
            yield return (fields[0].Trim(), fields[1].Trim());
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
