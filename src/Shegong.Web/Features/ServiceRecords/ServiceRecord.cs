using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>
/// A service record (服务记录), the unit of all statistics: when, at which station, by which
/// workers, in which category, by which method and channel, for how long, for whom (named
/// residents and a head count of people not named) and, for resource linking, worth how many yuan.
/// It belongs to its station's region, so it rolls up the region tree by code.
/// <see cref="PersonTimes"/> is kept by <see cref="Recount"/>: every named resident counts 1 and
/// every person of the head count 1 (docs/person-times.md states the whole rule).
/// A record made by a source (a casework contact, a group session, an activity, an assessment, a
/// request) is held by that source through a unique foreign key, so it exists exactly once.
/// </summary>
public class ServiceRecord : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public DateOnly ServedOn { get; private set; }
    public int StationId { get; private set; }

    /// <summary>The station's region, copied when the record is made (a station never moves region).</summary>
    public string RegionCode { get; private set; } = "";
    public ServiceCategory Category { get; private set; }
    public ServiceMethod Method { get; private set; }
    public ServiceChannel Channel { get; private set; }
    public int DurationMinutes { get; private set; }

    /// <summary>People served who are not named (a crowd at an activity, a family not registered).</summary>
    public int HeadCount { get; private set; }
    public int PersonTimes { get; private set; }

    /// <summary>Value linked in yuan (resource linking); null when the service has none.</summary>
    public decimal? ValueYuan { get; private set; }
    public ServiceSource Source { get; private set; }
    public string? Content { get; private set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<ServiceRecordWorker> Workers { get; private set; } = [];
    public List<ServiceBeneficiary> Beneficiaries { get; private set; } = [];

    /// <summary>A new record of <paramref name="source"/> at a station (its region comes from the station).</summary>
    public static ServiceRecord Create(ServiceSource source, int stationId, string stationRegionCode, ServiceFacts facts)
    {
        var record = new ServiceRecord { Source = source, StationId = stationId, RegionCode = stationRegionCode };
        record.Revise(facts);
        return record;
    }

    /// <summary>Replaces what the record says (a correction, or its source changed); person-times follow.</summary>
    public void Revise(ServiceFacts facts)
    {
        ServedOn = facts.ServedOn;
        Category = facts.Category;
        Method = facts.Method;
        Channel = facts.Channel;
        DurationMinutes = facts.DurationMinutes;
        HeadCount = facts.HeadCount;
        ValueYuan = facts.ValueYuan;
        Content = facts.Content;
        Sync(Workers, facts.WorkerIds.Distinct(), w => w.SocialWorkerId, id => new ServiceRecordWorker { SocialWorkerId = id });
        Sync(Beneficiaries, facts.ResidentIds.Distinct(), b => b.ResidentId, id => new ServiceBeneficiary { ResidentId = id });
        Recount();
    }

    /// <summary>The person-times rule: each named resident once, plus the people of the head count.</summary>
    public void Recount() => PersonTimes = Beneficiaries.Count + HeadCount;

    // Keeps unchanged rows (so the audit shows only what changed), removes the dropped, adds the new.
    private static void Sync<TRow>(List<TRow> rows, IEnumerable<int> ids, Func<TRow, int> key, Func<int, TRow> make)
    {
        var wanted = ids.ToHashSet();
        rows.RemoveAll(r => !wanted.Contains(key(r)));
        rows.AddRange(wanted.Except(rows.Select(key)).Select(make));
    }
}

/// <summary>What a service record says, as its source or a direct entry gives it.</summary>
public sealed record ServiceFacts(
    DateOnly ServedOn,
    ServiceCategory Category,
    ServiceMethod Method,
    ServiceChannel Channel,
    int DurationMinutes,
    IReadOnlyCollection<int> WorkerIds,
    IReadOnlyCollection<int> ResidentIds,
    int HeadCount,
    decimal? ValueYuan = null,
    string? Content = null);

/// <summary>A social worker who gave the service; guarded and audited through the record.</summary>
public class ServiceRecordWorker : IScopedThrough<ServiceRecord>
{
    public int Id { get; private set; }
    public int ServiceRecordId { get; private set; }
    public int SocialWorkerId { get; init; }
}

/// <summary>A named resident served; guarded and audited through the record.</summary>
public class ServiceBeneficiary : IScopedThrough<ServiceRecord>
{
    public int Id { get; private set; }
    public int ServiceRecordId { get; private set; }
    public int ResidentId { get; init; }
}
