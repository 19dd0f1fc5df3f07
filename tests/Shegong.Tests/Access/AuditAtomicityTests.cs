using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Data;

namespace Shegong.Tests.Access;

/// <summary>Own fixture: it breaks the audit table of its database on purpose.</summary>
public class AuditAtomicityTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_change_is_not_saved_either()
    {
        await using (var db = app.OpenDb())
        {
            if (TestDatabase.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
                    """, Ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit down'); END;", Ct);
            }
        }
        using var response = await app.Client.PutAsJsonAsync("/api/regions/510104017000",
            new { urbanRuralCode = (string?)null, isCentralTown = false, isRelocationSite = false, isGovernancePilot = false, residentPopulation = 98765, urbanResidentPopulation = 1, version = await app.Client.VersionOfAsync("/api/regions/510104017000") }, Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("audit down", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var check = app.OpenDb();
        Assert.NotEqual(98765, (await check.Regions.SingleAsync(r => r.Code == "510104017000", Ct)).ResidentPopulation);
    }
}
