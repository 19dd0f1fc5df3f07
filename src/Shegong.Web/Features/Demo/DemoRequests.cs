using Shegong.Web.Features.Requests;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Demo service requests (服务需求): about two thousand completed ones, each holding a one-off service
/// record of the year for one resident by one worker (its Source becomes Request, so nothing is
/// added to the figures), with the steps before it timed backwards from the service (raised,
/// triaged within hours, assigned within a day or two, visited, completed) and most rated 1–5; and
/// about a thousand more that stop at an earlier step: declined through the year, and still raised,
/// triaged, assigned or visited at the year's end (raised in December). The demo worker has
/// requests assigned to them.
/// </summary>
internal sealed class DemoRequests(DemoServiceYear year, Random random, DemoWorkerPlace? demoWorker)
{
    public const int Completed = 2_000;
    public const int Open = 700;
    public const int Declined = 300;

    private static readonly DateOnly December = new(2025, 12, 1);

    private static readonly string[] Columns =
    [
        "Id", "RegionCode", "Origin", "Status", "ContactName", "ResidentId", "Need", "RaisedBy", "RaisedAt", "Category", "Urgent", "StationId",
        "TriagedAt", "AssignedWorkerId", "AssignedAt", "VisitedAt", "VisitNote", "CompletedAt", "ServiceRecordId", "DeclinedAt", "DeclineReason",
        "Satisfaction", "SatisfactionNote", "RatedAt",
    ];

    private static readonly Dictionary<ServiceCategory, string[]> Needs = new()
    {
        [ServiceCategory.SocialAssistance] = ["家里收入困难，想了解能否申请低保", "老伴住院花费大，想申请临时救助", "低保年审材料不会准备，请社工帮忙"],
        [ServiceCategory.ElderlyAndChildCare] = ["老人独居，希望社工定期上门看看", "孩子父母在外打工，想请社工帮忙辅导功课", "老人腿脚不便，希望联系助餐服务"],
        [ServiceCategory.IndustryDevelopment] = ["想学电商卖自家农产品，不知道怎么开始", "想参加技能培训找工作", "想了解创业补贴怎么申请"],
    };

    private static readonly string[] Cadres = ["村委会委员", "村（社区）网格员", "驻村工作队队员", "村妇女主任"];
    private static readonly string[] VisitNotes = ["已入户了解情况，核实需求属实", "电话联系后上门，与家属一起商定服务安排", "入户走访，初步评估需求"];
    private static readonly string[] DeclineReasons = ["不属于社工站服务范围，已告知向乡镇便民服务中心咨询", "与已受理的需求重复", "多次联系不上申请人", "需求已由村委会解决"];
    private static readonly string[] RatingNotes = ["社工很耐心，问题解决了", "上门及时，非常感谢", "办理时间有点长", "希望以后多来看看"];

    private readonly List<object?[]> rows = [];

    public DemoRequests Build()
    {
        // The worker was assigned up to five days before the service: only services whose worker was at the station by then.
        var candidates = year.RequestCandidates.Where(c => c.Date >= new DateOnly(2025, 1, 20) && c.Station.Serves(c.WorkerId, c.Date.AddDays(-6))).ToList();
        var share = Math.Min(1.0, (double)Completed / Math.Max(1, candidates.Count));
        foreach (var served in candidates.Where(_ => random.NextDouble() < share))
        {
            AddCompleted(served);
        }
        for (var i = 0; i < Declined; i++)
        {
            var station = year.PickStation();
            var raised = At(year.PickDate(station), random.Next(8, 18));
            // Declined on first reading, or after triage.
            var triaged = random.NextDouble() < 0.5 ? raised.AddHours(random.Next(1, 24)) : (DateTime?)null;
            var declinedAt = (triaged ?? raised).AddHours(random.Next(2, 72));
            Add(station, PickResident(station), RequestStatus.Declined, PickCategory(), raised, triaged, null, null, null, null, declinedAt,
                triaged is null ? null : station.StationId);
        }
        for (var i = 0; i < Open; i++)
        {
            // Raised in December: at a station staffed by then.
            var station = year.PickStation();
            while (station.StaffedFrom > December)
            {
                station = year.PickStation();
            }
            var status = random.NextDouble() switch { < 0.2 => RequestStatus.Raised, < 0.4 => RequestStatus.Triaged, < 0.75 => RequestStatus.Assigned, _ => RequestStatus.Visited };
            AddOpen(station, null, status);
        }
        // The demo worker's today page lists requests assigned to them, one urgent.
        if (demoWorker is not null && year.StationsById.TryGetValue(demoWorker.StationId, out var home))
        {
            AddOpen(home, demoWorker.WorkerId, RequestStatus.Assigned, urgent: true);
            AddOpen(home, demoWorker.WorkerId, RequestStatus.Assigned);
            AddOpen(home, demoWorker.WorkerId, RequestStatus.Visited);
        }
        return this;
    }

    public Task InsertAsync(DemoBulk bulk, CancellationToken cancellationToken) =>
        bulk.InsertAsync("ServiceRequests", Columns, rows, versioned: true, cancellationToken);

    /// <summary>A request the record of <paramref name="served"/> completed: its steps run backwards from the service.</summary>
    private void AddCompleted(DemoServed served)
    {
        var record = year.Record(served.RecordId);
        var completed = At(served.Date, random.Next(14, 18)).AddMinutes(random.Next(60));
        var visited = At(served.Date.AddDays(-random.Next(0, 3)), random.Next(9, 12)).AddMinutes(random.Next(60));
        var assigned = visited.AddHours(-random.Next(2, 72));
        var triaged = assigned.AddHours(-random.Next(1, 24));
        var raised = triaged.AddHours(-random.Next(1, 36));
        record[11] = ServiceSource.Request.ToString();
        var resident = year.Residents[served.Station.StationId].First(r => r.Id == served.ResidentId);
        var row = Add(served.Station, resident, RequestStatus.Completed, served.Category, raised, triaged, served.WorkerId, assigned, visited, completed, null,
            served.Station.StationId);
        row[18] = served.RecordId;
        if (random.NextDouble() < 0.85)
        {
            row[21] = random.NextDouble() switch { < 0.55 => 5, < 0.85 => 4, < 0.95 => 3, < 0.99 => 2, _ => 1 };
            row[22] = random.NextDouble() < 0.3 ? Pick(RatingNotes) : null;
            row[23] = completed.AddHours(random.Next(2, 72));
        }
    }

    /// <summary>
    /// A request raised in December 2025 that has reached <paramref name="status"/> (before completion) by the year's end,
    /// assigned to <paramref name="worker"/> or to a worker at the station the day it was raised.
    /// </summary>
    private void AddOpen(DemoStationStaff station, int? worker, RequestStatus status, bool urgent = false)
    {
        var raised = At(December.AddDays(random.Next(0, 28)), random.Next(8, 18)).AddMinutes(random.Next(60));
        worker ??= station.WorkerOn(DateOnly.FromDateTime(raised), random);
        var triaged = status >= RequestStatus.Triaged ? raised.AddHours(random.Next(1, 24)) : (DateTime?)null;
        var assigned = status >= RequestStatus.Assigned ? triaged!.Value.AddHours(random.Next(1, 48)) : (DateTime?)null;
        var visited = status >= RequestStatus.Visited ? assigned!.Value.AddHours(random.Next(4, 72)) : (DateTime?)null;
        var row = Add(station, PickResident(station), status, PickCategory(), raised, triaged, status >= RequestStatus.Assigned ? worker : null, assigned, visited,
            null, null, triaged is null ? null : station.StationId);
        row[10] = urgent || (bool)row[10]!;
    }

    private object?[] Add(DemoStationStaff station, DemoResident resident, RequestStatus status, ServiceCategory category, DateTime raised, DateTime? triaged,
        int? worker, DateTime? assigned, DateTime? visited, DateTime? completed, DateTime? declined, int? stationId)
    {
        var origin = random.NextDouble() switch { < 0.45 => RequestOrigin.WalkIn, < 0.8 => RequestOrigin.OnBehalf, _ => RequestOrigin.Online };
        var taken = triaged is not null;
        object?[] row =
        [
            rows.Count + 1, resident.Village, origin.ToString(), status.ToString(), resident.Name, resident.Id, Pick(Needs[category]),
            origin == RequestOrigin.OnBehalf ? Pick(Cadres) : null, raised, taken ? category.ToString() : null, taken && random.NextDouble() < 0.1,
            stationId, triaged, worker, assigned, visited, visited is null ? null : Pick(VisitNotes), completed, null, declined,
            declined is null ? null : Pick(DeclineReasons), null, null, null,
        ];
        rows.Add(row);
        return row;
    }

    private DemoResident PickResident(DemoStationStaff station)
    {
        var pool = year.Residents[station.StationId];
        return pool[random.Next(pool.Count)];
    }

    private ServiceCategory PickCategory() => random.NextDouble() switch
    {
        < 0.35 => ServiceCategory.SocialAssistance,
        < 0.85 => ServiceCategory.ElderlyAndChildCare,
        _ => ServiceCategory.IndustryDevelopment,
    };

    private string Pick(string[] texts) => texts[random.Next(texts.Length)];

    private static DateTime At(DateOnly on, int hour) => on.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}
