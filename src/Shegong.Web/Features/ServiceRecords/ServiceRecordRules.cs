using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>The checks of a direct record: who, where, when and how much, each refused with the field it concerns.</summary>
public static class ServiceRecordRules
{
    public const int MaxMinutes = 720;
    public const int MaxHeadCount = 5000;
    public const int MaxNamed = 500;
    public const int MaxWorkers = 20;

    /// <summary>Older than this is taken for a typing error (the province's network dates from 2020).</summary>
    public static readonly DateOnly Earliest = new(2015, 1, 1);

    /// <summary>Checks the form against the database and answers the station it names.</summary>
    public static async Task<Station> CheckAsync(ShegongDb db, ServiceRecordForm form, DateOnly today, bool creating, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var servedOn = form.ServedOn!.Value;
        if (servedOn > today)
        {
            throw RequestProblem.Invalid("servedOn", "服务日期不能晚于今天 / servedOn cannot be in the future");
        }
        if (servedOn < Earliest)
        {
            throw RequestProblem.Invalid("servedOn", $"服务日期不能早于{Earliest:yyyy-MM-dd} / servedOn cannot be before {Earliest:yyyy-MM-dd}");
        }
        // Through the scope filter: a station outside the caller's scope is the same 400 as none.
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.StationId, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", $"没有编号为{form.StationId}的站点 / no station has id {form.StationId}");
        if (creating && station.Status != StationStatus.Operating)
        {
            throw RequestProblem.Invalid("stationId", $"站点“{station.Name}”不在运营中 / station {station.Name} is not operating");
        }
        if (station.OpenedOn is { } opened && servedOn < opened)
        {
            throw RequestProblem.Invalid("servedOn", $"服务日期早于站点启用日期（{opened:yyyy-MM-dd}） / servedOn is before the station opened ({opened:yyyy-MM-dd})");
        }
        await CheckWorkersAsync(db, form.WorkerIds ?? [], station, servedOn, cancellationToken);
        await CheckResidentsAsync(db, form.ResidentIds ?? [], cancellationToken);
        if ((form.ResidentIds?.Distinct().Count() ?? 0) + (form.HeadCount ?? 0) == 0)
        {
            throw RequestProblem.Invalid("residentIds", "请至少选择一位服务对象或填写未登记人数 / name at least one resident or give a headCount");
        }
        return station;
    }

    private static async Task CheckWorkersAsync(ShegongDb db, List<int> ids, Station station, DateOnly servedOn, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            throw RequestProblem.Invalid("workerIds", "请至少选择一位社工 / name at least one social worker");
        }
        if (wanted.Count > MaxWorkers)
        {
            throw RequestProblem.Invalid("workerIds", $"社工不能超过{MaxWorkers}位 / at most {MaxWorkers} social workers");
        }
        // Resident or supporting at this station on the day. The station is in the caller's scope, so who
        // worked there may be read even when a supporting worker belongs to a county above that scope.
        var working = await db.StationAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StationId == station.Id && wanted.Contains(a.SocialWorkerId) && a.From <= servedOn && (a.To == null || a.To >= servedOn))
            .Select(a => a.SocialWorkerId).Distinct().ToListAsync(cancellationToken);
        if (wanted.Except(working).Select(i => (int?)i).FirstOrDefault() is { } id)
        {
            throw RequestProblem.Invalid("workerIds",
                $"编号为{id}的社工在{servedOn:yyyy-MM-dd}不在站点“{station.Name}”工作 / social worker {id} did not work at {station.Name} on {servedOn:yyyy-MM-dd}");
        }
    }

    private static async Task CheckResidentsAsync(ShegongDb db, List<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count > MaxNamed)
        {
            throw RequestProblem.Invalid("residentIds", $"服务对象不能超过{MaxNamed}位，其余请填未登记人数 / at most {MaxNamed} named residents; count the rest in headCount");
        }
        var found = await db.Residents.AsNoTracking().Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (wanted.Except(found).Select(i => (int?)i).FirstOrDefault() is { } missing)
        {
            throw RequestProblem.Invalid("residentIds", $"没有编号为{missing}的服务对象 / no resident has id {missing}");
        }
    }
}
