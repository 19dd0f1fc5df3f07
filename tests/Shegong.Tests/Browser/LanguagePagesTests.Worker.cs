using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Playwright;
using Shegong.Web.Data;
using Shegong.Web.Features.Demo;

namespace Shegong.Tests.Browser;

/// <summary>
/// The same check for a resident social worker's day: residents, cases, service records, assessments and service
/// requests, whose pages the province administrator's walk does not reach with the records a worker has.
/// </summary>
public sealed partial class LanguagePagesTests
{
    private const string Worker = "demo-worker";

    /// <summary>The feature folders whose records a worker types: what they hold is a proper name in either language.</summary>
    private static readonly string[] WorkerFeatures = ["Residents", "Casework", "ServiceRecords", "Assessments", "Requests", "GroupWork"];

    private async Task<List<string>> WorkerPagesAsync()
    {
        await using var db = app.OpenDb();
        var station = await db.Users.Where(u => u.UserName == Worker).Select(u => u.StationId).SingleAsync(Ct);
        var @case = await db.Set<Shegong.Web.Features.Casework.Case>().Where(c => c.StationId == station).OrderBy(c => c.Id).Select(c => new { c.Id, c.ResidentId }).FirstAsync(Ct);
        var record = await db.ServiceRecords.Where(r => r.StationId == station).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(Ct);
        var assessment = await db.Set<Shegong.Web.Features.Assessments.NeedsAssessment>().Where(a => a.StationId == station).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var request = await db.ServiceRequests.Where(r => r.StationId == station).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Ct);
        return ["/today", "/residents", "/residents/new", $"/residents/{@case.ResidentId}", $"/residents/{@case.ResidentId}/edit",
            "/cases", "/cases/new", $"/cases/{@case.Id}", "/cases/referrals",
            "/service-records", "/service-records/new", $"/service-records/{record}/edit",
            "/assessments", "/assessments/new", $"/assessments/{assessment}", $"/assessments/{assessment}/edit",
            "/service-requests", $"/service-requests/{request}", "/requests/new", "/groups", "/groups/new"];
    }

    [Fact]
    public async Task A_workers_Chinese_pages_show_no_code_names_or_English_words()
    {
        var paths = await WorkerPagesAsync();
        await using var db = app.OpenDb();
        var allowed = LatinAllowed.Concat(await TypedTextAsync(db, LatinWord())).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var page = await app.NewPageAsync(Worker, DemoAccounts.Password);
        var failures = await LatinWordsAsync(page, paths, allowed);
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, "Latin text on a worker's Chinese pages:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_workers_English_pages_show_no_Chinese_apart_from_what_people_typed()
    {
        var paths = await WorkerPagesAsync();
        await using var db = app.OpenDb();
        var proper = (await TypedTextAsync(db, ChineseRun())).ToHashSet();
        proper.UnionWith((await db.Regions.Select(r => r.Name).ToListAsync(Ct)).SelectMany(n => ChineseRun().Matches(n).Select(m => m.Value)));
        proper.UnionWith((await db.Stations.Select(s => s.Name).ToListAsync(Ct)).SelectMany(n => ChineseRun().Matches(n).Select(m => m.Value)));
        proper.UnionWith((await db.SocialWorkers.Select(w => w.Name).ToListAsync(Ct)).SelectMany(n => ChineseRun().Matches(n).Select(m => m.Value)));
        proper.UnionWith((await db.Users.Select(u => u.DisplayName).ToListAsync(Ct)).SelectMany(n => ChineseRun().Matches(n).Select(m => m.Value)));

        var page = await app.NewPageAsync(Worker, DemoAccounts.Password);
        await page.GotoAsync("/culture/en?redirectUri=/");
        var failures = await ChineseRunsAsync(page, paths, proper);
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, "Chinese text on a worker's English pages:\n" + string.Join("\n", failures));
    }

    /// <summary>Per page, the whole Latin words it shows that are not allowed (codes mix letters and digits: only whole words count).</summary>
    private static async Task<List<string>> LatinWordsAsync(IPage page, IEnumerable<string> paths, IReadOnlySet<string> allowed)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            var text = await TextOfAsync(page, path);
            var words = Regex.Split(text, @"[^A-Za-z0-9_\-]+").Where(t => t.Length > 0 && !t.Any(char.IsDigit))
                .SelectMany(t => LatinWord().Matches(t).Select(m => m.Value)).Where(w => !allowed.Contains(w)).Distinct().ToList();
            words = await StillShownAsync(page, words);
            if (words.Count > 0)
            {
                failures.Add($"{path}: {string.Join(", ", words)}");
            }
        }
        return failures;
    }

    /// <summary>Per page, the runs of Chinese that no proper name holds, each with what surrounds it so a failure says where it is.</summary>
    private static async Task<List<string>> ChineseRunsAsync(IPage page, IEnumerable<string> paths, IReadOnlySet<string> proper)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            var text = await TextOfAsync(page, path);
            var runs = ChineseRun().Matches(text).Select(m => m.Value)
                .Where(run => !proper.Contains(run) && !proper.Any(p => p.Contains(run, StringComparison.Ordinal))).Distinct().ToList();
            if (runs.Count > 0)
            {
                failures.Add($"{path}: {string.Join(", ", runs.Take(15).Select(r => Around(text, r)))}");
            }
        }
        return failures;
    }

    /// <summary>
    /// The runs of <paramref name="pattern"/> in every text column of the records a worker keeps (<see cref="WorkerFeatures"/>):
    /// names, needs, notes, contents. Read from the model, so a field added later is covered without a change here.
    /// </summary>
    private static async Task<HashSet<string>> TypedTextAsync(ShegongDb db, Regex pattern)
    {
        var runs = new HashSet<string>();
        var columns = db.Model.GetEntityTypes()
            .Where(t => WorkerFeatures.Any(f => t.ClrType.Namespace?.EndsWith(".Features." + f, StringComparison.Ordinal) == true) && t.GetTableName() is not null)
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && !p.Name.EndsWith("Cipher", StringComparison.Ordinal)
                    && !p.Name.EndsWith("Hash", StringComparison.Ordinal))
                .Select(p => (Table: t.GetTableName()!, Column: p.GetColumnName(StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema()))!)));
        foreach (var (table, column) in columns.Distinct())
        {
            // Table and column names come from the app's own model, not from input.
            var sql = "SELECT DISTINCT \"" + column + "\" AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" IS NOT NULL";
            var values = await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct);
            runs.UnionWith(values.SelectMany(v => pattern.Matches(v).Select(m => m.Value)));
        }
        return runs;
    }

    private static string Around(string text, string run)
    {
        var at = text.IndexOf(run, StringComparison.Ordinal);
        var from = Math.Max(0, at - 20);
        return "…" + text[from..Math.Min(text.Length, at + run.Length + 20)].ReplaceLineEndings(" ") + "…";
    }
}
