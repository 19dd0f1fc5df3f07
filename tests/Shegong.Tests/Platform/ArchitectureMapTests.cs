using Shegong.Tests.Access;

namespace Shegong.Tests.Platform;

/// <summary>docs/architecture.md's map names every folder of the web app, so a new feature cannot slip in unmapped.</summary>
public class ArchitectureMapTests
{
    [Fact]
    public void The_map_names_every_folder_of_the_web_app()
    {
        var document = PermissionTableMarkdown.ArchitecturePath();
        var map = File.ReadAllText(document);
        var source = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(document))!, "src", "Shegong.Web");
        var ignored = new[] { "bin", "obj", "data" };
        var folders = Directory.GetDirectories(source)
            .Where(top => !ignored.Contains(Path.GetFileName(top)))
            .SelectMany(top => Path.GetFileName(top) is "Features" or "Common" or "Components" or "Data"
                ? Directory.GetDirectories(top).Select(sub => $"{Path.GetFileName(top)}/{Path.GetFileName(sub)}")
                : [Path.GetFileName(top)])
            .Where(folder => !folder.EndsWith("/bin", StringComparison.Ordinal))
            .ToList();

        var unmapped = folders.Where(folder => !map.Contains($"`{folder}", StringComparison.Ordinal)
            && !map.Contains($"`{folder.Split('/').Last()}/`", StringComparison.Ordinal)).ToList();

        Assert.True(unmapped.Count == 0, "docs/architecture.md's map does not name: " + string.Join(", ", unmapped));
    }
}
