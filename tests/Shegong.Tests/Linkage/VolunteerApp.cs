using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Linkage;

/// <summary>The access app, with the public form's limit raised (these tests register many volunteers from one address).</summary>
public sealed class VolunteerApp : AccessApp
{
    public const string VolunteerPassword = "Volunteer@2024!";
    private int sequence;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimit:PublicRequest:PermitLimit", "100000");
    }

    /// <summary>A distinct, valid ID number and mobile number.</summary>
    public (string IdNumber, string Phone) NewPerson()
    {
        var n = Interlocked.Increment(ref sequence);
        var first17 = $"510104{1960 + n % 40}{1 + n % 12:00}{1 + n / 12 % 28:00}{n % 1000:000}";
        return (first17 + CitizenId.CheckCharacterOf(first17), $"139{Environment.ProcessId % 10000:0000}{n:0000}");
    }

    public static object Registration(int stationId, string idNumber, string phone, string name = "王志愿", string? password = VolunteerPassword, bool consent = true) =>
        new { name, idNumber, phone, stationId, skills = "急救、陪伴老人", availability = "周末", password, consent };

    /// <summary>Registers on the public form, answers the new volunteer's id.</summary>
    public async Task<int> RegisterAsync(string idNumber, string phone, string region = Jinguanyi, string name = "王志愿")
    {
        var receipt = await (await Anonymous.PostJsonAsync("/api/public/volunteers", Registration(StationIn[region], idNumber, phone, name)))
            .ReadAsync<JsonElement>();
        return receipt.GetProperty("reference").GetInt32();
    }

    /// <summary>Registers, has the administrator approve, and signs the volunteer in with their phone number.</summary>
    public async Task<(int Id, HttpClient Client)> ApprovedVolunteerAsync(string region = Jinguanyi, string name = "王志愿")
    {
        var (idNumber, phone) = NewPerson();
        var id = await RegisterAsync(idNumber, phone, region, name);
        var version = await Client.VersionOfAsync($"/api/volunteers/{id}");
        await (await Client.PostJsonAsync($"/api/volunteers/{id}/decision", new { status = "Approved", version })).ReadAsync<JsonElement>();
        return (id, await SignedInClientAsync(phone, VolunteerPassword));
    }

    public HttpClient Manager => Clients[AccountRole.StationManager];
}
