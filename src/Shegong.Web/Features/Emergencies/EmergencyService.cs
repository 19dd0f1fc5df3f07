using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Emergencies;

/// <summary>Emergencies: list, read, declare, edit, close. UI and API share it; reports and figures are apart.</summary>
public sealed class EmergencyService(ShegongDb db, TimeProvider clock)
{
    public static readonly SortFields<Emergency> Sorts = new SortFields<Emergency>()
        .Add("name", e => e.Name).Add("startDate", e => e.StartDate);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<PagedResult<EmergencyRow>> ListAsync(EmergencyFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Emergency>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            // Emergencies reaching the region: an affected region inside it or above it.
            if (RegionCode.Problem(filter.Region) is { } problem)
            {
                throw RequestProblem.Invalid("region", problem);
            }
            var (low, high) = RegionCode.SubtreeRange(filter.Region);
            var above = RegionCode.AncestorsOf(filter.Region).ToList();
            query = query.Where(e => e.Areas.Any(a => (string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0)
                || above.Contains(a.RegionCode)));
        }
        query = filter.Type is { } type ? query.Where(e => e.Type == type) : query;
        query = filter.Status is { } status ? query.Where(e => e.Status == status) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(e => e.Name.Contains(text));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id), q => q.ThenBy(e => e.Id))
            .Skip(page.Skip).Take(page.PageSize)
            .Select(e => new { e.Id, e.Name, e.Type, e.Status, e.RegionCode, e.StartDate, e.EndDate }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        // How many regions each listed emergency covers, also those outside the reader's scope (see EmergencyPlaces.AreaCodesAsync);
        // keyed by the emergencies just read through the scope.
        var areaCounts = await db.Set<EmergencyArea>().IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.EmergencyId))
            .GroupBy(a => a.EmergencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = await EmergencyPlaces.NamesAsync(db, rows.Select(r => r.RegionCode), cancellationToken);
        return new PagedResult<EmergencyRow>([.. rows.Select(r => new EmergencyRow(r.Id, r.Name, r.Type, r.Status, r.RegionCode, names[r.RegionCode].Name,
            r.StartDate, r.EndDate, areaCounts.GetValueOrDefault(r.Id)))], total);
    }

    public async Task<EmergencyDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var e = await db.Set<Emergency>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw NotFound(id);
        var areas = await EmergencyPlaces.AreaCodesAsync(db, id, cancellationToken);
        var names = await EmergencyPlaces.NamesAsync(db, areas.Append(e.RegionCode), cancellationToken);
        return new EmergencyDetail(e.Id, e.Name, e.Type, e.Status, e.RegionCode, names[e.RegionCode].Name, e.StartDate, e.EndDate,
            [.. areas.Select(a => new EmergencyAreaView(a, names[a].Name, names[a].Path))], e.Version);
    }

    public async Task<EmergencyDetail> CreateAsync(EmergencyForm form, CancellationToken cancellationToken = default)
    {
        var emergency = new Emergency();
        await ApplyAsync(form, emergency, cancellationToken);
        db.Add(emergency);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(emergency.Id, cancellationToken);
    }

    public async Task<EmergencyDetail> UpdateAsync(int id, EmergencyForm form, CancellationToken cancellationToken = default)
    {
        var emergency = await FindWritableAsync(id, form.Version, cancellationToken);
        await ApplyAsync(form, emergency, cancellationToken);
        await EmergencyRules.CheckReportsFitAsync(db, emergency, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<EmergencyDetail> CloseAsync(int id, EmergencyCloseForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var emergency = await FindWritableAsync(id, form.Version, cancellationToken);
        var end = form.EndDate!.Value;
        if (end < emergency.StartDate)
        {
            throw RequestProblem.Invalid("endDate", ProblemText.EmergencyEndBeforeStart);
        }
        if (end > Today)
        {
            throw RequestProblem.Invalid("endDate", ProblemText.OrganisationDateInFuture);
        }
        emergency.Close(end);
        await EmergencyRules.CheckReportsFitAsync(db, emergency, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The path of a region the form picked, for its tag.</summary>
    public async Task<string?> RegionPathAsync(string code, CancellationToken cancellationToken = default) =>
        RegionCode.IsValid(code) ? (await EmergencyPlaces.NamesAsync(db, [code], cancellationToken))[code].Path : null;

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.EmergencyNotFound, id));

    /// <summary>An active emergency the caller sees and declared (their scope holds its declaring region), at the version read.</summary>
    private async Task<Emergency> FindWritableAsync(int id, uint? version, CancellationToken cancellationToken)
    {
        var emergency = await db.Set<Emergency>().Include(e => e.Areas).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw NotFound(id);
        if (!db.Scope.Contains(emergency.RegionCode))
        {
            throw RequestProblem.Forbidden(ProblemText.AuditRecordOutsideYourScope);
        }
        if (emergency.Status == EmergencyStatus.Closed)
        {
            throw RequestProblem.Invalid("status", Problems.Format(ProblemText.EmergencyClosed, emergency.Name));
        }
        Versioning.Expect(db, emergency, version);
        return emergency;
    }

    private async Task ApplyAsync(EmergencyForm form, Emergency emergency, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var declaring = string.IsNullOrEmpty(form.RegionCode) ? (await ReaderRegion.ResolveAsync(db, null, cancellationToken)).Code : form.RegionCode;
        var region = await EmergencyPlaces.InScopeAsync(db, "regionCode", declaring, cancellationToken);
        var areas = new List<string>();
        for (var i = 0; i < form.AreaCodes!.Count; i++)
        {
            var code = form.AreaCodes[i] ?? "";
            var area = await EmergencyPlaces.InScopeAsync(db, $"areaCodes[{i}]", code, cancellationToken);
            if (!EmergencyPlaces.Under(area.Code, region.Code))
            {
                throw RequestProblem.Invalid($"areaCodes[{i}]", Problems.Format(ProblemText.EmergencyAreaOutsideRegion, area.Name, region.Name));
            }
            if (!areas.Contains(area.Code))
            {
                areas.Add(area.Code);
            }
        }
        if (form.StartDate > Today)
        {
            throw RequestProblem.Invalid("startDate", ProblemText.OrganisationDateInFuture);
        }
        if (form.EndDate is { } end && end < form.StartDate)
        {
            throw RequestProblem.Invalid("endDate", ProblemText.EmergencyEndBeforeStart);
        }
        emergency.Type = form.Type!.Value;
        emergency.Name = form.Name!.Trim();
        emergency.RegionCode = region.Code;
        emergency.StartDate = form.StartDate!.Value;
        emergency.EndDate = form.EndDate;
        emergency.Areas.RemoveAll(a => !areas.Contains(a.RegionCode));
        emergency.Areas.AddRange(areas.Where(code => emergency.Areas.All(a => a.RegionCode != code)).Select(code => new EmergencyArea { RegionCode = code }));
    }
}
