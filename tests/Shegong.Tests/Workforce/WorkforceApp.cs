using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Workforce;

/// <summary>The app over the Sichuan regions with fixed privacy keys from configuration.</summary>
public sealed class WorkforceApp : TestApp
{
    public const string Key = TestDatabase.DemoPrivacyKey;
    public const string HashKey = TestDatabase.DemoPrivacyHashKey;

    private int sequence;

    protected override bool WithSichuanRegions => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Privacy:Key", Key);
        builder.UseSetting("Privacy:HashKey", HashKey);
    }

    /// <summary>A distinct, valid ID number from a county (6 digits), for arranging many workers.</summary>
    public string NewIdNumber(string county = "510104", int birthYear = 1995)
    {
        var n = Interlocked.Increment(ref sequence);
        var first17 = $"{county}{birthYear}{1 + n % 12:00}{1 + n / 12 % 28:00}{n % 1000:000}";
        return first17 + CitizenId.CheckCharacterOf(first17);
    }

    public async Task<int> StationAsync(string name, StationLevel level, string regionCode)
    {
        var response = await Client.PostAsJsonAsync("/api/stations",
            new { name, level = level.ToString(), regionCode, status = "Operating", openedOn = "2022-06-01" }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }

    public async Task<int> AgencyAsync(string name, string creditCode, string regionCode, params string[] serviceAreas)
    {
        var response = await Client.PostAsJsonAsync("/api/agencies",
            new { name, creditCode, regionCode, serviceAreaCodes = serviceAreas }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }

    public async Task<int> WorkerAsync(int agencyId, int? stationId, string certification = "Assistant", string? idNumber = null,
        int? graduationYear = null, string hiredOn = "2023-07-01")
    {
        var response = await Client.PostAsJsonAsync("/api/social-workers", new
        {
            name = "测试社工",
            idNumber = idNumber ?? NewIdNumber(),
            education = "Bachelor",
            certification,
            certificateNumber = certification == "None" ? null : "Z" + Guid.NewGuid().ToString("N")[..8],
            certificateYear = certification == "None" ? (int?)null : 2022,
            agencyId,
            hiredOn,
            graduationYear,
            residentStationId = stationId,
        }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>(TestContext.Current.CancellationToken))!.Id;
    }

    public sealed record IdOnly(int Id);
}

/// <summary>Valid credit codes for arranging agencies (check characters verified in CreditCodeTests).</summary>
public static class CreditCodes
{
    public static string Make(int n)
    {
        var first17 = $"52510100MJ{n:0000000}";
        return first17 + CreditCode.CheckCharacterOf(first17);
    }
}
