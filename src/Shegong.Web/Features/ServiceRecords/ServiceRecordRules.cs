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
            throw RequestProblem.Invalid("servedOn", ProblemText.ServiceRecordServedOnCannotInFuture);
        }
        if (servedOn < Earliest)
        {
            throw RequestProblem.Invalid("servedOn", Problems.Format(ProblemText.ServiceRecordServedOnCannotBefore, Earliest));
        }
        // Through the scope filter: a station outside the caller's scope is the same 400 as none.
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.StationId, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupNoStation, form.StationId));
        if (creating && station.Status != StationStatus.Operating)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.ServiceRecordStationNotOperating, station.Name));
        }
        if (station.OpenedOn is { } opened && servedOn < opened)
        {
            throw RequestProblem.Invalid("servedOn", Problems.Format(ProblemText.ServiceRecordServedOnBeforeStationOpened, opened));
        }
        await CheckWorkersAsync(db, form.WorkerIds ?? [], station, servedOn, cancellationToken);
        await CheckResidentsAsync(db, form.ResidentIds ?? [], cancellationToken);
        if ((form.ResidentIds?.Distinct().Count() ?? 0) + (form.HeadCount ?? 0) == 0)
        {
            throw RequestProblem.Invalid("residentIds", ProblemText.ServiceRecordNameAtLeastOneResidentGiveHeadCount);
        }
        return station;
    }

    private static async Task CheckWorkersAsync(ShegongDb db, List<int> ids, Station station, DateOnly servedOn, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            throw RequestProblem.Invalid("workerIds", ProblemText.ServiceRecordNameAtLeastOneSocialWorker);
        }
        if (wanted.Count > MaxWorkers)
        {
            throw RequestProblem.Invalid("workerIds", Problems.Format(ProblemText.ServiceRecordAtMostSocialWorkers, MaxWorkers));
        }
        // Resident or supporting at this station on the day. The station is in the caller's scope, so who
        // worked there may be read even when a supporting worker belongs to a county above that scope.
        var working = await db.StationAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StationId == station.Id && wanted.Contains(a.SocialWorkerId) && a.From <= servedOn && (a.To == null || a.To >= servedOn))
            .Select(a => a.SocialWorkerId).Distinct().ToListAsync(cancellationToken);
        if (wanted.Except(working).Select(i => (int?)i).FirstOrDefault() is { } id)
        {
            throw RequestProblem.Invalid("workerIds",
                Problems.Format(ProblemText.ServiceRecordSocialWorkerDidNotWorkAtOn, id, servedOn, station.Name));
        }
    }

    private static async Task CheckResidentsAsync(ShegongDb db, List<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count > MaxNamed)
        {
            throw RequestProblem.Invalid("residentIds", Problems.Format(ProblemText.ServiceRecordAtMostNamedResidentsCountRestIn, MaxNamed));
        }
        var found = await db.Residents.AsNoTracking().Where(r => wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (wanted.Except(found).Select(i => (int?)i).FirstOrDefault() is { } missing)
        {
            throw RequestProblem.Invalid("residentIds", Problems.Format(ProblemText.ResidentNoResident, missing));
        }
    }
}
