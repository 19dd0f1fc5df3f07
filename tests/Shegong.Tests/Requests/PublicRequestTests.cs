using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.BadInput;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.ServiceRecords;

namespace Shegong.Tests.Requests;

/// <summary>The records app with the public form limited to 3 submissions per address an hour.</summary>
public sealed class PublicRequestApp : RecordsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimit:PublicRequest:PermitLimit", "3");
    }
}

public class PublicRequestTests(PublicRequestApp app) : IClassFixture<PublicRequestApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static int peer;

    /// <summary>A client without an account, coming from an address of its own (the limit is per address).</summary>
    private HttpClient Visitor()
    {
        var client = app.Anonymous;
        client.DefaultRequestHeaders.Add(TestPeer.Header, $"10.9.{Interlocked.Increment(ref peer) / 250}.{peer % 250 + 1}");
        return client;
    }

    private object Valid(string? phone = "13912345678", string? need = "家中老人需要上门探访", string? village = null) =>
        new { contactName = "陈女士", phone, villageCode = village ?? app.OwnVillage, need };

    public static TheoryData<string, string> BadForms() => new()
    {
        { """{"contactName":"","phone":"13912345678","villageCode":"VILLAGE","need":"需要上门探访"}""", "contactName" },
        { """{"contactName":"陈女士","phone":"12345","villageCode":"VILLAGE","need":"需要上门探访"}""", "phone" },
        { """{"contactName":"陈女士","villageCode":"VILLAGE","need":"需要上门探访"}""", "phone" },
        { """{"contactName":"陈女士","phone":"13912345678","villageCode":"510104000000","need":"需要上门探访"}""", "villageCode" },
        { """{"contactName":"陈女士","phone":"13912345678","villageCode":"abc","need":"需要上门探访"}""", "villageCode" },
        { """{"contactName":"陈女士","phone":"13912345678","villageCode":"VILLAGE","need":"短"}""", "need" },
        { """{"contactName":"陈女士","phone":"13912345678","villageCode":"VILLAGE","need":"NEED"}""", "need" },
        { """{"contactName":"陈\u0000女士","phone":"13912345678","villageCode":"VILLAGE","need":"需要上门探访"}""", "contactName" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_public_request_gets_field_errors_and_saves_nothing(string body, string field)
    {
        body = body.Replace("VILLAGE", app.OwnVillage, StringComparison.Ordinal).Replace("NEED", new string('需', 501), StringComparison.Ordinal);
        await using var tables = await TableHash.OpenAsync(app.ConnectionString);
        var before = await tables.HashAsync();
        var response = await Visitor().PostAsync("/api/public/service-requests", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(TableHash.Differences(before, await tables.HashAsync()));
    }

    [Fact]
    public async Task A_good_public_request_is_saved_with_the_phone_protected_and_answered_with_a_reference_only()
    {
        var response = await Visitor().PostAsJsonAsync("/api/public/service-requests", Valid(), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("陈女士", body, StringComparison.Ordinal);
        var receipt = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("reference").GetInt32();
        await using var db = app.OpenDb();
        var saved = await db.ServiceRequests.SingleAsync(r => r.Id == receipt, Ct);
        Assert.Equal(("Online", "139****5678"), (saved.Origin.ToString(), saved.PhoneMasked));
        Assert.DoesNotContain("13912345678", saved.PhoneCipher!, StringComparison.Ordinal);
        // Staff of the village's station see it; the public cannot read requests.
        var detail = await (await app.Clients[Shegong.Web.Features.Accounts.AccountRole.SocialWorker].GetUrlAsync($"/api/service-requests/{receipt}")).ReadAsync<RequestDetail>();
        Assert.Equal("Raised", detail.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.GetAsync($"/api/service-requests/{receipt}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_public_form_is_rate_limited_per_address_counting_refused_attempts()
    {
        var visitor = Visitor();
        (await visitor.PostAsJsonAsync("/api/public/service-requests", Valid(phone: "1"), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await visitor.PostAsJsonAsync("/api/public/service-requests", Valid(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await visitor.PostAsJsonAsync("/api/public/service-requests", Valid(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.OpenDb();
        var count = await db.ServiceRequests.CountAsync(Ct);
        var limited = await visitor.PostAsJsonAsync("/api/public/service-requests", Valid(), Ct);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(count, await db.ServiceRequests.CountAsync(Ct));
        // Another address is not held back.
        (await Visitor().PostAsJsonAsync("/api/public/service-requests", Valid(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_cross_site_post_and_an_oversized_body_are_refused()
    {
        var visitor = Visitor();
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/public/service-requests") { Content = JsonContent.Create(Valid()) };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        (await visitor.SendAsync(crossSite, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var huge = $$"""{"contactName":"陈女士","phone":"13912345678","villageCode":"{{app.OwnVillage}}","need":"{{new string('x', 20_000)}}"}""";
        var response = await Visitor().PostAsync("/api/public/service-requests", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task The_public_village_search_finds_villages_by_name_with_their_path()
    {
        await using var db = app.OpenDb();
        var name = await db.Regions.Where(r => r.Code == app.OwnVillage).Select(r => r.Name).SingleAsync(Ct);
        var found = await Visitor().GetFromJsonAsync<List<VillageFound>>($"/api/public/villages?search={Uri.EscapeDataString(name)}", Api.Json, Ct);
        Assert.Contains(found!, v => v.Code == app.OwnVillage && v.Path.Contains("锦江区", StringComparison.Ordinal));
    }

    private sealed record VillageFound(string Code, string Name, string Path);
}
