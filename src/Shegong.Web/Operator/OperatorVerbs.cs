using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Statistics;

namespace Shegong.Web.Operator;

/// <summary>
/// Verbs for operators on the same executable: <c>migrate</c>, <c>seed demo</c>,
/// <c>import regions &lt;folder&gt;</c>, <c>keys generate</c>, <c>keys rotate</c>,
/// <c>statistics verify [--repair]</c>. Leading words are the verb; <c>--key value</c> options
/// after them are configuration as usual.
/// </summary>
public sealed class OperatorVerbs(IReadOnlyList<string> words)
{
    public const string Usage = "usage: Shegong.Web [migrate | seed demo | import regions <folder> | keys generate | keys rotate | statistics verify [--repair]] [--Database:Provider Postgres ...]";

    private static readonly string[] VerbSwitches = ["--repair"];

    public IReadOnlyList<string> Words { get; } = words;

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Splits command-line arguments into the verb words and the configuration options.</summary>
    public static (OperatorVerbs Verbs, string[] Options) Parse(string[] args)
    {
        // A verb's own switches (--repair) are words, not configuration: `--repair --Database:Provider Postgres` must not read as a key and value.
        var rest = args.Where(a => !VerbSwitches.Contains(a)).ToList();
        var words = rest.TakeWhile(a => !a.StartsWith('-')).ToList();
        var options = rest.Skip(words.Count).ToArray();
        words.AddRange(args.Where(VerbSwitches.Contains));
        return (new OperatorVerbs(words), options);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (Words is ["keys", "generate"])
        {
            return KeyVerbs.Generate(Console.Out);
        }
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<ShegongDb>();
        // Operator verbs are system work, named after the verb in the audit (system:keys-rotate); the bulk loads of the schema,
        // the shipped regions and the demo are not audited (see DatabaseInitializer).
        var bulk = Words is ["migrate"] or ["seed", "demo"] or ["import", "regions", ..];
        provider.GetRequiredService<RegionScope>().EnterSystem(string.Join('-', Words.Take(2)) is { Length: > 0 } task ? task : "operator", audited: !bulk);
        switch (Words)
        {
            case ["migrate"]:
                await DatabaseSetup.MigrateAsync(db);
                Console.WriteLine("Database migrated.");
                return 0;
            case ["seed", "demo"]:
                await DatabaseSetup.MigrateAsync(db);
                if (!await db.Regions.AnyAsync())
                {
                    // The demo places its stations in the real divisions: say what to do rather than fail with a stack trace.
                    await Console.Error.WriteLineAsync("No regions are loaded: run `import regions <folder>` (or start the app once) before `seed demo`.");
                    return 1;
                }
                var seeded = await provider.GetRequiredService<DemoSeeder>().SeedAsync();
                if (seeded)
                {
                    await DemoAccounts.SeedAsync(db, provider.GetRequiredService<UserManager<Account>>());
                    // The demo's records are bulk-inserted around the summary's maintainer: sum them now.
                    await provider.GetRequiredService<SummaryVerifier>().SyncAsync();
                }
                Console.WriteLine(seeded ? "Demo data seeded." : "The database holds real data (stations, agencies or accounts); demo data not seeded.");
                return 0;
            case ["import", "regions", var folder]:
                await DatabaseSetup.MigrateAsync(db);
                var result = await provider.GetRequiredService<RegionImporter>().ImportAsync(folder);
                Console.WriteLine($"Regions imported: {result}.");
                return 0;
            case ["keys", "rotate"]:
                await DatabaseSetup.MigrateAsync(db);
                return await KeyVerbs.RotateAsync(provider, Console.Out);
            case ["statistics", "verify", ..] when Words.Skip(2).All(VerbSwitches.Contains):
                await DatabaseSetup.MigrateAsync(db);
                return await StatisticsVerbs.VerifyAsync(provider.GetRequiredService<SummaryVerifier>(), repair: Words.Contains("--repair"), Console.Out);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
