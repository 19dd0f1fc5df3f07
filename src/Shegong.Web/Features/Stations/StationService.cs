using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Stations;

/// <summary>The station network: list, read, create, edit and move status. UI and API share it.</summary>
public sealed class StationService(ShegongDb db, TimeProvider clock)
{
    /// <summary>The columns the station list may be sorted by.</summary>
    public static readonly SortFields<Station> Sorts = new SortFields<Station>()
        .Add("name", s => s.Name).Add("level", s => s.Level).Add("status", s => s.Status)
        .Add("region", s => s.RegionCode).Add("openedOn", s => s.OpenedOn);

    public async Task<PagedResult<StationRow>> ListAsync(StationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var stations = await Sorts.Apply(query, page.Sort, q => q.OrderBy(s => s.RegionCode).ThenBy(s => s.Level).ThenBy(s => s.Id), q => q.ThenBy(s => s.Id))
            .Skip(page.Skip).Take(page.PageSize).AsNoTracking().ToListAsync(cancellationToken);
        return new PagedResult<StationRow>(await ToRowsAsync(stations, cancellationToken), total);
    }

    public async Task<StationDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var station = await db.Stations.AsNoTracking().Include(s => s.StatusHistory)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);
        var (name, path) = (await RegionPaths.NameAsync(db, [station.RegionCode], cancellationToken))[station.RegionCode];
        var history = station.StatusHistory.OrderBy(h => h.On).ThenBy(h => h.Id)
            .Select(h => new StationStatusChangeRow(h.From, h.To, h.On, h.Note)).ToList();
        return new StationDetail(station.Id, station.Name, station.Level, station.Status, station.RegionCode, name, path,
            station.OpenedOn, station.Address, station.Phone, station.Latitude, station.Longitude, station.BuildPath,
            station.FloorArea, Station.NextStatuses(station.Status), history, station.Version);
    }

    public async Task<StationDetail> CreateAsync(StationForm form, CancellationToken cancellationToken = default)
    {
        await CheckAsync(form, stationId: null, cancellationToken);
        var initial = form.Status ?? StationStatus.Planned;
        if (initial == StationStatus.Closed)
        {
            throw RequestProblem.Invalid("status", ProblemText.StationNewStationStartClosed);
        }
        if (initial is StationStatus.Operating or StationStatus.Suspended && form.OpenedOn is null)
        {
            throw RequestProblem.Invalid("openedOn", ProblemText.StationOperatingStationNeedsOpenedDate);
        }
        if (initial is StationStatus.Operating or StationStatus.Suspended && form.OpenedOn > Today)
        {
            throw RequestProblem.Invalid("openedOn", ProblemText.StationOperatingStationOpenFuture);
        }
        var station = new Station { Name = "", RegionCode = "" };
        Apply(form, station);
        station.StartAs(initial, form.OpenedOn ?? Today);
        db.Stations.Add(station);
        await SaveAsync(cancellationToken);
        return await GetAsync(station.Id, cancellationToken);
    }

    public async Task<StationDetail> UpdateAsync(int id, StationForm form, CancellationToken cancellationToken = default)
    {
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, station, form.Version);
        await CheckAsync(form, id, cancellationToken, station.Status);
        Apply(form, station);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<StationDetail> ChangeStatusAsync(int id, StationStatusForm form, CancellationToken cancellationToken = default)
    {
        var station = await db.Stations.Include(s => s.StatusHistory)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, station, form.Version);
        if (form.Note?.Length > 200)
        {
            throw RequestProblem.Invalid("note", ProblemText.StationNoteCharacters);
        }
        var on = form.On ?? Today;
        if (on > Today)
        {
            throw RequestProblem.Invalid("on", ProblemText.StationStatusChangeDatedFuture);
        }
        station.MoveTo(form.Status, on, form.Note);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private IQueryable<Station> Filtered(StationFilter filter)
    {
        var query = db.Stations.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            query = query.Where(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0);
        }
        if (filter.Level is { } level)
        {
            query = query.Where(s => s.Level == level);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(s => s.Name.Contains(text));
        }
        return query;
    }

    /// <summary>Form rules, region level match, scope and the one-open-station-per-region rule.</summary>
    private async Task CheckAsync(StationForm form, int? stationId, CancellationToken cancellationToken, StationStatus status = StationStatus.Planned)
    {
        FormValidation.ThrowIfInvalid(form);
        if (form.Latitude.HasValue != form.Longitude.HasValue)
        {
            throw RequestProblem.Invalid("longitude", ProblemText.StationGiveBothLatitudeLongitudeNeither);
        }
        // Unfiltered, so a region outside scope answers 403 below rather than "no such region".
        var region = await db.Regions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Code == form.RegionCode, cancellationToken)
            ?? throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.NoRegionWithCode, form.RegionCode));
        if (!db.Scope.Contains(region.Code))
        {
            throw RequestProblem.Forbidden(Problems.Format(ProblemText.OutsideYourScope, region.Name));
        }
        var level = form.Level!.Value;
        var needed = StationLevels.RegionLevelOf(level);
        if (region.Level != needed)
        {
            throw RequestProblem.Invalid("regionCode",
                Problems.Format(ProblemText.StationLevelWrongRegion, Names.Of(level), Names.Of(needed), region.Name, Names.Of(region.Level)));
        }
        if (StationLevels.IsOnePerRegion(level) && status != StationStatus.Closed)
        {
            var other = await db.Stations.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.RegionCode == region.Code && s.Level != StationLevel.VillageRoom && s.Status != StationStatus.Closed && s.Id != stationId)
                .Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                throw RequestProblem.Conflict(Problems.Format(ProblemText.StationAlreadyOpenStation, region.Name, other));
            }
        }
    }

    private static void Apply(StationForm form, Station station)
    {
        station.Name = form.Name!.Trim();
        station.Level = form.Level!.Value;
        station.RegionCode = form.RegionCode!;
        station.OpenedOn = form.OpenedOn ?? station.OpenedOn;
        station.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        station.Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        station.Latitude = form.Latitude;
        station.Longitude = form.Longitude;
        station.BuildPath = form.BuildPath;
        station.FloorArea = form.FloorArea;
    }

    /// <summary>Saves; a race lost on the one-open-station index becomes a 409, not a 500.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UX_Stations_OneOpenPerRegion", StringComparison.Ordinal) == true
            || ex.InnerException?.Message.Contains("UNIQUE constraint failed: Stations.RegionCode", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict(ProblemText.StationRegionAlreadyOpenStation);
        }
    }

    private async Task<IReadOnlyList<StationRow>> ToRowsAsync(List<Station> stations, CancellationToken cancellationToken)
    {
        var names = await RegionPaths.NameAsync(db, stations.Select(s => s.RegionCode), cancellationToken);
        return stations.Select(s => new StationRow(s.Id, s.Name, s.Level, s.Status, s.RegionCode,
            names[s.RegionCode].Name, names[s.RegionCode].Path, s.OpenedOn, s.BuildPath, s.Phone, s.Version)).ToList();
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.NoStationWithId, id));
}
