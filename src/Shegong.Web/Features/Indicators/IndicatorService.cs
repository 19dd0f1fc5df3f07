using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Indicators;

/// <summary>
/// Plan indicators: define, edit, remove, and the attainment of a region and the regions below it. A reader
/// sees the indicators set for their region, for the regions above it (the province's plan binds a county),
/// and for the regions below it; attainment is computed only for regions inside the reader's scope.
/// UI and API share it.
/// </summary>
public sealed class IndicatorService(ShegongDb db, IndicatorQuantities quantities, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static readonly SortFields<IndicatorRow> Sorts = new SortFields<IndicatorRow>()
        .Add("name", r => r.Indicator.Name).Add("region", r => r.Indicator.RegionCode).Add("targetYear", r => r.Indicator.TargetYear)
        .Add("light", r => r.Own.Light);

    /// <summary>
    /// The list page and its export: the indicators that bind the reader's region, filtered, sorted and paged. Attainment is
    /// computed, not stored, so the few indicators of a region are measured first and then filtered and paged in memory.
    /// </summary>
    public async Task<PagedResult<IndicatorRow>> PageAsync(IndicatorFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var search = filter.Search?.Trim();
        var rows = (await ListAsync(null, cancellationToken))
            .Where(r => string.IsNullOrEmpty(search) || r.Indicator.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(r => filter.Light is null || r.Own.Light == filter.Light);
        var sorted = Sorts.Apply(rows.AsQueryable(), page.Sort, q => q.OrderBy(r => r.Indicator.RegionCode).ThenBy(r => r.Indicator.Name, StringComparer.Ordinal),
            q => q.ThenBy(r => r.Indicator.Id)).ToList();
        return new PagedResult<IndicatorRow>([.. sorted.Skip(page.Skip).Take(page.PageSize)], sorted.Count);
    }

    /// <summary>The indicators that bind the reader's region, each with that region's attainment.</summary>
    public async Task<IReadOnlyList<IndicatorRow>> ListAsync(string? region, CancellationToken cancellationToken = default)
    {
        var place = await PlaceAsync(region, cancellationToken);
        var binding = RegionCode.AncestorsOf(place.Code).Append(place.Code).ToList();
        var (low, high) = RegionCode.SubtreeRange(place.Code);
        var indicators = await db.Set<PlanIndicator>().AsNoTracking()
            .Where(i => binding.Contains(i.RegionCode) || (string.Compare(i.RegionCode, low) >= 0 && string.Compare(i.RegionCode, high) <= 0))
            .OrderBy(i => i.RegionCode).ThenBy(i => i.Name).ToListAsync(cancellationToken);
        var names = await RegionNamesAsync(indicators.Select(i => i.RegionCode), cancellationToken);
        var rows = new List<IndicatorRow>();
        foreach (var indicator in indicators)
        {
            // An indicator of a region below the reader's is measured there; one from above is measured for the reader's own region.
            var measured = binding.Contains(indicator.RegionCode) ? place : await db.Regions.AsNoTracking().FirstAsync(r => r.Code == indicator.RegionCode, cancellationToken);
            var own = (await RowsAsync(indicator, measured, [], cancellationToken))[0];
            rows.Add(new IndicatorRow(Detail(indicator, names), own));
        }
        return rows;
    }

    public async Task<IndicatorDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var indicator = await FindVisibleAsync(id, cancellationToken);
        return Detail(indicator, await RegionNamesAsync([indicator.RegionCode], cancellationToken));
    }

    /// <summary>The attainment of <paramref name="region"/> (default: the reader's own, or the indicator's when that lies below) and of each region under it.</summary>
    public async Task<IndicatorAttainment> AttainmentAsync(int id, string? region, CancellationToken cancellationToken = default)
    {
        var indicator = await FindVisibleAsync(id, cancellationToken);
        if (string.IsNullOrEmpty(region) && db.Scope.Contains(indicator.RegionCode))
        {
            region = indicator.RegionCode;
        }
        var place = await PlaceAsync(region, cancellationToken);
        if (!RegionCode.AncestorsOf(place.Code).Append(place.Code).Contains(indicator.RegionCode)
            && !place.Code.StartsWith(RegionCode.Prefix(indicator.RegionCode), StringComparison.Ordinal))
        {
            throw RequestProblem.Invalid("region", Problems.Format(ProblemText.IndicatorRegionNotCovered, place.Name));
        }
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == place.Code).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var rows = await RowsAsync(indicator, place, children, cancellationToken);
        var detail = Detail(indicator, await RegionNamesAsync([indicator.RegionCode], cancellationToken));
        return new IndicatorAttainment(detail, Today, rows[0], rows[1..], IndicatorAttainmentRules.Trend(indicator, rows[0].Value, Today));
    }

    public async Task<IndicatorDetail> CreateAsync(IndicatorForm form, CancellationToken cancellationToken = default)
    {
        var indicator = new PlanIndicator();
        await ApplyAsync(form, indicator, cancellationToken);
        db.Add(indicator);
        await SaveAsync(cancellationToken);
        return await GetAsync(indicator.Id, cancellationToken);
    }

    public async Task<IndicatorDetail> UpdateAsync(int id, IndicatorForm form, CancellationToken cancellationToken = default)
    {
        var indicator = await FindWritableAsync(id, cancellationToken);
        Versioning.Expect(db, indicator, form.Version);
        await ApplyAsync(form, indicator, cancellationToken);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Removes an indicator set by mistake or dropped from the plan; the audit keeps what it was.</summary>
    public async Task DeleteAsync(int id, uint? version, CancellationToken cancellationToken = default)
    {
        var indicator = await FindWritableAsync(id, cancellationToken);
        Versioning.Expect(db, indicator, version);
        db.Remove(indicator);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsDuplicate(ex))
        {
            throw RequestProblem.Conflict(ProblemText.IndicatorNameTaken);
        }
    }

    private async Task<List<AttainmentRow>> RowsAsync(PlanIndicator indicator, Region place, IReadOnlyList<Region> children, CancellationToken cancellationToken)
    {
        var numerators = await quantities.ValuesAsync(place, children, indicator.Numerator, cancellationToken);
        var denominators = indicator.Denominator is { } d ? await quantities.ValuesAsync(place, children, d, cancellationToken) : null;
        var required = IndicatorAttainmentRules.Required(indicator, Today);
        // A count target (140 stations for a city) binds the indicator's region as a whole, not each region inside it.
        var whole = indicator.Scale == IndicatorScale.Count && (children.Count > 0 || place.Code != indicator.RegionCode)
            ? await db.Regions.AsNoTracking().Where(r => r.Code == indicator.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return [.. new[] { place }.Concat(children).Select(r => IndicatorAttainmentRules.Row(indicator, r, numerators[r.Code],
            denominators is null ? null : denominators[r.Code], denominators is not null, required, Today,
            r.Code == indicator.RegionCode ? null : whole))];
    }

    private async Task ApplyAsync(IndicatorForm form, PlanIndicator indicator, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        IndicatorAttainmentRules.CheckFormula(form);
        var code = form.RegionCode!;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
        // Outside the scope reads as "no such region": the answer must not tell what exists elsewhere.
        if (region is null || !db.Scope.Contains(code))
        {
            throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.NoRegionWithCode, code));
        }
        if (region.Level > RegionLevel.Township)
        {
            throw RequestProblem.Invalid("regionCode", ProblemText.IndicatorRegionLevel);
        }
        indicator.Name = form.Name!.Trim();
        indicator.RegionCode = code;
        indicator.Numerator = form.Numerator!.Value;
        indicator.Denominator = form.Scale == IndicatorScale.Count ? null : form.Denominator;
        indicator.Scale = form.Scale!.Value;
        indicator.BaseYear = form.BaseYear!.Value;
        indicator.BaseValue = form.BaseValue;
        indicator.TargetYear = form.TargetYear!.Value;
        indicator.TargetValue = form.TargetValue!.Value;
        indicator.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
    }

    /// <summary>An indicator the reader may see (set for their region, above it or below it); otherwise 404 without a hint.</summary>
    private async Task<PlanIndicator> FindVisibleAsync(int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Set<PlanIndicator>() : db.Set<PlanIndicator>().AsNoTracking();
        var indicator = await query.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var root = db.Scope.RootCode;
        var visible = indicator is not null && (db.Scope.Contains(indicator.RegionCode)
            || (!string.IsNullOrEmpty(root) && RegionCode.AncestorsOf(root).Contains(indicator.RegionCode)));
        return visible ? indicator! : throw RequestProblem.NotFound(Problems.Format(ProblemText.IndicatorNotFound, id));
    }

    /// <summary>An indicator the writer may change: one seen from below (the province's, for a county) is theirs to read, not to change.</summary>
    private async Task<PlanIndicator> FindWritableAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await FindVisibleAsync(id, cancellationToken, tracked: true);
        if (!db.Scope.Contains(indicator.RegionCode))
        {
            var name = await db.Regions.AsNoTracking().Where(r => r.Code == indicator.RegionCode).Select(r => r.Name).FirstAsync(cancellationToken);
            throw RequestProblem.Forbidden(Problems.Format(ProblemText.OutsideYourScope, name));
        }
        return indicator;
    }

    private Task<Region> PlaceAsync(string? code, CancellationToken cancellationToken) => ReaderRegion.ResolveAsync(db, code, cancellationToken);

    private async Task<Dictionary<string, string>> RegionNamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var list = codes.Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => list.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
    }

    private static IndicatorDetail Detail(PlanIndicator i, Dictionary<string, string> names) => new(i.Id, i.Name, i.RegionCode,
        names.GetValueOrDefault(i.RegionCode, i.RegionCode), i.Numerator, i.Denominator, i.Scale, IndicatorAttainmentRules.Formula(i.Numerator, i.Denominator, i.Scale),
        i.BaseYear, i.BaseValue, i.TargetYear, i.TargetValue, i.Note, i.Version);
}
