using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shegong.Tests.BadInput;

/// <summary>
/// Values no field should accept, chosen by the field's OpenAPI schema: enum numbers that name
/// nothing, huge, negative and non-finite numbers, absurd dates, control and direction characters,
/// 1 MB strings, nulls inside lists, and values of the wrong type.
/// </summary>
public static class HostileValues
{
    private static readonly string Megabyte = new('x', 1_000_000);

    /// <summary>Every field, whatever its type.</summary>
    private static IEnumerable<JsonNode?> Any() =>
    [
        new JsonObject(),
        new JsonArray(),
        JsonValue.Create(true),
        JsonValue.Create("\u0000"),
        JsonValue.Create(Megabyte),
    ];

    public static IEnumerable<JsonNode?> ForBody(string kind) => kind switch
    {
        "enum" => [.. Any(), 99, -1, "99", "-1", "NoSuchValue", 1e308],
        "date" => [.. Any(), "0001-01-01", "9999-12-31", "2024-02-30", "not a date", 20240101],
        "integer" => [.. Any(), 0, -1, int.MaxValue, int.MinValue, 1e308, 99999999999, 1.5, "NaN", "1e308"],
        "number" => [.. Any(), 1e308, -1e308, 1e20, -1e20, "NaN", "Infinity", "-Infinity", -0.0001, "1e400"],
        "boolean" => [.. Any(), "yes", 2, null],
        "array" => [.. Any(), new JsonArray(null, null), new JsonArray(0, -1, int.MaxValue), new JsonArray(new JsonObject()), "1,2"],
        "object" => [.. Any(), new JsonObject { ["99"] = 1 }, new JsonObject { ["-1"] = 1 }, new JsonObject { ["NoSuchValue"] = 1 },
            new JsonObject { ["x"] = null }, new JsonObject { ["x"] = 1e308 }],
        _ => [.. Any(), "\u202Eevil", "line\nbreak", "bell\u0007", "=1+1", "@SUM(A1)", "", "   ", 12345, null],
    };

    public static IEnumerable<string> ForQuery(string kind) => kind switch
    {
        "enum" => ["99", "-1", "NoSuchValue", "%00"],
        "date" => ["0001-01-01", "9999-12-31", "2024-02-30", "x"],
        "integer" => ["0", "-1", "10000", "2147483647", "99999999999", "NaN", "1e308"],
        "number" => ["1e308", "NaN", "Infinity", "-1e308"],
        "boolean" => ["maybe", "2"],
        _ => ["%00", "%E2%80%AEevil", "a%0Ab", "%07", new string('x', 60_000), "%3D1%2B1", "%FF"],
    };

    public static IEnumerable<string> ForPath(string kind) => kind switch
    {
        "integer" => ["0", "-1", "2147483647", "99999999999", "abc"],
        _ => ["%07", "x", "999999999999", new string('9', 5000)], // a NUL in a path is refused by the server before the app
    };

    /// <summary>A plausible value for a field, so that only the hostile one is wrong.</summary>
    public static JsonNode? Plausible(string name, string kind, JsonElement schema, string? firstEnumValue, string regionCode) => kind switch
    {
        "enum" => firstEnumValue,
        "date" => "2024-05-01",
        "integer" => 1,
        "number" => 1,
        "boolean" => false,
        "array" => new JsonArray(),
        "object" => new JsonObject(),
        _ when schema.TryGetProperty("pattern", out var p) && p.GetString() == "^\\d{12}$" => regionCode,
        _ when name.Contains("password", StringComparison.OrdinalIgnoreCase) => "Bad@Input2024",
        _ => "坏输入测试",
    };

    /// <summary>enum, date, integer, number, boolean, array, object or string.</summary>
    public static string Kind(JsonElement schema, Func<string, JsonElement?> component)
    {
        if (Ref(schema) is { } name)
        {
            return component(name) is { } target && target.TryGetProperty("enum", out _) ? "enum" : "object";
        }
        if (schema.TryGetProperty("format", out var format) && format.GetString() is "date" or "date-time")
        {
            return "date";
        }
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray() : [type.GetString()];
        foreach (var kind in new[] { "integer", "number", "boolean", "array", "object" })
        {
            if (types.Contains(kind))
            {
                return kind;
            }
        }
        return "string";
    }

    /// <summary>The referenced schema's name, also inside <c>oneOf: [null, $ref]</c>.</summary>
    public static string? Ref(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var r))
        {
            return r.GetString()!.Split('/')[^1];
        }
        return schema.TryGetProperty("oneOf", out var oneOf)
            ? oneOf.EnumerateArray().Select(Ref).FirstOrDefault(n => n is not null)
            : null;
    }
}
