using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;

namespace Shegong.Tests.Residents;

/// <summary>
/// The access-matrix app (stations around 锦江区, a client per role) with two villages of the
/// 锦官驿 township (the township staff's own), one of the sibling township and one of sibling 青羊区.
/// </summary>
public sealed class ResidentApp : AccessApp
{
    private int sequence;

    /// <summary>Villages: two of 锦官驿 (own of every Jinjiang role), one of the sibling township, one of 青羊区.</summary>
    public string OwnVillage { get; private set; } = "";
    public string OwnVillage2 { get; private set; } = "";
    public string SiblingTownshipVillage { get; private set; } = "";
    public string QingyangVillage { get; private set; } = "";

    public HttpClient Worker => Clients[AccountRole.SocialWorker];
    public HttpClient County => Clients[AccountRole.CountyOfficer];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var villages = await VillagesAsync(Jinguanyi, 2);
        (OwnVillage, OwnVillage2) = (villages[0], villages[1]);
        SiblingTownshipVillage = (await VillagesAsync(SiblingTownship, 1))[0];
        QingyangVillage = (await VillagesAsync(Qingyang, 1))[0];
    }

    /// <summary>A distinct, valid ID number (born 1950 + n % 50), for arranging many residents.</summary>
    public string NewIdNumber(string county = "510104")
    {
        var n = Interlocked.Increment(ref sequence);
        var first17 = $"{county}{1950 + n % 50}{1 + n % 12:00}{1 + n / 12 % 28:00}{n % 1000:000}";
        return first17 + CitizenId.CheckCharacterOf(first17);
    }

    public string NewName(string stem = "居民") => $"{stem}{Interlocked.Increment(ref sequence)}";

    /// <summary>Registers a resident through the API as <paramref name="client"/> (the administrator by default) and answers its id.</summary>
    public async Task<int> ResidentAsync(string village, string? idNumber = null, string? phone = null, string[]? tags = null, HttpClient? client = null,
        string? name = null)
    {
        var response = await (client ?? Client).PostJsonAsync("/api/residents",
            new { name = name ?? NewName(), idNumber = idNumber ?? NewIdNumber(), phone, regionCode = village, tags = tags ?? [] });
        return (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    public async Task<int> CountAsync()
    {
        await using var db = OpenDb();
        return await db.Residents.CountAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<string>> VillagesAsync(string township, int count)
    {
        await using var db = OpenDb();
        var (low, high) = RegionCode.SubtreeRange(township);
        return await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .OrderBy(r => r.Code).Select(r => r.Code).Take(count).ToListAsync(TestContext.Current.CancellationToken);
    }
}
