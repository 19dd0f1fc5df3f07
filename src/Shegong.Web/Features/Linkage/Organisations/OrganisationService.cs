using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Linkage.Organisations;

/// <summary>Community social organisations: list, read, create, edit, move a stage. UI and API share it.</summary>
public sealed class OrganisationService(ShegongDb db, TimeProvider clock)
{
    public static readonly SortFields<CommunityOrganisation> Sorts = new SortFields<CommunityOrganisation>()
        .Add("name", o => o.Name).Add("stage", o => o.Stage).Add("incubatedOn", o => o.IncubatedOn).Add("members", o => o.MemberCount);

    public async Task<PagedResult<OrganisationRow>> ListAsync(OrganisationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderBy(o => o.RegionCode).ThenBy(o => o.Id), q => q.ThenBy(o => o.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, rows.Select(o => o.StationId), cancellationToken);
        var places = await RegionPaths.NameAsync(db, rows.Select(o => o.RegionCode), cancellationToken);
        return new PagedResult<OrganisationRow>([.. rows.Select(o => new OrganisationRow(o.Id, o.Name, o.Type, o.Stage, o.StationId,
            stations.GetValueOrDefault(o.StationId, ""), o.RegionCode, places[o.RegionCode].Name, o.LeaderName, o.MemberCount, o.IncubatedOn,
            o.CreditCode))], total);
    }

    public async Task<OrganisationDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var o = await db.Set<CommunityOrganisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw NotFound(id);
        // The incubating station may lie above the reader's scope (a county station's organisation in a township).
        var station = await db.Stations.IgnoreQueryFilters().Where(s => s.Id == o.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
        var (place, path) = (await RegionPaths.NameAsync(db, [o.RegionCode], cancellationToken))[o.RegionCode];
        return new OrganisationDetail(o.Id, o.Name, o.Type, o.Stage, o.StationId, station, o.RegionCode, place, path, o.LeaderName, o.MemberCount,
            o.Support, o.IncubatedOn, o.FiledOn, o.RegisteredOn, o.CreditCode, o.Version);
    }

    public async Task<OrganisationDetail> CreateAsync(OrganisationForm form, CancellationToken cancellationToken = default)
    {
        var organisation = new CommunityOrganisation();
        await ApplyAsync(form, organisation, cancellationToken);
        db.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(organisation.Id, cancellationToken);
    }

    public async Task<OrganisationDetail> UpdateAsync(int id, OrganisationForm form, CancellationToken cancellationToken = default)
    {
        var organisation = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, organisation, form.Version);
        await ApplyAsync(form, organisation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Moves the organisation to its next stage; registering takes a valid credit code no other organisation holds.</summary>
    public async Task<OrganisationDetail> MoveAsync(int id, OrganisationStageForm form, CancellationToken cancellationToken = default)
    {
        var organisation = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, organisation, form.Version);
        FormValidation.ThrowIfInvalid(form);
        if (form.Date > Today)
        {
            throw RequestProblem.Invalid("date", ProblemText.OrganisationDateInFuture);
        }
        if (organisation.MoveTo(form.Stage!.Value, form.Date!.Value, form.CreditCode) is { } refused)
        {
            throw RequestProblem.Invalid(refused.Field, refused.Message);
        }
        // The code is unique province-wide, so this uniqueness check looks past the scope; the 409 never names the holder
        // (it may lie outside the caller's scope). The unique index still decides a race (caught below).
        var code = organisation.CreditCode;
        if (code is not null && await db.Set<CommunityOrganisation>().IgnoreQueryFilters().AnyAsync(o => o.CreditCode == code && o.Id != id, cancellationToken))
        {
            throw RequestProblem.Conflict("creditCode", ProblemText.OrganisationCreditCodeTaken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("CreditCode", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict("creditCode", ProblemText.OrganisationCreditCodeTaken);
        }
        return await GetAsync(id, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<CommunityOrganisation> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<CommunityOrganisation>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw NotFound(id);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.OrganisationNotFound, id));

    private IQueryable<CommunityOrganisation> Filtered(OrganisationFilter filter)
    {
        var query = ScopedRegion.Under(db.Set<CommunityOrganisation>().AsNoTracking(), filter.Region);
        query = filter.Type is { } type ? query.Where(o => o.Type == type) : query;
        query = filter.Stage is { } stage ? query.Where(o => o.Stage == stage) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(o => o.Name.Contains(text) || (o.LeaderName != null && o.LeaderName.Contains(text)));
        }
        return query;
    }

    private async Task ApplyAsync(OrganisationForm form, CommunityOrganisation organisation, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var station = await LinkagePlaces.StationAsync(db, form.StationId, organisation.StationId, cancellationToken);
        var place = await LinkagePlaces.PlaceAsync(db, form.RegionCode, station, cancellationToken);
        var incubated = form.IncubatedOn!.Value;
        if (incubated > Today)
        {
            throw RequestProblem.Invalid("incubatedOn", ProblemText.OrganisationDateInFuture);
        }
        if (organisation.FiledOn is { } filed && incubated > filed)
        {
            throw RequestProblem.Invalid("incubatedOn", Problems.Format(ProblemText.OrganisationIncubatedAfterFiled, filed.ToString("yyyy-MM-dd")));
        }
        organisation.Name = form.Name!.Trim();
        organisation.Type = form.Type!.Value;
        organisation.StationId = station.Id;
        organisation.RegionCode = place;
        organisation.LeaderName = Clean(form.LeaderName);
        organisation.MemberCount = form.MemberCount!.Value;
        organisation.Support = Clean(form.Support);
        organisation.IncubatedOn = incubated;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
