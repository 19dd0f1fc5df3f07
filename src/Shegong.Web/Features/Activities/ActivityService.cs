using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Activities;

/// <summary>Community activities: list, read, create, edit, delete, each with its one service record. UI and API share it.</summary>
public sealed class ActivityService(ShegongDb db, ResidentChoices residents)
{
    public static readonly SortFields<CommunityActivity> Sorts = new SortFields<CommunityActivity>()
        .Add("date", a => a.Date).Add("title", a => a.Title).Add("participants", a => a.ParticipantCount);

    public async Task<PagedResult<ActivityRow>> ListAsync(ActivityFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id), q => q.ThenByDescending(a => a.Id))
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Date,
                a.StationId,
                Station = db.Stations.Where(s => s.Id == a.StationId).Select(s => s.Name).FirstOrDefault(),
                a.RegionCode,
                a.Category,
                a.ParticipantCount,
                Named = a.Participants.Count,
                Files = a.Files.Count,
                a.Version
            })
            .ToListAsync(cancellationToken);
        var places = await RegionPaths.NameAsync(db, rows.Select(r => r.RegionCode), cancellationToken);
        return new PagedResult<ActivityRow>([.. rows.Select(r => new ActivityRow(r.Id, r.Title, r.Date, r.StationId, r.Station ?? "", r.RegionCode,
            places[r.RegionCode].Name, r.Category, r.ParticipantCount, r.Named, r.Files, r.Version))], total);
    }

    public async Task<ActivityDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var activity = await db.Set<CommunityActivity>().AsNoTracking().Include(a => a.Participants).Include(a => a.Files)
            .Include(a => a.Record).ThenInclude(r => r.Workers).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound(id);
        var station = await db.Stations.IgnoreQueryFilters().Where(s => s.Id == activity.StationId).Select(s => new { s.Name, s.RegionCode })
            .FirstAsync(cancellationToken);
        var (place, path) = (await RegionPaths.NameAsync(db, [activity.RegionCode], cancellationToken))[activity.RegionCode];
        var workerIds = activity.Record.Workers.Select(w => w.SocialWorkerId).ToList();
        var workers = await db.SocialWorkers.IgnoreQueryFilters().Where(w => workerIds.Contains(w.Id)).OrderBy(w => w.Id)
            .Select(w => new WorkerChoice(w.Id, w.Name)).ToListAsync(cancellationToken);
        var participants = await residents.NamesAsync(activity.Participants.Select(p => p.ResidentId), cancellationToken);
        var files = activity.Files.OrderBy(f => f.Id).Select(f => new ActivityFileRow(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt)).ToList();
        return new ActivityDetail(activity.Id, activity.Title, activity.Date, activity.StationId, station.Name, activity.RegionCode, place, path,
            activity.RegionCode == station.RegionCode ? null : activity.RegionCode, activity.Venue, activity.Category, activity.DurationMinutes,
            activity.ParticipantCount, participants, workers, activity.Volunteers, activity.Organisations, activity.Description, files,
            activity.ServiceRecordId, activity.Record.PersonTimes, activity.Version);
    }

    public async Task<ActivityDetail> CreateAsync(ActivityForm form, CancellationToken cancellationToken = default)
    {
        var activity = new CommunityActivity();
        var workers = await ApplyAsync(form, activity, [], cancellationToken);
        activity.Record = ServiceRecord.Create(ServiceSource.Activity, activity.StationId, (await StationAsync(activity.StationId, cancellationToken)).RegionCode,
            activity.Facts(workers));
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(activity.Id, cancellationToken);
    }

    public async Task<ActivityDetail> UpdateAsync(int id, ActivityForm form, CancellationToken cancellationToken = default)
    {
        var activity = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, activity, form.Version);
        var workers = await ApplyAsync(form, activity, [.. activity.Record.Workers.Select(w => w.SocialWorkerId)], cancellationToken);
        activity.Record.Revise(activity.Facts(workers));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes the activity, its record and its file rows; answers the stored files to remove once the deletion is committed.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(int id, uint? version, CancellationToken cancellationToken = default)
    {
        var activity = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, activity, version);
        var stored = activity.Files.Select(f => f.StoredName).ToList();
        db.Remove(activity);
        db.Remove(activity.Record);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    internal async Task<CommunityActivity> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<CommunityActivity>().Include(a => a.Participants).Include(a => a.Files).Include(a => a.Record).ThenInclude(r => r.Workers)
            .Include(a => a.Record).ThenInclude(r => r.Beneficiaries).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound(id);

    internal static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.ActivityNoCommunityActivity, id));

    private async Task<Station> StationAsync(int? id, CancellationToken cancellationToken) =>
        await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupNoStation, id));

    private IQueryable<CommunityActivity> Filtered(ActivityFilter filter)
    {
        var query = ScopedRegion.Under(db.Set<CommunityActivity>().AsNoTracking(), filter.Region);
        query = filter.Category is { } category ? query.Where(a => a.Category == category) : query;
        query = filter.From is { } from ? query.Where(a => a.Date >= from) : query;
        query = filter.To is { } to ? query.Where(a => a.Date <= to) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(a => a.Title.Contains(text) || (a.Venue != null && a.Venue.Contains(text)));
        }
        return query;
    }

    /// <summary>Checks the form and copies it onto the activity; answers the record's workers.</summary>
    private async Task<List<int>> ApplyAsync(ActivityForm form, CommunityActivity activity, IReadOnlyCollection<int> recordedWorkers, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var isNew = activity.StationId == 0;
        if (!isNew && form.StationId != activity.StationId)
        {
            throw RequestProblem.Invalid("stationId", ProblemText.ActivityActivitySOrganisingStationCannotChange);
        }
        var station = await StationAsync(form.StationId, cancellationToken);
        if (isNew && station.Status == StationStatus.Closed)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupClosed, station.Name));
        }
        var place = string.IsNullOrEmpty(form.VillageCode) ? station.RegionCode : await VillageAsync(form.VillageCode, station, cancellationToken);
        var participants = await residents.RequireAsync("participantIds", form.ParticipantIds,
            [.. activity.Participants.Select(p => p.ResidentId)], cancellationToken);
        if (participants.Count > form.ParticipantCount)
        {
            throw RequestProblem.Invalid("participantCount",
                Problems.Format(ProblemText.ActivityParticipantCountCannotLessThanNamedParticipants, form.ParticipantCount, participants.Count));
        }
        var workers = (form.WorkerIds ?? []).Distinct().ToList();
        var fresh = workers.Except(recordedWorkers).ToList();
        var found = await db.SocialWorkers.Where(w => fresh.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
        if (fresh.Except(found).ToList() is [var missing, ..])
        {
            throw RequestProblem.Invalid("workerIds", Problems.Format(ProblemText.GroupNoSocialWorker, missing));
        }
        activity.StationId = station.Id;
        activity.RegionCode = place;
        activity.Title = form.Title!.Trim();
        activity.Date = form.Date!.Value;
        activity.Venue = Clean(form.Venue);
        activity.Category = form.Category!.Value;
        activity.DurationMinutes = form.DurationMinutes ?? 0;
        activity.ParticipantCount = form.ParticipantCount!.Value;
        activity.Volunteers = Clean(form.Volunteers);
        activity.Organisations = Clean(form.Organisations);
        activity.Description = Clean(form.Description);
        activity.Participants.RemoveAll(p => !participants.Contains(p.ResidentId));
        activity.Participants.AddRange(participants.Where(i => activity.Participants.All(p => p.ResidentId != i)).Select(i => new ActivityParticipant { ResidentId = i }));
        return workers;
    }

    /// <summary>The place must be a village (or community) under the organising station.</summary>
    private async Task<string> VillageAsync(string code, Station station, CancellationToken cancellationToken)
    {
        var village = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken)
            ?? throw RequestProblem.Invalid("villageCode", Problems.Format(ProblemText.ActivityNoVillageCode, code));
        var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
        if (village.Level != RegionLevel.Village || string.CompareOrdinal(code, low) < 0 || string.CompareOrdinal(code, high) > 0)
        {
            throw RequestProblem.Invalid("villageCode", Problems.Format(ProblemText.ActivityNotVillageServedBy, village.Name, station.Name));
        }
        return village.Code;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
