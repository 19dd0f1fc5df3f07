using Shegong.Web.Common.Access;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Access;

/// <summary>
/// The permission table as docs/architecture.md shows it, between the markers: one row per entity
/// (with the parts saved with it), one column per role, a letter per action.
/// </summary>
public static class PermissionTableMarkdown
{
    public const string Start = "<!-- permission-table: generated from AccessTable, checked by PermissionTableTests -->";
    public const string End = "<!-- /permission-table -->";

    private static readonly Dictionary<AccessAction, char> Letters = new()
    {
        [AccessAction.Read] = 'R',
        [AccessAction.Create] = 'C',
        [AccessAction.Update] = 'U',
        [AccessAction.StatusChange] = 'S',
        [AccessAction.Delete] = 'D',
        [AccessAction.Reveal] = 'V',
        [AccessAction.Export] = 'E',
    };

    public static string ArchitecturePath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Shegong.slnx")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("no Shegong.slnx above the tests"), "docs", "architecture.md");
    }

    /// <summary>Every fact of a table: "Station: StationManager may Create", "Station has part StationStatusChange".</summary>
    public static HashSet<string> Grants(IEnumerable<EntityRights> entities) =>
    [
        .. entities.SelectMany(e => e.Parts.Select(p => $"{e.Entity.Name} has part {NameOf(p)}")
            .Concat(from role in Enum.GetValues<AccountRole>()
                    from action in Enum.GetValues<AccessAction>()
                    where e.Allows(role, action)
                    select $"{e.Entity.Name}: {role} may {action}")),
    ];

    /// <summary>A type's name without the generic arity (IdentityUserClaim, not IdentityUserClaim`1).</summary>
    private static string NameOf(Type type) => type.Name.Split('`')[0];

    public static HashSet<string> Parse(string markdown)
    {
        var from = markdown.IndexOf(Start, StringComparison.Ordinal);
        var to = markdown.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/architecture.md has no section between {Start} and {End}");
        var rows = markdown[(from + Start.Length)..to].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray()).ToList();
        var roles = rows[0].Skip(2).Select(Enum.Parse<AccountRole>).ToList();
        var grants = new HashSet<string>();
        foreach (var row in rows.Skip(2))
        {
            foreach (var part in row[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p != "—"))
            {
                grants.Add($"{row[0]} has part {part.Trim('`')}");
            }
            for (var i = 0; i < roles.Count; i++)
            {
                foreach (var letter in row[i + 2].Where(char.IsLetter))
                {
                    grants.Add($"{row[0]}: {roles[i]} may {Letters.Single(l => l.Value == letter).Key}");
                }
            }
        }
        return grants;
    }

    public static string Render(IEnumerable<EntityRights> entities)
    {
        var roles = Enum.GetValues<AccountRole>();
        var lines = new List<string>
        {
            Start,
            $"| Entity | Saved with it | {string.Join(" | ", roles)} |",
            $"|---|---|{string.Concat(roles.Select(_ => "---|"))}",
        };
        foreach (var e in entities)
        {
            var parts = e.Parts.Count == 0 ? "—" : string.Join(", ", e.Parts.Select(p => $"`{NameOf(p)}`"));
            var cells = roles.Select(r => string.Concat(Enum.GetValues<AccessAction>().Where(a => e.Allows(r, a)).Select(a => Letters[a])) is { Length: > 0 } s ? s : "—");
            lines.Add($"| `{e.Entity.Name}` | {parts} | {string.Join(" | ", cells)} |");
        }
        lines.Add(End);
        return string.Join("\n", lines);
    }
}
