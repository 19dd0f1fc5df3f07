using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Data;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Concurrency;

/// <summary>Fails the first command whose text holds the armed text, once, as a dropped connection would.</summary>
public sealed class TransientFault : DbCommandInterceptor
{
    private string? armedFor;

    public int Fired { get; private set; }

    public void Arm(string commandText) => armedFor = commandText;

    private void MaybeFail(DbCommand command)
    {
        var armed = armedFor;
        if (armed is not null && command.CommandText.Contains(armed, StringComparison.Ordinal) && Interlocked.CompareExchange(ref armedFor, null, armed) == armed)
        {
            Fired++;
            throw new NpgsqlException("injected transient failure", new IOException("connection reset (injected)"));
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The Sichuan regions, with <see cref="TransientFault"/> in every context of the app.</summary>
public sealed class TransientFaultApp : TestApp
{
    public TransientFault Fault { get; } = new();

    protected override bool WithSichuanRegions => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Fault));
    }
}

/// <summary>
/// On PostgreSQL a save that meets a transient failure (a dropped connection, a failover) is retried
/// as a whole: the record, its derived rows and its audit entry are written exactly once, and the user
/// sees a normal answer. (SQLite has no such failures to retry; the suite runs this on PostgreSQL.)
/// </summary>
public class TransientFailureTests(TransientFaultApp app) : IClassFixture<TransientFaultApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_hit_by_a_transient_failure_mid_transaction_is_retried_whole_and_written_once()
    {
        Assert.SkipUnless(TestDatabase.Provider == DatabaseProvider.Postgres, "retries are PostgreSQL's (Database:RetryOnFailure)");
        await using var db = app.OpenDb();
        var tallyBefore = await db.StationTallies.Where(t => t.RegionCode == "510104000000" && t.Level == StationLevel.TownshipStation)
            .Select(t => t.Count).SingleOrDefaultAsync(Ct);

        // The station and its tally are written; the audit entry, last in the same transaction, fails once.
        app.Fault.Arm("INSERT INTO \"AuditEntries\"");
        var created = await (await app.Client.PostJsonAsync("/api/stations",
            new { name = "重试测试街道社工站", level = "TownshipStation", regionCode = "510104017000" })).ReadAsync<StationDetail>(HttpStatusCode.Created);

        Assert.Equal(1, app.Fault.Fired);
        Assert.Equal(1, await db.Stations.CountAsync(s => s.Name == "重试测试街道社工站", Ct));
        Assert.Equal(tallyBefore + 1, await db.StationTallies.Where(t => t.RegionCode == "510104000000" && t.Level == StationLevel.TownshipStation)
            .Select(t => t.Count).SingleAsync(Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Entity == nameof(Station) && a.EntityId == created.Id.ToString(), Ct));
    }
}
