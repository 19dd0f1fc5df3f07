using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Workforce.Agencies;

/// <summary>Social-work agencies: list, read, create, edit. UI and API share it.</summary>
public sealed class AgencyService(ShegongDb db, PersonalData personal)
{
    /// <summary>The columns the agency list may be sorted by.</summary>
    public static readonly SortFields<Agency> Sorts = new SortFields<Agency>()
        .Add("name", a => a.Name).Add("creditCode", a => a.CreditCode).Add("region", a => a.RegionCode)
        .Add("rating", a => a.Rating).Add("status", a => a.Status);

    public async Task<PagedResult<AgencyRow>> ListAsync(AgencyFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var agencies = await Sorts.Apply(query, page.Sort, q => q.OrderBy(a => a.RegionCode).ThenBy(a => a.Id), q => q.ThenBy(a => a.Id)).Skip(page.Skip).Take(page.PageSize)
            .Include(a => a.ServiceAreas).AsNoTracking().ToListAsync(cancellationToken);
        return new PagedResult<AgencyRow>(await ToRowsAsync(agencies, cancellationToken), total);
    }

    public async Task<AgencyDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().Include(a => a.ServiceAreas)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound(id);
        var names = await RegionPaths.NameAsync(db, agency.ServiceAreas.Select(s => s.RegionCode).Append(agency.RegionCode), cancellationToken);
        var workers = await db.SocialWorkers.CountAsync(w => w.AgencyId == id && w.Status == SocialWorkerStatus.Active, cancellationToken);
        var contracts = await db.ServiceContracts.CountAsync(c => c.AgencyId == id && c.Status == ContractStatus.Active, cancellationToken);
        var areas = agency.ServiceAreas.OrderBy(s => s.RegionCode)
            .Select(s => new ServiceAreaRow(s.RegionCode, names[s.RegionCode].Path, agency.IsLocalTo(s.RegionCode))).ToList();
        return new AgencyDetail(agency.Id, agency.Name, agency.CreditCode, agency.RegionCode, names[agency.RegionCode].Path,
            agency.Rating, agency.Status, agency.ContactPerson, agency.ContactPhoneMasked ?? "",
            areas, workers, contracts, agency.Version);
    }

    public async Task<AgencyDetail> CreateAsync(AgencyForm form, CancellationToken cancellationToken = default)
    {
        var areas = await CheckAsync(form, null, cancellationToken);
        var agency = new Agency { Name = "", CreditCode = "", RegionCode = "" };
        Apply(form, agency, areas);
        db.Agencies.Add(agency);
        await SaveAsync(cancellationToken);
        return await GetAsync(agency.Id, cancellationToken);
    }

    public async Task<AgencyDetail> UpdateAsync(int id, AgencyForm form, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.Include(a => a.ServiceAreas).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, agency, form.Version);
        var areas = await CheckAsync(form, id, cancellationToken);
        Apply(form, agency, areas);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private IQueryable<Agency> Filtered(AgencyFilter filter)
    {
        var query = db.Agencies.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            var (low, high) = WorkforceRegions.Range(filter.Region);
            query = query.Where(a => (string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0)
                || a.ServiceAreas.Any(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0));
        }
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (filter.Rating is { } rating)
        {
            query = query.Where(a => a.Rating == rating);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(a => a.Name.Contains(text) || a.CreditCode == code);
        }
        return query;
    }

    /// <summary>Form rules, regions (registered anywhere, served areas counties) and the scope; answers the service areas.</summary>
    private async Task<List<string>> CheckAsync(AgencyForm form, int? agencyId, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        await WorkforceRegions.RequireAsync(db, "regionCode", form.RegionCode!, [RegionLevel.Province, RegionLevel.City, RegionLevel.County], cancellationToken);
        var areas = (form.ServiceAreaCodes ?? []).Select(c => c.Trim()).Distinct().ToList();
        if (areas.Count == 0)
        {
            areas.Add(WorkforceRegions.CountyOf(form.RegionCode!));
        }
        foreach (var area in areas)
        {
            await WorkforceRegions.RequireAsync(db, "serviceAreaCodes", area, [RegionLevel.County], cancellationToken);
        }
        if (!db.Scope.Contains(form.RegionCode!) && !areas.Any(db.Scope.Contains))
        {
            throw RequestProblem.Forbidden(ProblemText.AgencyOutsideScope);
        }
        var code = Common.Validation.CreditCode.Normalize(form.CreditCode!);
        // The code is unique province-wide, so a duplicate must be refused whatever the scope; only
        // an agency the caller may see is named and linked, never one outside it (not even its name).
        var other = await db.Agencies.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.CreditCode == code && a.Id != agencyId).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            throw await db.Agencies.AnyAsync(a => a.Id == other.Id, cancellationToken)
                ? RequestProblem.Conflict(Problems.Format(ProblemText.AgencyCreditCodeTakenBy, other.Name)).WithLink($"/workforce/agencies/{other.Id}/edit")
                : RequestProblem.Conflict(ProblemText.AgencyCreditCodeTaken);
        }
        return areas;
    }

    private void Apply(AgencyForm form, Agency agency, List<string> areas)
    {
        agency.Name = form.Name!.Trim();
        agency.CreditCode = Common.Validation.CreditCode.Normalize(form.CreditCode!);
        agency.RegionCode = form.RegionCode!;
        agency.Rating = form.Rating;
        agency.ContactPerson = string.IsNullOrWhiteSpace(form.ContactPerson) ? null : form.ContactPerson.Trim();
        if (form.ContactPhone is not null) // null keeps the stored phone (the edit form never holds it in plain); empty clears it
        {
            var phone = form.ContactPhone.Trim().Length == 0 ? null : PhoneNumber.Normalize(form.ContactPhone);
            agency.ContactPhoneCipher = personal.EncryptOrNull(PersonalField.Phone, phone);
            agency.ContactPhoneMasked = phone is null ? null : Masking.Phone(phone);
        }
        agency.Status = form.Status ?? agency.Status;
        agency.ServiceAreas.RemoveAll(s => !areas.Contains(s.RegionCode));
        foreach (var area in areas.Where(a => agency.ServiceAreas.All(s => s.RegionCode != a)))
        {
            agency.ServiceAreas.Add(new AgencyServiceArea { RegionCode = area });
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("CreditCode", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict(ProblemText.AgencyCreditCodeTaken);
        }
    }

    private async Task<IReadOnlyList<AgencyRow>> ToRowsAsync(List<Agency> agencies, CancellationToken cancellationToken)
    {
        var ids = agencies.Select(a => a.Id).ToList();
        var names = await RegionPaths.NameAsync(db, agencies.SelectMany(a => a.ServiceAreas.Select(s => s.RegionCode).Append(a.RegionCode)), cancellationToken);
        var workers = await db.SocialWorkers.Where(w => ids.Contains(w.AgencyId) && w.Status == SocialWorkerStatus.Active)
            .GroupBy(w => w.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var contracts = await db.ServiceContracts.Where(c => ids.Contains(c.AgencyId) && c.Status == ContractStatus.Active)
            .GroupBy(c => c.AgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return agencies.Select(a => new AgencyRow(a.Id, a.Name, a.CreditCode, a.RegionCode, names[a.RegionCode].Name, a.Rating, a.Status,
            a.ServiceAreas.OrderBy(s => s.RegionCode).Select(s => names[s.RegionCode].Name).ToList(),
            workers.GetValueOrDefault(a.Id), contracts.GetValueOrDefault(a.Id))).ToList();
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.NoAgencyWithId, id));
}
