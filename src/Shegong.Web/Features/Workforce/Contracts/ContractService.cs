using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Workforce.Contracts;

/// <summary>Service contracts: list, read, create, edit drafts, move status, evaluate; who operates a station.</summary>
public sealed partial class ContractService(ShegongDb db, TimeProvider clock)
{
    /// <summary>The columns the contract list may be sorted by (not the amount: SQLite cannot order decimals).</summary>
    public static readonly SortFields<ServiceContract> Sorts = new SortFields<ServiceContract>()
        .Add("title", c => c.Title).Add("startsOn", c => c.StartsOn).Add("endsOn", c => c.EndsOn).Add("status", c => c.Status);

    public async Task<PagedResult<ContractRow>> ListAsync(ContractFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var contracts = await Rows(Sorts.Apply(query, page.Sort, q => q.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id), q => q.ThenBy(c => c.Id)).Skip(page.Skip).Take(page.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<ContractRow>(await NameAsync(contracts, cancellationToken), total);
    }

    public async Task<ContractDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var c = await db.ServiceContracts.AsNoTracking().AsSplitQuery()
            .Include(x => x.Stations).Include(x => x.CategoryTargets).Include(x => x.MethodTargets).Include(x => x.Evaluations)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var agency = await db.Agencies.IgnoreQueryFilters().Where(a => a.Id == c.AgencyId).Select(a => a.Name).FirstAsync(cancellationToken);
        var buyer = (await RegionPaths.NameAsync(db, [c.RegionCode], cancellationToken))[c.RegionCode].Path;
        var stationIds = c.Stations.Select(s => s.StationId).ToList();
        var stations = await db.Stations.IgnoreQueryFilters().Where(s => stationIds.Contains(s.Id)).OrderBy(s => s.RegionCode)
            .Select(s => new ContractStationRow(s.Id, s.Name, s.RegionCode)).ToListAsync(cancellationToken);
        return new ContractDetail(c.Id, c.Title, c.RegionCode, buyer, c.AgencyId, agency, c.StartsOn, c.EndsOn, c.CoversUntil, c.Amount,
            c.Status, c.ClosedOn, c.TerminationReason, stations,
            c.CategoryTargets.OrderBy(t => t.Category).ToDictionary(t => t.Category, t => t.PersonTimes),
            c.MethodTargets.OrderBy(t => t.Method).ToDictionary(t => t.Method, t => t.Count),
            c.Evaluations.OrderBy(e => e.Stage).Select(e => new EvaluationRow(e.Stage, e.On, e.Score, e.Notes)).ToList(), c.Version);
    }

    public async Task<ContractDetail> CreateAsync(ContractForm form, CancellationToken cancellationToken = default)
    {
        var contract = new ServiceContract { Title = "", RegionCode = "" };
        await ApplyAsync(form, contract, cancellationToken);
        db.ServiceContracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(contract.Id, cancellationToken);
    }

    public async Task<ContractDetail> UpdateAsync(int id, ContractForm form, CancellationToken cancellationToken = default)
    {
        var contract = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, contract, form.Version);
        contract.EnsureEditable();
        await ApplyAsync(form, contract, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ContractDetail> ActivateAsync(int id, ContractVersionForm? form, CancellationToken cancellationToken = default)
    {
        var contract = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, contract, form?.Version);
        contract.Activate();
        // Activating claims the contract's stations: each station row is rewritten under the version
        // read before the overlap check, so of two activations racing for one station the database
        // admits only one (the other gets 409), where a check-then-act alone would let both through.
        var stationIds = contract.Stations.Select(s => s.StationId).ToList();
        foreach (var station in await db.Stations.IgnoreQueryFilters().Where(s => stationIds.Contains(s.Id)).ToListAsync(cancellationToken))
        {
            Versioning.Touch(db, station);
        }
        await CheckNoOverlapAsync(contract, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ContractDetail> CompleteAsync(int id, ContractCloseForm form, CancellationToken cancellationToken = default)
    {
        var contract = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, contract, form.Version);
        contract.Complete(form.On ?? Today);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ContractDetail> TerminateAsync(int id, ContractCloseForm form, CancellationToken cancellationToken = default)
    {
        var contract = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, contract, form.Version);
        contract.Terminate(form.On ?? Today, form.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ContractDetail> EvaluateAsync(int id, EvaluationForm form, CancellationToken cancellationToken = default)
    {
        if (form.Notes?.Length > 1000)
        {
            throw RequestProblem.Invalid("notes", ProblemText.ContractNotesCharacters);
        }
        var contract = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, contract, form.Version);
        contract.Evaluate(form.Stage, form.On ?? Today, form.Score, form.Notes);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// The agency operating a station on a date: the one whose non-draft contract lists the
    /// station and covers the date (start to end, or to the termination day).
    /// </summary>
    public async Task<StationOperator> OperatorAsync(int stationId, DateOnly? on, CancellationToken cancellationToken = default)
    {
        if (!await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.NoStationWithId, stationId));
        }
        var date = on ?? Today;
        var found = await db.ServiceContracts.IgnoreQueryFilters()
            .Where(c => c.Status != ContractStatus.Draft && c.StartsOn <= date && c.CoversUntil >= date && c.Stations.Any(s => s.StationId == stationId))
            .OrderByDescending(c => c.StartsOn)
            .Join(db.Agencies.IgnoreQueryFilters(), c => c.AgencyId, a => a.Id, (c, a) => new { c.Id, AgencyId = a.Id, a.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return new StationOperator(stationId, date, found?.Id, found?.AgencyId, found?.Name);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private IQueryable<ServiceContract> Filtered(ContractFilter filter)
    {
        var query = db.ServiceContracts.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            var (low, high) = WorkforceRegions.Range(filter.Region);
            query = query.Where(c => (string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0)
                || c.Stations.Any(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0));
        }
        query = filter.AgencyId is { } agencyId ? query.Where(c => c.AgencyId == agencyId) : query;
        query = filter.Status is { } status ? query.Where(c => c.Status == status) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(c => c.Title.Contains(text));
        }
        return query;
    }

    private static IQueryable<ContractRow> Rows(IQueryable<ServiceContract> query) => query.Select(c => new ContractRow(c.Id, c.Title,
        c.RegionCode, "", c.AgencyId, "", c.StartsOn, c.EndsOn, c.Amount, c.Status, c.Stations.Count,
        c.Evaluations.OrderByDescending(e => e.On).Select(e => (decimal?)e.Score).FirstOrDefault()));

    private async Task<IReadOnlyList<ContractRow>> NameAsync(List<ContractRow> rows, CancellationToken cancellationToken)
    {
        var names = await RegionPaths.NameAsync(db, rows.Select(r => r.RegionCode), cancellationToken);
        var agencyIds = rows.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.IgnoreQueryFilters().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return rows.Select(r => r with { BuyerName = names[r.RegionCode].Name, AgencyName = agencies.GetValueOrDefault(r.AgencyId, "") }).ToList();
    }

    private async Task<ServiceContract> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.ServiceContracts.AsSplitQuery().Include(c => c.Stations).Include(c => c.CategoryTargets).Include(c => c.MethodTargets)
            .Include(c => c.Evaluations).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.ContractNoContractId, id));
}
