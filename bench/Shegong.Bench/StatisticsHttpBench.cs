using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shegong.Bench;

/// <summary>
/// The statistics targets of issue 10, against a running app (Release) over a prepared SQLite file
/// (bench/statistics-data.sh) or PostgreSQL database (bench/statistics-data-postgres.sh): the summary of a year for the province, a city, a county and a township over
/// HTTP, against <c>GET /health/live</c> (the bare round trip) and against the same answers computed naively
/// (GROUP BY and COUNT(DISTINCT) over the raw records, in the app's database, same machine, same run); a read right after a
/// write (the changed leaf-month read again); the app's resident memory. Medians over the repetitions.
/// Usage: dotnet run -c Release --project bench/Shegong.Bench -- statistics-http http://127.0.0.1:5391 DATABASE APP_PID [reps] [naive reps]
/// (DATABASE: the SQLite file, or the PostgreSQL connection string "Host=…;Port=…;Username=…;Database=…")
/// </summary>
internal static class StatisticsHttpBench
{
    private const string Year = "from=2025-01-01&to=2025-12-31";

    public static async Task<int> RunAsync(string[] args)
    {
        var (url, database, pid) = (args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        var postgres = database.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        var naive = postgres ? "naive PostgreSQL" : "naive SQLite";
        var reps = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 31;
        // The naive province query takes tens of seconds at 10M records on SQLite: its repetitions can be fewer.
        var naiveReps = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : Math.Min(reps, 21);
        // The first read loads the copy: minutes at 10M records on a busy machine.
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(15) };
        var levels = new (string Name, string User, string Password)[]
        {
            ("province", "admin", "Bench@2026!"), ("city", "demo-city", "Demo@2022!"), ("county", "demo-county", "Demo@2022!"), ("township", "demo-station", "Demo@2022!"),
        };
        var tokens = new Dictionary<string, string>();
        var regions = new Dictionary<string, string>();
        foreach (var (name, user, password) in levels)
        {
            var answer = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
            answer.EnsureSuccessStatusCode();
            tokens[name] = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        var first = Stopwatch.StartNew();
        foreach (var (name, _, _) in levels)
        {
            var summary = await GetAsync(http, tokens[name], $"/api/statistics/summary?{Year}");
            regions[name] = summary.GetProperty("region").GetString()!;
        }
        Console.WriteLine($"first reads (memory loaded): {first.ElapsedMilliseconds} ms");

        var times = new Dictionary<string, List<double>>();
        void Add(string what, double ms) => (times.TryGetValue(what, out var list) ? list : times[what] = []).Add(ms);
        for (var i = 0; i < reps; i++)
        {
            Add("GET /health/live", await TimeAsync(() => http.GetAsync("/health/live")));
            foreach (var (name, _, _) in levels)
            {
                Add($"summary, {name}", await TimeAsync(() => Send(http, tokens[name], $"/api/statistics/summary?region={regions[name]}&{Year}")));
                // The service figures alone (every category's records, person-times and distinct people): the in-memory path.
                Add($"breakdown by category, {name}", await TimeAsync(() => Send(http, tokens[name], $"/api/statistics/breakdown?region={regions[name]}&{Year}&by=category")));
            }
        }
        await using (DbConnection raw = postgres ? new NpgsqlConnection(database) : new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
        {
            await raw.OpenAsync();
            foreach (var (name, _, _) in levels)
            {
                var (low, high) = Shegong.Web.Features.Regions.RegionCode.SubtreeRange(regions[name]);
                for (var i = 0; i < naiveReps; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await NaiveAsync(raw, low, high);
                    Add($"{naive}, {name}", watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        await WritesAsync(http, tokens, regions["province"], reps, Add);

        Console.WriteLine("| what | median ms | p90 ms | n |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (what, list) in times)
        {
            list.Sort();
            Console.WriteLine($"| {what} | {list[list.Count / 2]:0.000} | {list[(int)(list.Count * 0.9)]:0.000} | {list.Count} |");
        }
        var live = Median(times["GET /health/live"]);
        foreach (var (name, _, _) in levels)
        {
            Console.WriteLine($"{name}: summary / live = {Median(times[$"summary, {name}"]) / live:0.00}; by category / live = {Median(times[$"breakdown by category, {name}"]) / live:0.00}; "
                + $"naive / summary = {Median(times[$"{naive}, {name}"]) / Median(times[$"summary, {name}"]):0.0}; naive / by category = {Median(times[$"{naive}, {name}"]) / Median(times[$"breakdown by category, {name}"]):0.0}");
        }
        Console.WriteLine("app " + File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS", StringComparison.Ordinal)));
        return 0;
    }

    // A worker's record saved, then the province's year read: the one leaf-month changed is read again, the
    // province's cell for that month summed again.
    private static async Task WritesAsync(HttpClient http, Dictionary<string, string> tokens, string province, int reps, Action<string, double> add)
    {
        var worker = await TokenAsync(http, "demo-worker");
        // The demo's bulk-loaded records do not all pass today's checks (a worker who has left): the first that does is the model.
        var list = await GetAsync(http, worker, "/api/service-records?pageSize=50&from=2025-12-01&to=2025-12-31");
        object? body = null;
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var detail = await GetAsync(http, worker, $"/api/service-records/{item.GetProperty("id").GetInt32()}");
            var candidate = new
            {
                servedOn = detail.GetProperty("servedOn").GetString(),
                stationId = detail.GetProperty("stationId").GetInt32(),
                category = "ElderlyAndChildCare",
                method = "Other",
                channel = "HomeVisit",
                durationMinutes = 30,
                workerIds = detail.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("id").GetInt32()).Take(1).ToArray(),
                residentIds = detail.GetProperty("residents").EnumerateArray().Select(w => w.GetProperty("id").GetInt32()).Take(1).ToArray(),
                headCount = 1,
            };
            using var trial = new HttpRequestMessage(HttpMethod.Post, "/api/service-records") { Content = JsonContent.Create(candidate) };
            trial.Headers.Authorization = new AuthenticationHeaderValue("Bearer", worker);
            using var answer = await http.SendAsync(trial);
            if (answer.IsSuccessStatusCode)
            {
                body = candidate;
                break;
            }
        }
        if (body is null)
        {
            throw new InvalidOperationException("No December record of demo-worker's station could serve as the model of a write.");
        }
        for (var i = 0; i < reps; i++)
        {
            add("write: POST a service record", await TimeAsync(() =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service-records") { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", worker);
                return http.SendAsync(request);
            }));
            add("summary, province, right after a write", await TimeAsync(() => Send(http, tokens["province"], $"/api/statistics/summary?region={province}&{Year}")));
        }
    }

    // Quoted names and @parameters read the same on SQLite and PostgreSQL. The codes are cast to the column's type
    // (char(12) on PostgreSQL), else PostgreSQL compares as text and cannot use the index on the code.
    private static async Task NaiveAsync(DbConnection connection, string low, string high)
    {
        const string where = "r.\"RegionCode\" BETWEEN CAST(@low AS char(12)) AND CAST(@high AS char(12)) AND r.\"ServedOn\" BETWEEN '2025-01-01' AND '2025-12-31'";
        const string served = "\"ServiceRecords\" r JOIN \"ServiceBeneficiaries\" b ON b.\"ServiceRecordId\" = r.\"Id\"";
        string[] queries =
        [
            $"SELECT r.\"Category\", r.\"Method\", r.\"Channel\", r.\"Source\", count(*), sum(r.\"PersonTimes\"), sum(r.\"DurationMinutes\"), sum(coalesce(r.\"ValueYuan\", 0)) FROM \"ServiceRecords\" r WHERE {where} GROUP BY 1, 2, 3, 4",
            $"SELECT count(DISTINCT b.\"ResidentId\") FROM {served} WHERE {where}",
            $"SELECT r.\"Category\", count(DISTINCT b.\"ResidentId\") FROM {served} WHERE {where} GROUP BY 1",
            $"SELECT r.\"Method\", count(DISTINCT b.\"ResidentId\") FROM {served} WHERE {where} GROUP BY 1",
            $"SELECT r.\"Channel\", count(DISTINCT b.\"ResidentId\") FROM {served} WHERE {where} GROUP BY 1",
        ];
        foreach (var sql in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in new[] { ("low", low), ("high", high) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        var answer = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Demo@2022!" });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string token, string path)
    {
        using var answer = await Send(http, token, path);
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var answer = await send();
        await answer.Content.ReadAsByteArrayAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{answer.RequestMessage?.RequestUri}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
        return ms;
    }

    private static double Median(List<double> list) => list.Order().ElementAt(list.Count / 2);
}
