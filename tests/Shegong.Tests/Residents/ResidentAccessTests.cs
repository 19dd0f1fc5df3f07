using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Residents;

/// <summary>
/// The access matrix of the resident endpoints: every role against a resident of its own
/// township's village, of the sibling township (own county) and of sibling 青羊区. Rights are
/// written out here, independently of the permission table, so the table is checked against them.
/// </summary>
public class ResidentAccessTests(ResidentApp app) : IClassFixture<ResidentApp>
{
    private static readonly AccountRole[] Readers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.SocialWorker, AccountRole.Viewer];
    private static readonly AccountRole[] Writers = [.. AccessMatrixTests.Officials, AccountRole.StationManager, AccountRole.SocialWorker];

    public static TheoryData<AccountRole> Roles() => new(Enum.GetValues<AccountRole>());

    /// <summary>Which of the three villages (own township, sibling township, sibling county) a role's scope holds.</summary>
    private static bool Sees(AccountRole role, string where) => role switch
    {
        AccountRole.ProvinceAdmin or AccountRole.CityOfficer => true,
        AccountRole.StationManager or AccountRole.SocialWorker => where == "own",
        _ => where != "county",
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_resident_endpoint_answers_by_role_and_scope(AccountRole role)
    {
        var client = app.Clients[role];
        var reads = Readers.Contains(role);
        var writes = Writers.Contains(role);
        var failures = new List<string>();
        async Task Expect(string name, HttpStatusCode expected, Task<HttpResponseMessage> call)
        {
            using var response = await call;
            if (response.StatusCode != expected)
            {
                failures.Add($"{role} {name}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }
        HttpStatusCode Read(string where) => !reads ? HttpStatusCode.Forbidden : Sees(role, where) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        HttpStatusCode Write(string where) => !writes ? HttpStatusCode.Forbidden : Sees(role, where) ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        await Expect("GET list", reads ? HttpStatusCode.OK : HttpStatusCode.Forbidden, client.GetUrlAsync("/api/residents"));
        await Expect("GET export", reads ? HttpStatusCode.OK : HttpStatusCode.Forbidden, client.GetUrlAsync("/api/residents/export"));
        await Expect("POST lookup", writes ? HttpStatusCode.OK : HttpStatusCode.Forbidden, client.PostJsonAsync("/api/residents/lookup", new { phone = "13800000000" }));
        foreach (var (where, village) in new[] { ("own", app.OwnVillage), ("township", app.SiblingTownshipVillage), ("county", app.QingyangVillage) })
        {
            var id = await app.ResidentAsync(village);
            await Expect($"GET {where}", Read(where), client.GetUrlAsync($"/api/residents/{id}"));
            await Expect($"POST reveal {where}", Write(where), client.PostJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber" }));
            await Expect($"PUT {where}", Write(where), client.PutJsonAsync($"/api/residents/{id}",
                new { name = app.NewName("改"), regionCode = village, version = await VersionAsync(id) }));
            await Expect($"POST consent {where}", Write(where), client.PostJsonAsync($"/api/residents/{id}/consent", new { version = await VersionAsync(id) }));
            await Expect($"POST household {where}", writes && Sees(role, where) ? HttpStatusCode.Created : !writes ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest,
                client.PostJsonAsync("/api/residents/households", new { headResidentId = id }));
            await Expect($"POST {where}", !writes ? HttpStatusCode.Forbidden : Sees(role, where) ? HttpStatusCode.Created : HttpStatusCode.BadRequest,
                client.PostJsonAsync("/api/residents", new { name = app.NewName(), idNumber = app.NewIdNumber(), regionCode = village }));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<uint> VersionAsync(int id)
    {
        await using var db = app.OpenDb();
        return await db.Residents.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(TestContext.Current.CancellationToken);
    }
}
