using System.Text.Json.Nodes;

namespace Shegong.Web.Features.Coverage;

/// <summary>
/// The map outlines of wwwroot/geo: the 21 cities for the province, a city's counties for a
/// city. Features carry a 6-digit <c>adcode</c>, the first 6 digits of our region codes. Each
/// feature's <c>name</c> is replaced by our region's name so the map and the table agree.
/// </summary>
public sealed class CoverageGeo(IWebHostEnvironment environment)
{
    private readonly Lazy<JsonArray> cities = new(() => Load(environment, "sichuan_cities.geojson"));
    private readonly Lazy<JsonArray> counties = new(() => Load(environment, "sichuan_counties.geojson"));

    /// <summary>A FeatureCollection of the children given (code → name), or null when no outline fits.</summary>
    public JsonObject? For(IReadOnlyDictionary<string, string> childNames, bool cityLevel)
    {
        var source = cityLevel ? cities.Value : counties.Value;
        var features = new JsonArray();
        foreach (var feature in source)
        {
            var adcode = feature?["properties"]?["adcode"]?.ToString();
            var code = adcode is { Length: 6 } ? adcode.PadRight(12, '0') : null;
            if (code is not null && childNames.TryGetValue(code, out var name))
            {
                var copy = feature!.DeepClone();
                copy["properties"]!["name"] = name;
                features.Add(copy);
            }
        }
        return features.Count == 0 ? null : new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonArray Load(IWebHostEnvironment environment, string file)
    {
        var info = environment.WebRootFileProvider.GetFileInfo(Path.Combine("geo", file));
        if (!info.Exists)
        {
            return [];
        }
        using var stream = info.CreateReadStream();
        return JsonNode.Parse(stream)?["features"]?.AsArray() ?? [];
    }
}
