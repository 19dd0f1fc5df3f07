using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Data;

namespace Shegong.Tests.Derived;

/// <summary>Own fixture: it breaks the tally table of its database on purpose.</summary>
public class DerivedAtomicityTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_derived_row_cannot_be_written_the_record_is_not_saved_either()
    {
        await using (var db = app.OpenDb())
        {
            if (TestDatabase.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE FUNCTION refuse_tally() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'tally down'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse_tally BEFORE INSERT ON "StationTallies" FOR EACH ROW EXECUTE FUNCTION refuse_tally();
                    """, Ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_tally BEFORE INSERT ON StationTallies BEGIN SELECT RAISE(ABORT, 'tally down'); END;", Ct);
            }
        }

        using var response = await app.Client.PostJsonAsync("/api/stations", new { name = "沙河社工站", level = "TownshipStation", regionCode = "510104019000" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await using var check = app.OpenDb();
        Assert.False(await check.Stations.AnyAsync(s => s.RegionCode == "510104019000", Ct));
        Assert.False(await check.StationTallies.AnyAsync(Ct));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Entity == "Station", Ct));
    }
}
