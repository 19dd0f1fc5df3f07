using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.ServiceRecords;

public sealed partial class ServiceRecordService
{
    private IQueryable<ServiceRecord> Filtered(ServiceRecordFilter filter)
    {
        var query = db.ServiceRecords.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            query = query.Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0);
        }
        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            throw RequestProblem.Invalid("to", ProblemText.ServiceRecordCannotBeforeFrom);
        }
        if (filter.StationId is { } station)
        {
            query = query.Where(r => r.StationId == station);
        }
        if (filter.From is { } start)
        {
            query = query.Where(r => r.ServedOn >= start);
        }
        if (filter.To is { } end)
        {
            query = query.Where(r => r.ServedOn <= end);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(r => r.Category == category);
        }
        if (filter.Method is { } method)
        {
            query = query.Where(r => r.Method == method);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(r => r.Channel == channel);
        }
        if (filter.Source is { } source)
        {
            query = query.Where(r => r.Source == source);
        }
        if (filter.WorkerId is { } worker)
        {
            query = query.Where(r => r.Workers.Any(w => w.SocialWorkerId == worker));
        }
        if (filter.ResidentId is { } resident)
        {
            query = query.Where(r => r.Beneficiaries.Any(b => b.ResidentId == resident));
        }
        return query;
    }

    private sealed record Names(
        IReadOnlyDictionary<int, string> Stations,
        IReadOnlyDictionary<int, string> Workers,
        IReadOnlyDictionary<int, string> Residents);

    /// <summary>
    /// Station, worker and resident names of the records, one query each. Workers are named whatever the
    /// scope (a county's supporting worker on a township's record); residents only when the caller sees them.
    /// </summary>
    private async Task<Names> NamesAsync(IReadOnlyCollection<ServiceRecord> records, CancellationToken cancellationToken)
    {
        var stationIds = records.Select(r => r.StationId).Distinct().ToList();
        var workerIds = records.SelectMany(r => r.Workers).Select(w => w.SocialWorkerId).Distinct().ToList();
        var residentIds = records.SelectMany(r => r.Beneficiaries).Select(b => b.ResidentId).Distinct().ToList();
        var stations = await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => stationIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var workers = await db.SocialWorkers.IgnoreQueryFilters().AsNoTracking().Where(w => workerIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return new Names(stations, workers, residents);
    }
}
