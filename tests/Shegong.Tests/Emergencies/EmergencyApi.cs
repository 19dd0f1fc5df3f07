using System.Net;
using System.Text.Json;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Emergencies;

/// <summary>Declaring emergencies and reporting on them through the API, for the emergency tests.</summary>
public static class EmergencyApi
{
    public static object Form(string name, string[] areas, string? regionCode = null, string startDate = "2024-01-10", string? endDate = null,
        uint? version = null, string type = "Epidemic") =>
        new { type, name, regionCode, areaCodes = areas, startDate, endDate, version };

    public static object Report(int stationId, string day, int screening = 0, int testing = 0, int supplies = 0, int care = 0, int volunteers = 0,
        int organisations = 0, uint? version = null, int[]? teamIds = null, int[]? organisationIds = null) => new
        {
            stationId,
            day,
            screening,
            testingSupport = testing,
            supplyDelivery = supplies,
            careVisits = care,
            volunteersMobilised = volunteers,
            organisationsMobilised = organisations,
            teamIds,
            organisationIds,
            version,
        };

    public static async Task<int> DeclareAsync(HttpClient client, string name, params string[] areas) =>
        (await (await client.PostJsonAsync("/api/emergencies", Form(name, areas))).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();

    public static async Task ReportAsync(HttpClient client, int emergency, object report) =>
        await (await client.PostJsonAsync($"/api/emergencies/{emergency}/reports", report)).ReadAsync<JsonElement>(HttpStatusCode.Created);

    public static async Task<JsonElement> FiguresAsync(HttpClient client, int emergency, string query = "") =>
        await (await client.GetUrlAsync($"/api/emergencies/{emergency}/figures{query}")).ReadAsync<JsonElement>();

    /// <summary>screening, testingSupport, supplyDelivery, careVisits, volunteersMobilised, organisationsMobilised, stationsReporting.</summary>
    public static int[] Counts(JsonElement row) => [.. new[] { "screening", "testingSupport", "supplyDelivery", "careVisits", "volunteersMobilised",
        "organisationsMobilised", "stationsReporting" }.Select(p => row.GetProperty(p).GetInt32())];

    public static Dictionary<string, int[]> Rows(JsonElement figures) =>
        figures.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, Counts);

}
