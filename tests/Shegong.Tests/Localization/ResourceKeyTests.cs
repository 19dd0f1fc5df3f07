using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Shegong.Web.Common.Localization;

namespace Shegong.Tests.Localization;

/// <summary>
/// The accessor classes of ProblemText and NameText are checked in: they must name exactly the keys
/// of the .resx files (else run scripts/resx-designer.sh), and every key must have both languages.
/// </summary>
public sealed class ResourceKeyTests
{
    public static TheoryData<string> Resources => new() { nameof(ProblemText), nameof(NameText) };

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_has_an_accessor_and_every_accessor_a_key(string resource)
    {
        var (type, manager) = Resource(resource);
        var accessors = type.GetProperties(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(string)).Select(p => p.Name).ToHashSet();

        Assert.Equal(accessors.Order(), Keys(manager, CultureInfo.InvariantCulture).Order());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_is_in_chinese_and_english(string resource)
    {
        var (_, manager) = Resource(resource);

        Assert.Equal(Keys(manager, CultureInfo.InvariantCulture).Order(), Keys(manager, CultureInfo.GetCultureInfo("en")).Order());
    }

    private static (Type Type, ResourceManager Manager) Resource(string name) => name == nameof(ProblemText)
        ? (typeof(ProblemText), ProblemText.ResourceManager)
        : (typeof(NameText), NameText.ResourceManager);

    private static HashSet<string> Keys(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"no {culture.Name} resources");
        return set.Cast<DictionaryEntry>().Where(e => e.Value is string).Select(e => (string)e.Key).ToHashSet();
    }
}
