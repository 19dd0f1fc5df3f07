using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>
/// Service records: list, read, figures, and the direct records entered here (create, correct, delete).
/// Records made by a source (case contact, group session, activity, assessment, request) are read-only
/// here: they are kept by their source, so no service is entered or changed twice. UI and API share it.
/// </summary>
public sealed partial class ServiceRecordService(ShegongDb db, TimeProvider clock)
{
    public static readonly SortFields<ServiceRecord> Sorts = new SortFields<ServiceRecord>()
        .Add("servedOn", r => r.ServedOn).Add("personTimes", r => r.PersonTimes).Add("durationMinutes", r => r.DurationMinutes)
        .Add("category", r => r.Category).Add("channel", r => r.Channel);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<PagedResult<ServiceRecordRow>> ListAsync(ServiceRecordFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var records = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(r => r.ServedOn).ThenByDescending(r => r.Id), q => q.ThenByDescending(r => r.Id))
            .Skip(page.Skip).Take(page.PageSize).Include(r => r.Workers).Include(r => r.Beneficiaries).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        var names = await NamesAsync(records, cancellationToken);
        return new PagedResult<ServiceRecordRow>(records.Select(r => new ServiceRecordRow(r.Id, r.ServedOn, r.StationId,
            names.Stations.GetValueOrDefault(r.StationId, ""), r.RegionCode, r.Category, r.Method, r.Channel, r.Source, r.DurationMinutes,
            r.Beneficiaries.Count, r.HeadCount, r.PersonTimes, r.ValueYuan,
            Common.Localization.Names.List(r.Workers.Select(w => names.Workers.GetValueOrDefault(w.SocialWorkerId, "—"))),
            Common.Localization.Names.List(r.Beneficiaries.Select(b => names.Residents.GetValueOrDefault(b.ResidentId, "—"))), r.Version)).ToList(), total);
    }

    /// <summary>The figures of the filtered records: person-times summed, people served counted once each however often served.</summary>
    public async Task<ServiceRecordSummary> SummaryAsync(ServiceRecordFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var totals = await query.GroupBy(_ => 1).Select(g => new
        {
            Records = g.Count(),
            PersonTimes = g.Sum(r => r.PersonTimes),
            HeadCount = g.Sum(r => r.HeadCount),
            Minutes = g.Sum(r => r.DurationMinutes),
            Yuan = g.Sum(r => r.ValueYuan ?? 0),
        }).ToListAsync(cancellationToken);
        // Distinct residents over the same records: the same person served twice is two person-times but one person.
        var people = await db.ServiceBeneficiaries.Where(b => query.Select(r => r.Id).Contains(b.ServiceRecordId))
            .Select(b => b.ResidentId).Distinct().CountAsync(cancellationToken);
        return totals is [var t] ? new ServiceRecordSummary(t.Records, t.PersonTimes, people, t.HeadCount, t.Minutes, t.Yuan)
            : new ServiceRecordSummary(0, 0, 0, 0, 0, 0);
    }

    public async Task<ServiceRecordDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var record = await db.ServiceRecords.AsNoTracking().Include(r => r.Workers).Include(r => r.Beneficiaries).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);
        var names = await NamesAsync([record], cancellationToken);
        var path = (await RegionPaths.NameAsync(db, [record.RegionCode], cancellationToken))[record.RegionCode].Path;
        return new ServiceRecordDetail(record.Id, record.ServedOn, record.StationId, names.Stations.GetValueOrDefault(record.StationId, ""),
            record.RegionCode, path, record.Category, record.Method, record.Channel, record.Source, record.DurationMinutes,
            record.Workers.Select(w => new NamedRef(w.SocialWorkerId, names.Workers.GetValueOrDefault(w.SocialWorkerId, "—"))).ToList(),
            record.Beneficiaries.Select(b => new NamedRef(b.ResidentId, names.Residents.GetValueOrDefault(b.ResidentId, "—"))).ToList(),
            record.HeadCount, record.PersonTimes, record.ValueYuan, record.Content, record.Source == ServiceSource.Direct, record.CreatedAt, record.Version);
    }

    public async Task<ServiceRecordDetail> CreateAsync(ServiceRecordForm form, CancellationToken cancellationToken = default)
    {
        var station = await ServiceRecordRules.CheckAsync(db, form, Today, creating: true, cancellationToken);
        var record = ServiceRecord.Create(ServiceSource.Direct, station.Id, station.RegionCode, Facts(form));
        db.ServiceRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(record.Id, cancellationToken);
    }

    /// <summary>Corrects a direct record; the station is kept (a record entered at the wrong station is deleted and entered again).</summary>
    public async Task<ServiceRecordDetail> UpdateAsync(int id, ServiceRecordForm form, CancellationToken cancellationToken = default)
    {
        var record = await EditableAsync(id, cancellationToken);
        Versioning.Expect(db, record, form.Version);
        if (form.StationId is { } stationId && stationId != record.StationId)
        {
            throw RequestProblem.Invalid("stationId", ProblemText.ServiceRecordCorrectionKeepsStationDeleteRecordEnterAt);
        }
        form.StationId = record.StationId;
        await ServiceRecordRules.CheckAsync(db, form, Today, creating: false, cancellationToken);
        record.Revise(Facts(form));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task DeleteAsync(int id, uint? version, CancellationToken cancellationToken = default)
    {
        var record = await EditableAsync(id, cancellationToken);
        Versioning.Expect(db, record, version);
        db.ServiceRecords.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ServiceRecord> EditableAsync(int id, CancellationToken cancellationToken)
    {
        var record = await db.ServiceRecords.Include(r => r.Workers).Include(r => r.Beneficiaries).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);
        if (record.Source != ServiceSource.Direct)
        {
            throw RequestProblem.Invalid("source", Problems.Format(ProblemText.ServiceRecordRecordComesFromEditDeleteThere, Common.Localization.Names.Of(record.Source)));
        }
        return record;
    }

    private static ServiceFacts Facts(ServiceRecordForm form) => new(form.ServedOn!.Value, form.Category!.Value, form.Method!.Value, form.Channel!.Value,
        form.DurationMinutes!.Value, form.WorkerIds ?? [], form.ResidentIds ?? [], form.HeadCount ?? 0, form.ValueYuan,
        string.IsNullOrWhiteSpace(form.Content) ? null : form.Content.Trim());

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.ServiceRecordNoServiceRecord, id));
}
