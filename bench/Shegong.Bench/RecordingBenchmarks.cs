using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Stations;

namespace Shegong.Bench;

/// <summary>
/// Recording throughput through <see cref="ServiceRecordService"/> with the write guard and audit on, over
/// the demo year (46,847 residents, ~133,000 records): one record per transaction (a worker's save), and
/// batches of 1,000 (a phone sending what it recorded offline). Read per-record times from the
/// "per operation" columns: records per second = 1 s / mean. <see cref="SummaryMaintained"/> false runs
/// the same saves without the statistics summary's maintainers, for the issue's "summary maintained vs
/// not" ratio (goal ≥ 0.5).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecordingBenchmarks
{
    private BenchHost host = null!;
    private int station;
    private int[] workers = [];
    private int[] residents = [];
    private int next;

    // December of the demo year: every demo station had opened and its workers had started by then.
    private static readonly DateOnly FirstDay = new(2025, 12, 1);
    private static readonly DateOnly LastDay = new(2025, 12, 28);

    [Params(true, false)]
    public bool SummaryMaintained { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        host = await BenchHost.StartAsync(SummaryMaintained);
        await using var scope = host.System();
        var db = BenchHost.Db(scope);
        // The busiest operating township station, its workers and the residents it has served.
        station = await db.ServiceRecords.GroupBy(r => r.StationId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        // Workers on the station's staff all through the month the saves fall in (the service checks each worker's assignment on the day).
        workers = await db.StationAssignments.Where(a => a.StationId == station && a.From <= FirstDay && (a.To == null || a.To >= LastDay))
            .Select(a => a.SocialWorkerId).Distinct().OrderBy(id => id).Take(5).ToArrayAsync();
        residents = await db.ServiceBeneficiaries.Where(b => db.ServiceRecords.Any(r => r.Id == b.ServiceRecordId && r.StationId == station))
            .Select(b => b.ResidentId).Distinct().Take(200).ToArrayAsync();
        if (!await db.Stations.AnyAsync(s => s.Id == station && s.Status == StationStatus.Operating) || workers.Length == 0 || residents.Length == 0)
        {
            throw new InvalidOperationException("the bench database has no operating station with records");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private ServiceRecordForm Visit()
    {
        var n = next++;
        return new ServiceRecordForm
        {
            ServedOn = FirstDay.AddDays(n % 28),
            StationId = station,
            Category = ServiceCategory.ElderlyAndChildCare,
            Method = ServiceMethod.Other,
            Channel = ServiceChannel.HomeVisit,
            DurationMinutes = 45,
            WorkerIds = [workers[n % workers.Length]],
            ResidentIds = [residents[n % residents.Length], residents[(n + 7) % residents.Length]],
            HeadCount = n % 3,
            Content = "探访独居老人",
        };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 100, Description = "one record per transaction (100 saves)")]
    public async Task OnePerTransaction()
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = host.SignedIn();
            await scope.ServiceProvider.GetRequiredService<ServiceRecordService>().CreateAsync(Visit());
        }
    }

    [Benchmark(OperationsPerInvoke = 1000, Description = "a batch of 1,000 records in one transaction")]
    public async Task BatchOf1000()
    {
        await using var scope = host.SignedIn();
        var form = new ServiceRecordBatchForm { Records = [.. Enumerable.Range(0, 1000).Select(_ => Visit())] };
        await scope.ServiceProvider.GetRequiredService<ServiceRecordService>().CreateBatchAsync(form);
    }
}
