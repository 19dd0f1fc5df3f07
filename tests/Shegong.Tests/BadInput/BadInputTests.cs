using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.BadInput;

/// <summary>
/// Hostile values for every field of every write endpoint and every list filter, read from the
/// app's OpenAPI document, sent as the province administrator and, in turn, as each other role
/// (accounts and scopes of the access matrix). No answer may be a 500, and a refused request (4xx)
/// may change no row of any table, the audit trail included.
/// </summary>
public partial class BadInputTests(WorkforceAccessApp app) : IClassFixture<WorkforceAccessApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_input_never_fails_the_server_and_a_refused_request_changes_nothing()
    {
        var cases = await CasesAsync();
        Assert.True(cases.Count >= 2000, $"only {cases.Count} cases were generated from the OpenAPI document");
        var others = app.Clients.Where(c => c.Key != AccountRole.ProvinceAdmin).OrderBy(c => c.Key).ToList();
        var failures = new List<string>();
        await using var tables = await TableHash.OpenAsync(app.ConnectionString);
        var marker = await tables.MarkerAsync();
        var baseline = await tables.HashAsync();
        var sent = 0;
        foreach (var (test, role) in Assign(cases, [.. others.Select(o => o.Key)]))
        {
            var client = role == AccountRole.ProvinceAdmin ? app.Client : app.Clients[role];
            using var response = await client.SendAsync(Request(test), Ct);
            sent++;
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{role} {test.Name}: {status}");
            }
            var now = await tables.MarkerAsync();
            if (now == marker)
            {
                continue;
            }
            var after = await tables.HashAsync();
            if (status >= 400 && TableHash.Differences(baseline, after).ToList() is { Count: > 0 } changed)
            {
                failures.Add($"{role} {test.Name}: {status}, yet changed {string.Join(", ", changed)}");
            }
            (marker, baseline) = (now, after);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n{string.Join("\n", failures.Take(60))}");
    }

    /// <summary>
    /// Every case goes to the province administrator (who passes every policy, so the value reaches validation) and to one
    /// other role, in turn within each operation; an operation with fewer cases than roles sends its last case to the rest,
    /// so every operation meets every role and its scope, at twice the cases rather than eight times.
    /// </summary>
    private static IEnumerable<(BadCase Case, AccountRole Role)> Assign(List<BadCase> cases, List<AccountRole> others)
    {
        foreach (var operation in cases.GroupBy(c => c.Operation))
        {
            var list = operation.ToList();
            for (var j = 0; j < list.Count; j++)
            {
                yield return (list[j], AccountRole.ProvinceAdmin);
                var roles = j == list.Count - 1 && list.Count < others.Count ? others.Skip(j) : [others[j % others.Count]];
                foreach (var role in roles)
                {
                    yield return (list[j], role);
                }
            }
        }
    }

    private static HttpRequestMessage Request(BadCase test)
    {
        var request = new HttpRequestMessage(test.Method, test.Url);
        if (test.Body is not null)
        {
            request.Content = new StringContent(test.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return request;
    }

    private async Task<List<BadCase>> CasesAsync()
    {
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json", Ct));
        var values = new Dictionary<string, string>();
        foreach (var key in PathKeys(document.RootElement))
        {
            values[key] = await PathValueAsync(key);
        }
        return new OpenApiCases(document.RootElement, key => values[key], AccessApp.Jinjiang).All().ToList();
    }

    /// <summary>"/api/stations/id" for the {id} of /api/stations/{id}/…: the collection and the parameter's name.</summary>
    private static IEnumerable<string> PathKeys(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.Name, @"\{(\w+)\}")
            .Select(m => p.Name[..m.Index] + m.Groups[1].Value)).Distinct();

    /// <summary>An existing record for a path parameter: a region code, or the first item of the collection's list.</summary>
    private async Task<string> PathValueAsync(string key)
    {
        var collection = key[..key.LastIndexOf('/')];
        var name = key[(key.LastIndexOf('/') + 1)..];
        if (name.Contains("code", StringComparison.OrdinalIgnoreCase))
        {
            return AccessApp.Jinjiang;
        }
        if (collection.Contains('{'))
        {
            return "1";
        }
        using var response = await app.Client.GetAsync(collection, Ct);
        if (!response.IsSuccessStatusCode)
        {
            return "1";
        }
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return list.RootElement.ValueKind == JsonValueKind.Object && list.RootElement.TryGetProperty("items", out var items)
            && items.GetArrayLength() > 0 && items[items.GetArrayLength() - 1].TryGetProperty("id", out var id)
            ? id.ToString()
            : "1";
    }
}
