using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.GroupWork;

/// <summary>
/// The Sichuan app for group work and activities: fixed privacy keys, evidence files in a temp
/// folder with a small size limit, and helpers that arrange stations, workers and residents.
/// </summary>
public sealed class GroupWorkApp : TestApp
{
    public const long MaxFileBytes = 64 * 1024;
    private int sequence;

    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "shegong-test-files", Guid.NewGuid().ToString("N"));

    protected override bool WithSichuanRegions => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Privacy:Key", WorkforceApp.Key);
        builder.UseSetting("Privacy:HashKey", WorkforceApp.HashKey);
        builder.UseSetting("Files:Root", FilesRoot);
        builder.UseSetting("Files:MaxBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }

    private readonly Dictionary<string, int> stations = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The one operating station of a region, made on first use (test classes share the fixture).</summary>
    public async Task<int> StationOfAsync(string regionCode, StationLevel level = StationLevel.TownshipStation)
    {
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!stations.TryGetValue(regionCode, out var id))
            {
                stations[regionCode] = id = await StationAsync($"测试站点{regionCode}", level, regionCode);
            }
            return id;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>An operating station (through the API, as the province administrator).</summary>
    public async Task<int> StationAsync(string name, StationLevel level, string regionCode)
    {
        var response = await Client.PostAsJsonAsync("/api/stations",
            new { name, level = level.ToString(), regionCode, status = "Operating", openedOn = "2022-06-01" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }

    /// <summary>A social worker resident at <paramref name="stationId"/>, with a new agency of the station's county.</summary>
    public async Task<int> WorkerAsync(int stationId, string county)
    {
        var n = Interlocked.Increment(ref sequence);
        var ct = TestContext.Current.CancellationToken;
        var agency = await Client.PostAsJsonAsync("/api/agencies", new { name = $"小组测试社工中心{n}", creditCode = CreditCodes.Make(700 + n), regionCode = county }, ct);
        agency.EnsureSuccessStatusCode();
        var agencyId = (await agency.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(ct))!.Id;
        var first17 = $"{county[..6]}1990{1 + n % 12:00}{1 + n % 28:00}{n % 1000:000}";
        var response = await Client.PostAsJsonAsync("/api/social-workers", new
        {
            name = $"带组社工{n}",
            idNumber = first17 + CitizenId.CheckCharacterOf(first17),
            education = "Bachelor",
            certification = "None",
            agencyId,
            hiredOn = "2023-07-01",
            residentStationId = stationId,
        }, ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<WorkforceApp.IdOnly>(ct))!.Id;
    }

    /// <summary>Residents of a village (arranged directly; the resident API is another feature's).</summary>
    public async Task<int[]> ResidentsAsync(string villageCode, int count)
    {
        await using var db = OpenDb();
        var residents = Enumerable.Range(0, count).Select(i => new Resident
        {
            Name = $"居民{Interlocked.Increment(ref sequence)}",
            RegionCode = villageCode,
            Sex = i % 2 == 0 ? Sex.Female : Sex.Male,
            BirthDate = new DateOnly(1950 + i, 1, 1),
        }).ToList();
        db.AddRange(residents);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return [.. residents.Select(r => r.Id)];
    }

    /// <summary>The first village under a township.</summary>
    public async Task<string> VillageUnderAsync(string township)
    {
        await using var db = OpenDb();
        return await db.Regions.Where(r => r.ParentCode == township).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The service records a source made, as the database holds them.</summary>
    public async Task<List<ServiceRecord>> RecordsAsync(ServiceSource source, params int[] ids)
    {
        await using var db = OpenDb();
        return await db.ServiceRecords.Include(r => r.Beneficiaries).Include(r => r.Workers)
            .Where(r => r.Source == source && ids.Contains(r.Id)).ToListAsync(TestContext.Current.CancellationToken);
    }
}
