using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shegong.Tests.BadInput;

/// <summary>One hostile request: what is sent, the operation it targets ("POST /api/stations"), and a name that says where the hostile value sits.</summary>
public sealed record BadCase(string Name, HttpMethod Method, string Url, string? Body)
{
    public string Operation => string.Join(' ', Name.Split(' ', 3)[..2]).Split('?')[0];
}

/// <summary>
/// Turns the app's own OpenAPI document into hostile requests: for every write endpoint, each
/// body field in turn gets each hostile value (the others plausible), plus whole bodies that are
/// not the object asked for; for every list filter (a GET with query parameters), each parameter
/// in turn; and hostile path values. A new endpoint joins by being in the document.
/// </summary>
public sealed class OpenApiCases(JsonElement document, Func<string, string> pathValue, string regionCode)
{
    private JsonElement Components => document.GetProperty("components").GetProperty("schemas");

    public IEnumerable<BadCase> All()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (path.Name.StartsWith("/api/auth", StringComparison.Ordinal))
            {
                continue; // sign-in counts failures by design (lockout); the platform's own tests cover it
            }
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var query = parameters.Where(x => x.GetProperty("in").GetString() == "query").ToList();
                var pathParameters = parameters.Where(x => x.GetProperty("in").GetString() == "path").ToList();
                if (method == HttpMethod.Get && query.Count == 0)
                {
                    continue; // a read of one record: not a write, not a list filter
                }
                var url = Fill(path.Name, pathParameters, null, null);
                var body = BodySchema(operation.Value);
                var plausible = body is { } b ? PlausibleBody(b) : null;
                foreach (var parameter in query)
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    foreach (var value in HostileValues.ForQuery(Kind(parameter.GetProperty("schema"))))
                    {
                        yield return new($"{method} {path.Name}?{name}={Short(value)}", method, $"{url}?{name}={value}", plausible?.ToJsonString());
                    }
                }
                foreach (var parameter in pathParameters)
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    foreach (var value in HostileValues.ForPath(Kind(parameter.GetProperty("schema"))))
                    {
                        yield return new($"{method} {path.Name} {name}={Short(value)}", method, Fill(path.Name, pathParameters, name, value), plausible?.ToJsonString());
                    }
                }
                if (body is not { } schema || plausible is null)
                {
                    continue;
                }
                foreach (var whole in new[] { "{}", "[]", "null", "\"x\"", "{", "{\"a\":" + new string('[', 2000) })
                {
                    yield return new($"{method} {path.Name} body {Short(whole)}", method, url, whole);
                }
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                {
                    foreach (var value in HostileValues.ForBody(Kind(property.Value)))
                    {
                        var hostile = (JsonObject)plausible.DeepClone();
                        hostile[property.Name] = value?.DeepClone();
                        yield return new($"{method} {path.Name} {property.Name}={Short(value?.ToJsonString() ?? "null")}", method, url, hostile.ToJsonString());
                    }
                }
            }
        }
    }

    private string Fill(string template, List<JsonElement> parameters, string? hostileName, string? hostileValue)
    {
        var url = template;
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            url = url.Replace("{" + name + "}", name == hostileName ? hostileValue : pathValue(template[..template.IndexOf("{" + name + "}", StringComparison.Ordinal)] + name));
        }
        return url;
    }

    private JsonElement? BodySchema(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return null;
        }
        var schema = json.GetProperty("schema");
        var resolved = HostileValues.Ref(schema) is { } name ? Component(name) : schema;
        return resolved is { } r && r.TryGetProperty("properties", out _) ? r : null;
    }

    private JsonObject PlausibleBody(JsonElement schema)
    {
        var body = new JsonObject();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var kind = Kind(property.Value);
            var firstEnum = kind == "enum" && Component(HostileValues.Ref(property.Value)!) is { } e ? e.GetProperty("enum")[0].GetString() : null;
            body[property.Name] = HostileValues.Plausible(property.Name, kind, property.Value, firstEnum, regionCode);
        }
        return body;
    }

    private string Kind(JsonElement schema) => HostileValues.Kind(schema, Component);

    private JsonElement? Component(string name) => Components.TryGetProperty(name, out var c) ? c : null;

    private static string Short(string value) => value.Length > 40 ? $"{value[..20]}…({value.Length} chars)" : value;
}
