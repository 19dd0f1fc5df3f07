using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.GroupWork;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>Donations received: list, read with their links, receive, edit, and the balance per station. UI and API share it.</summary>
public sealed class DonationService(ShegongDb db, TimeProvider clock)
{
    // No sort by yuan: SQLite keeps decimals as text and cannot order by them.
    public static readonly SortFields<Donation> Sorts = new SortFields<Donation>().Add("receivedOn", d => d.ReceivedOn).Add("kind", d => d.Kind);

    public async Task<PagedResult<DonationRow>> ListAsync(DonationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id), q => q.ThenBy(d => d.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, rows.Select(d => d.StationId), cancellationToken);
        var donors = await DonorNamesAsync(rows.Select(d => d.DonorId), cancellationToken);
        return new PagedResult<DonationRow>([.. rows.Select(d => new DonationRow(d.Id, d.DonorId, donors.GetValueOrDefault(d.DonorId, ""), d.StationId,
            stations.GetValueOrDefault(d.StationId, ""), d.ReceivedOn, d.Kind, d.Description, d.ValueYuan, d.LinkedYuan, d.BalanceYuan))], total);
    }

    public async Task<DonationDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var d = await db.Set<Donation>().AsNoTracking().Include(d => d.Links).FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFound(id);
        var stations = await LinkagePlaces.StationNamesAsync(db, [d.StationId], cancellationToken);
        var donors = await DonorNamesAsync([d.DonorId], cancellationToken);
        var links = d.Links.OrderBy(l => l.LinkedOn).ThenBy(l => l.Id).ToList();
        var names = await LinkTargets.NamesAsync(db, links.Select(l => (l.Target, l.TargetId)), cancellationToken);
        return new DonationDetail(d.Id, d.DonorId, donors.GetValueOrDefault(d.DonorId, ""), d.StationId, stations.GetValueOrDefault(d.StationId, ""),
            d.RegionCode, d.ReceivedOn, d.Kind, d.Description, d.ValueYuan, d.LinkedYuan, d.BalanceYuan,
            [.. links.Select(l => new DonationLinkRow(l.Id, l.Target, l.TargetId, names.GetValueOrDefault((l.Target, l.TargetId), ""), l.AmountYuan,
                l.LinkedOn, l.ServiceRecordId))], d.Version);
    }

    public async Task<DonationDetail> CreateAsync(DonationForm form, CancellationToken cancellationToken = default)
    {
        var donation = new Donation();
        await ApplyAsync(form, donation, cancellationToken);
        db.Add(donation);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(donation.Id, cancellationToken);
    }

    public async Task<DonationDetail> UpdateAsync(int id, DonationForm form, CancellationToken cancellationToken = default)
    {
        var donation = await db.Set<Donation>().Include(d => d.Links).FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, donation, form.Version);
        // The records of its links are the receiving station's: a donation with links stays where it is.
        if (form.StationId != donation.StationId && donation.LinkedYuan > 0)
        {
            throw RequestProblem.Invalid("stationId", ProblemText.DonationStationFixedOnceLinked);
        }
        await ApplyAsync(form, donation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Received, linked and the balance per receiving station, over the donations in the filter and the reader's scope.</summary>
    public async Task<IReadOnlyList<StationBalance>> StationBalancesAsync(DonationFilter filter, CancellationToken cancellationToken = default)
    {
        var sums = await Filtered(filter).GroupBy(d => d.StationId)
            .Select(g => new { g.Key, Count = g.Count(), Received = g.Sum(d => d.ValueYuan), Linked = g.Sum(d => d.LinkedYuan) })
            .ToListAsync(cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, sums.Select(s => s.Key), cancellationToken);
        return [.. sums.Select(s => new StationBalance(s.Key, stations.GetValueOrDefault(s.Key, ""), s.Count, s.Received, s.Linked, s.Received - s.Linked))
            .OrderBy(s => s.StationName, StringComparer.Ordinal).ThenBy(s => s.StationId)];
    }

    internal static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.DonationNotFound, id));

    private IQueryable<Donation> Filtered(DonationFilter filter)
    {
        var query = ScopedRegion.Under(db.Set<Donation>().AsNoTracking(), filter.Region);
        query = filter.DonorId is { } donor ? query.Where(d => d.DonorId == donor) : query;
        query = filter.Kind is { } kind ? query.Where(d => d.Kind == kind) : query;
        query = filter.From is { } from ? query.Where(d => d.ReceivedOn >= from) : query;
        return filter.To is { } to ? query.Where(d => d.ReceivedOn <= to) : query;
    }

    private Task<Dictionary<int, string>> DonorNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken) =>
        DonorNames.OfAsync(db, ids, cancellationToken);

    private async Task ApplyAsync(DonationForm form, Donation donation, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        LinkTargets.CheckCents("valueYuan", form.ValueYuan!.Value);
        if (form.ReceivedOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime))
        {
            throw RequestProblem.Invalid("receivedOn", ProblemText.OrganisationDateInFuture);
        }
        if (donation.Links.Count > 0 && donation.Links.Min(l => l.LinkedOn) < form.ReceivedOn)
        {
            throw RequestProblem.Invalid("receivedOn", ProblemText.DonationReceivedAfterLinked);
        }
        // Through the scope filter: a donor the caller cannot see is the same 400 as none.
        if (!await db.Set<Donor>().AnyAsync(d => d.Id == form.DonorId, cancellationToken))
        {
            throw RequestProblem.Invalid("donorId", Problems.Format(ProblemText.DonorNotFound, form.DonorId));
        }
        var station = await LinkagePlaces.StationAsync(db, form.StationId, donation.StationId, cancellationToken);
        donation.DonorId = form.DonorId!.Value;
        donation.StationId = station.Id;
        donation.RegionCode = station.RegionCode;
        donation.ReceivedOn = form.ReceivedOn!.Value;
        donation.Kind = form.Kind!.Value;
        donation.Description = form.Description!.Trim();
        donation.Revalue(form.ValueYuan.Value);
    }
}
