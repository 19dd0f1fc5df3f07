using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Requests;

public sealed partial class ServiceRequestService
{
    public async Task<PagedResult<ServiceRequestRow>> ListAsync(ServiceRequestFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = db.ServiceRequests.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            query = query.Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (filter.StationId is { } station)
        {
            query = query.Where(r => r.StationId == station);
        }
        if (filter.WorkerId is { } worker)
        {
            query = query.Where(r => r.AssignedWorkerId == worker);
        }
        if (filter.Origin is { } origin)
        {
            query = query.Where(r => r.Origin == origin);
        }
        var total = await query.CountAsync(cancellationToken);
        var sorts = new SortFields<ServiceRequest>().Add("raisedAt", r => r.RaisedAt).Add("status", r => r.Status);
        var rows = await sorts.Apply(query, page.Sort, q => q.OrderByDescending(r => r.Urgent).ThenByDescending(r => r.RaisedAt), q => q.ThenByDescending(r => r.Id))
            .Skip(page.Skip).Take(page.PageSize).AsNoTracking().ToListAsync(cancellationToken);
        var paths = await RegionPaths.NameAsync(db, rows.Select(r => r.RegionCode), cancellationToken);
        var workers = await WorkerNamesAsync(rows.Select(r => r.AssignedWorkerId), cancellationToken);
        return new PagedResult<ServiceRequestRow>(rows.Select(r => new ServiceRequestRow(r.Id, r.RaisedAt, r.Origin, r.Status, r.ContactName, r.PhoneMasked,
            r.RegionCode, paths[r.RegionCode].Path, r.Category, r.Urgent, r.AssignedWorkerId is { } w ? workers.GetValueOrDefault(w) : null,
            r.Satisfaction, r.Version)).ToList(), total);
    }

    public async Task<ServiceRequestDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var r = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var path = (await RegionPaths.NameAsync(db, [r.RegionCode], cancellationToken))[r.RegionCode].Path;
        var workers = await WorkerNamesAsync([r.AssignedWorkerId], cancellationToken);
        var station = r.StationId is { } s ? await db.Stations.IgnoreQueryFilters().Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var steps = new (string Step, DateTime? At)[]
        {
            ("raised", r.RaisedAt), ("triaged", r.TriagedAt), ("assigned", r.AssignedAt), ("visited", r.VisitedAt),
            ("completed", r.CompletedAt), ("declined", r.DeclinedAt), ("rated", r.RatedAt),
        };
        return new ServiceRequestDetail(r.Id, r.Origin, r.Status, r.ContactName, r.PhoneMasked, r.ResidentId, r.RegionCode, path, r.Need, r.RaisedBy,
            r.Category, r.Urgent, r.StationId, station, r.AssignedWorkerId, r.AssignedWorkerId is { } w ? workers.GetValueOrDefault(w) : null,
            r.VisitNote, r.DeclineReason, r.ServiceRecordId, r.Satisfaction, r.SatisfactionNote,
            steps.Where(x => x.At is not null).Select(x => new RequestStep(x.Step, x.At!.Value, Math.Round((x.At.Value - r.RaisedAt).TotalHours, 2))).ToList(),
            ServiceRequest.NextSteps(r.Status), r.Version);
    }

    private async Task<Dictionary<int, string>> WorkerNamesAsync(IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return await db.SocialWorkers.IgnoreQueryFilters().AsNoTracking().Where(w => wanted.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
    }
}
