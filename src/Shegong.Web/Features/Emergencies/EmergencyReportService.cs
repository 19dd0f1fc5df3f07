using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Emergencies;

/// <summary>A station's daily reports for an emergency: list, read, report, correct. UI and API share it.</summary>
public sealed class EmergencyReportService(ShegongDb db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Reports of an emergency inside the reader's scope, newest day first; optionally one station's or one day's.</summary>
    public async Task<PagedResult<EmergencyReportView>> ListAsync(int emergencyId, int? stationId, DateOnly? day, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        await EmergencyAsync(emergencyId, cancellationToken);
        var query = db.Set<EmergencyReport>().AsNoTracking().Where(r => r.EmergencyId == emergencyId);
        query = stationId is { } s ? query.Where(r => r.StationId == s) : query;
        query = day is { } d ? query.Where(r => r.Day == d) : query;
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Day).ThenBy(r => r.RegionCode).ThenBy(r => r.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var names = await StationNamesAsync(rows.Select(r => r.StationId), cancellationToken);
        var named = await EmergencyReportNaming.NamedAsync(db, [.. rows.Select(r => r.Id)], cancellationToken);
        return new PagedResult<EmergencyReportView>([.. rows.Select(r => View(r, names, named))], total);
    }

    public async Task<EmergencyReportView> GetAsync(int emergencyId, int id, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<EmergencyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.EmergencyId == emergencyId, cancellationToken)
            ?? throw NotFound(id);
        return View(report, await StationNamesAsync([report.StationId], cancellationToken),
            await EmergencyReportNaming.NamedAsync(db, [report.Id], cancellationToken));
    }

    public async Task<EmergencyReportView> CreateAsync(int emergencyId, EmergencyReportForm form, CancellationToken cancellationToken = default)
    {
        var report = new EmergencyReport { EmergencyId = emergencyId };
        await ApplyAsync(form, report, cancellationToken);
        db.Add(report);
        await SaveAsync(report, cancellationToken);
        return await GetAsync(emergencyId, report.Id, cancellationToken);
    }

    public async Task<EmergencyReportView> UpdateAsync(int emergencyId, int id, EmergencyReportForm form, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<EmergencyReport>().Include(r => r.Teams).Include(r => r.Organisations)
            .FirstOrDefaultAsync(r => r.Id == id && r.EmergencyId == emergencyId, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, report, form.Version);
        await ApplyAsync(form, report, cancellationToken);
        await SaveAsync(report, cancellationToken);
        return await GetAsync(emergencyId, id, cancellationToken);
    }

    /// <summary>What the report form offers to tick for a station (read through the scope: another station's are not offered).</summary>
    public Task<StationGroups> GroupsOfAsync(int stationId, CancellationToken cancellationToken = default) =>
        EmergencyReportNaming.OfStationAsync(db, stationId, cancellationToken);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.EmergencyReportNotFound, id));

    private async Task<Emergency> EmergencyAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<Emergency>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.EmergencyNotFound, id));

    private async Task SaveAsync(EmergencyReport report, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsDuplicate(ex))
        {
            // Another report of the station for that day was saved first (or between the check and this save).
            var names = await StationNamesAsync([report.StationId], cancellationToken);
            throw RequestProblem.Conflict("day", Problems.Format(ProblemText.EmergencyReportDuplicate, names.GetValueOrDefault(report.StationId, ""),
                report.Day.ToString("yyyy-MM-dd")));
        }
    }

    private async Task ApplyAsync(EmergencyReportForm form, EmergencyReport report, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var emergency = await EmergencyAsync(report.EmergencyId, cancellationToken);
        if (emergency.Status == EmergencyStatus.Closed)
        {
            throw RequestProblem.Invalid("day", Problems.Format(ProblemText.EmergencyClosed, emergency.Name));
        }
        // The station is looked up through the scope: another station's id is "no such station", as for every foreign id.
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.StationId, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupNoStation, form.StationId));
        if (station.Status == StationStatus.Closed && station.Id != report.StationId)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupClosed, station.Name));
        }
        var areas = await EmergencyPlaces.AreaCodesAsync(db, emergency.Id, cancellationToken);
        if (!areas.Any(a => EmergencyPlaces.Under(station.RegionCode, a)))
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.EmergencyStationOutsideAreas, station.Name, emergency.Name));
        }
        var day = form.Day!.Value;
        if (!emergency.Covers(day, Today))
        {
            var end = (emergency.EndDate is { } e && e < Today ? e : Today).ToString("yyyy-MM-dd");
            throw RequestProblem.Invalid("day", Problems.Format(ProblemText.EmergencyDayOutsidePeriod, day.ToString("yyyy-MM-dd"),
                emergency.StartDate.ToString("yyyy-MM-dd"), end));
        }
        report.StationId = station.Id;
        report.RegionCode = station.RegionCode;
        report.Day = day;
        report.Screening = form.Screening ?? 0;
        report.TestingSupport = form.TestingSupport ?? 0;
        report.SupplyDelivery = form.SupplyDelivery ?? 0;
        report.CareVisits = form.CareVisits ?? 0;
        report.VolunteersMobilised = form.VolunteersMobilised ?? 0;
        report.OrganisationsMobilised = form.OrganisationsMobilised ?? 0;
        report.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        await EmergencyReportNaming.ApplyAsync(db, form, report, station, cancellationToken);
    }

    // A report lies in its station's region, so the reader of a report sees its station: read through the scope.
    private async Task<Dictionary<int, string>> StationNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Stations.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
    }

    private static EmergencyReportView View(EmergencyReport r, Dictionary<int, string> names, ILookup<int, (bool Team, NamedGroup Group)> named) =>
        new(r.Id, r.EmergencyId, r.StationId, names.GetValueOrDefault(r.StationId, ""), r.RegionCode, r.Day, r.Screening, r.TestingSupport,
            r.SupplyDelivery, r.CareVisits, r.VolunteersMobilised, r.OrganisationsMobilised, r.Note, r.Version,
            [.. named[r.Id].Where(n => n.Team).Select(n => n.Group)], [.. named[r.Id].Where(n => !n.Team).Select(n => n.Group)]);
}
