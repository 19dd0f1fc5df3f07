using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.GroupWork;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>Donors: list with what each gave (inside the reader's scope), read, create, edit. UI and API share it.</summary>
public sealed class DonorService(ShegongDb db)
{
    public static readonly SortFields<Donor> Sorts = new SortFields<Donor>().Add("name", d => d.Name).Add("kind", d => d.Kind);

    public async Task<PagedResult<DonorRow>> ListAsync(DonorFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = ScopedRegion.Under(db.Set<Donor>().AsNoTracking(), filter.Region);
        query = filter.Kind is { } kind ? query.Where(d => d.Kind == kind) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(d => d.Name.Contains(text) || (d.ContactName != null && d.ContactName.Contains(text)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderBy(d => d.RegionCode).ThenBy(d => d.Id), q => q.ThenBy(d => d.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var given = await GivenAsync(rows.Select(d => d.Id), cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, rows.Select(d => d.StationId), cancellationToken);
        return new PagedResult<DonorRow>([.. rows.Select(d =>
        {
            var (received, linked) = given.GetValueOrDefault(d.Id);
            return new DonorRow(d.Id, d.Name, d.Kind, d.StationId, stations.GetValueOrDefault(d.StationId, ""), d.ContactName, received, linked, received - linked);
        })], total);
    }

    public async Task<DonorDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var d = await db.Set<Donor>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFound(id);
        var (received, linked) = (await GivenAsync([id], cancellationToken)).GetValueOrDefault(id);
        var stations = await LinkagePlaces.StationNamesAsync(db, [d.StationId], cancellationToken);
        return new DonorDetail(d.Id, d.Name, d.Kind, d.StationId, stations.GetValueOrDefault(d.StationId, ""), d.RegionCode, d.ContactName, d.Note,
            received, linked, received - linked, d.Version);
    }

    public async Task<DonorDetail> CreateAsync(DonorForm form, CancellationToken cancellationToken = default)
    {
        var donor = new Donor();
        await ApplyAsync(form, donor, cancellationToken);
        db.Add(donor);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(donor.Id, cancellationToken);
    }

    public async Task<DonorDetail> UpdateAsync(int id, DonorForm form, CancellationToken cancellationToken = default)
    {
        var donor = await db.Set<Donor>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, donor, form.Version);
        await ApplyAsync(form, donor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Donors the reader may give to a donation, for the forms' choice (at most 500, by name).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Set<Donor>().AsNoTracking().OrderBy(d => d.Name).Take(500).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.Name))];

    internal static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.DonorNotFound, id));

    /// <summary>Received and linked yuan per donor, over the donations the reader's scope holds.</summary>
    private async Task<Dictionary<int, (decimal Received, decimal Linked)>> GivenAsync(IEnumerable<int> donorIds, CancellationToken cancellationToken)
    {
        var ids = donorIds.ToList();
        var sums = await db.Set<Donation>().AsNoTracking().Where(d => ids.Contains(d.DonorId)).GroupBy(d => d.DonorId)
            .Select(g => new { g.Key, Received = g.Sum(d => d.ValueYuan), Linked = g.Sum(d => d.LinkedYuan) }).ToListAsync(cancellationToken);
        return sums.ToDictionary(s => s.Key, s => (s.Received, s.Linked));
    }

    private async Task ApplyAsync(DonorForm form, Donor donor, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var station = await LinkagePlaces.StationAsync(db, form.StationId, donor.StationId, cancellationToken);
        donor.Name = form.Name!.Trim();
        donor.Kind = form.Kind!.Value;
        donor.StationId = station.Id;
        donor.RegionCode = station.RegionCode;
        donor.ContactName = string.IsNullOrWhiteSpace(form.ContactName) ? null : form.ContactName.Trim();
        donor.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
    }
}
