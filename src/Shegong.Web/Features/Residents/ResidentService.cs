using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Residents;

/// <summary>
/// Residents: list, open, create, edit (this file); checks (ResidentChecks.cs); consent, reveal,
/// lookup (ResidentActions.cs); households (ResidentHouseholds.cs). The scope filter limits every
/// query to the residents of the caller's villages.
/// </summary>
public sealed partial class ResidentService(ShegongDb db, PersonalData personal, TimeProvider clock, RevealRecorder reveals, CurrentUser user)
{
    /// <summary>The columns the resident list may be sorted by.</summary>
    public static readonly SortFields<Resident> Sorts = new SortFields<Resident>()
        .Add("name", r => r.Name).Add("sex", r => r.Sex).Add("region", r => r.RegionCode).Add("createdAt", r => r.CreatedAt);

    /// <summary>How many viewers the detail names (the count covers all).</summary>
    private const int ViewsShown = 50;

    public async Task<PagedResult<ResidentRow>> ListAsync(ResidentFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var residents = await Sorts.Apply(query, page.Sort, q => q.OrderBy(r => r.RegionCode).ThenBy(r => r.Id), q => q.ThenBy(r => r.Id))
            .Skip(page.Skip).Take(page.PageSize).Include(r => r.Tags).AsNoTracking().ToListAsync(cancellationToken);
        return new PagedResult<ResidentRow>(await ToRowsAsync(residents, cancellationToken), total);
    }

    /// <summary>Opens a resident's full record; the opening is recorded in the view log (who, when) before it is answered.</summary>
    public async Task<ResidentDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);
        await reveals.RecordViewAsync<Resident>(resident.Id, resident.RegionCode, cancellationToken);
        return await DetailAsync(id, cancellationToken);
    }

    public async Task<ResidentDetail> CreateAsync(ResidentForm form, CancellationToken cancellationToken = default)
    {
        var resident = new Resident { Name = "", RegionCode = "" };
        await CheckAsync(form, resident, cancellationToken);
        Apply(form, resident);
        db.Residents.Add(resident);
        await SaveAsync(cancellationToken);
        return await DetailAsync(resident.Id, cancellationToken);
    }

    public async Task<ResidentDetail> UpdateAsync(int id, ResidentForm form, CancellationToken cancellationToken = default)
    {
        var resident = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, resident, form.Version);
        await CheckAsync(form, resident, cancellationToken);
        Apply(form, resident);
        await SaveAsync(cancellationToken);
        return await DetailAsync(id, cancellationToken);
    }

    private async Task<ResidentDetail> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var r = await db.Residents.AsNoTracking().Include(x => x.Tags).FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var village = await VillageNameAsync(r.RegionCode, cancellationToken);
        var household = r.HouseholdId is { } householdId ? await HouseholdDetailAsync(householdId, cancellationToken) : null;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var views = db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Resident) && a.EntityId == key && a.Action == AuditAction.Viewed);
        var viewCount = await views.CountAsync(cancellationToken);
        var shown = await views.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(ViewsShown)
            .Select(a => new ResidentViewRow(a.UserName, a.At)).ToListAsync(cancellationToken);
        // The birth date is part of the masked ID number (and personal data even without one): shown as an age unless revealed.
        return new ResidentDetail(r.Id, r.Name, r.Sex, AgeOn(r.BirthDate, Today), r.IdNumberHash is not null, r.IdNumberMasked ?? "",
            r.PhoneMasked ?? "", r.RegionCode, village, r.Address, TagsOf(r), r.ConsentGivenOn, r.ConsentRecordedBy, r.ConsentWithdrawnOn,
            r.HasConsent, r.Relation, household, viewCount, shown, r.Version);
    }

    private IQueryable<Resident> Filtered(ResidentFilter f)
    {
        var query = db.Residents.AsQueryable();
        foreach (var (field, code) in new[] { ("region", f.Region), ("township", f.Township) })
        {
            if (!string.IsNullOrEmpty(code))
            {
                var (low, high) = RangeOf(field, code);
                query = query.Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0);
            }
        }
        if (!string.IsNullOrEmpty(f.Village))
        {
            _ = RangeOf("village", f.Village);
            query = query.Where(r => r.RegionCode == f.Village);
        }
        query = f.Tag is { } tag ? query.Where(r => r.Tags.Any(t => t.Tag == tag)) : query;
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var text = f.Search.Trim();
            query = query.Where(r => r.Name.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(f.IdFragment))
        {
            var fragment = f.IdFragment.Trim().ToUpperInvariant();
            if (fragment.Length > 18 || !fragment.All(c => char.IsAsciiDigit(c) || c is 'X' or '*'))
            {
                throw RequestProblem.Invalid("idFragment", ProblemText.ResidentFragmentHoldsDigitsXOnlyAtMost);
            }
            query = query.Where(r => r.IdNumberMasked != null && r.IdNumberMasked.Contains(fragment));
        }
        return query;
    }

    private static (string Low, string High) RangeOf(string field, string code) =>
        RegionCode.Problem(code) is { } problem ? throw RequestProblem.Invalid(field, problem) : RegionCode.SubtreeRange(code);

    private async Task<IReadOnlyList<ResidentRow>> ToRowsAsync(List<Resident> residents, CancellationToken cancellationToken)
    {
        var codes = residents.Select(r => r.RegionCode).Distinct().ToList();
        var villages = await db.Regions.IgnoreQueryFilters().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, cancellationToken);
        var today = Today;
        return residents.Select(r => new ResidentRow(r.Id, r.Name, r.Sex, AgeOn(r.BirthDate, today), r.IdNumberMasked ?? "", r.PhoneMasked ?? "",
            r.RegionCode, villages.GetValueOrDefault(r.RegionCode, ""), TagsOf(r), r.HasConsent, r.HouseholdId)).ToList();
    }

    private Task<string> VillageNameAsync(string code, CancellationToken cancellationToken) =>
        db.Regions.IgnoreQueryFilters().Where(g => g.Code == code).Select(g => g.Name).FirstAsync(cancellationToken);

    private static IReadOnlyList<VulnerabilityTag> TagsOf(Resident r) => [.. r.Tags.Select(t => t.Tag).Order()];

    /// <summary>Whole years lived on <paramref name="today"/>: what a reader sees of the birth date unless it is revealed.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate > today.AddYears(-age) ? age - 1 : age;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<Resident> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Residents.Include(r => r.Tags).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.ResidentNoResident, id));
}
