using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;

namespace Shegong.Web.Features.Linkage;

/// <summary>A donation link as a need's linkage view shows it.</summary>
public sealed record LinkedDonation(int DonationId, string DonorName, string StationName, DateOnly LinkedOn, decimal AmountYuan);

/// <summary>Everything linked to a case, request, activity or resident: donation links, and for an activity the organisations and volunteers it names.</summary>
public sealed record LinkedToView(LinkTarget Target, int Id, string Name, IReadOnlyList<LinkedDonation> Donations, decimal DonatedYuan,
    string? Organisations, string? Volunteers);

public sealed record StationOrganisation(int Id, string Name, OrganisationType Type, OrganisationStage Stage, int MemberCount, string? Support);

public sealed record StationTeam(int Id, string Name, int MemberCount, bool IsActive, string? Activities);

public sealed record StationDonor(int Id, string Name, DonorKind Kind, decimal ReceivedYuan, decimal LinkedYuan);

/// <summary>What the station's donations were linked to, by kind of need.</summary>
public sealed record LinkedByTarget(LinkTarget Target, int Links, decimal Yuan);

/// <summary>A station's five-society partners and what each did.</summary>
public sealed record StationLinkageView(int StationId, string StationName, IReadOnlyList<StationOrganisation> Organisations, IReadOnlyList<StationTeam> Teams,
    IReadOnlyList<StationDonor> Donors, IReadOnlyList<LinkedByTarget> Linked);

/// <summary>The linkage view (read-only, inside the caller's scope): for a need, everything linked to it; for a station, its partners.</summary>
public sealed class LinkageViewService(ShegongDb db)
{
    public async Task<LinkedToView> ForTargetAsync(LinkTarget target, int id, CancellationToken cancellationToken = default)
    {
        var names = await LinkTargets.NamesAsync(db, [(target, id)], cancellationToken);
        if (!names.TryGetValue((target, id), out var name))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.DonationLinkTargetNotFound, id));
        }
        // Through the donations (scope-filtered): a link of a donation outside the scope stays out of sight.
        var links = await (from l in db.Set<DonationLink>().AsNoTracking()
                           join d in db.Set<Donation>().AsNoTracking() on l.DonationId equals d.Id
                           where l.Target == target && l.TargetId == id
                           orderby l.LinkedOn, l.Id
                           select new { d.Id, d.DonorId, d.StationId, l.LinkedOn, l.AmountYuan }).ToListAsync(cancellationToken);
        var donorIds = links.Select(l => l.DonorId).Distinct().ToList();
        var donors = await db.Set<Donor>().IgnoreQueryFilters().AsNoTracking().Where(d => donorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, links.Select(l => l.StationId), cancellationToken);
        var activity = target == LinkTarget.Activity
            ? await db.Set<CommunityActivity>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Organisations, a.Volunteers }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new LinkedToView(target, id, name,
            [.. links.Select(l => new LinkedDonation(l.Id, donors.GetValueOrDefault(l.DonorId, ""), stations.GetValueOrDefault(l.StationId, ""), l.LinkedOn, l.AmountYuan))],
            links.Sum(l => l.AmountYuan), activity?.Organisations, activity?.Volunteers);
    }

    public async Task<StationLinkageView> ForStationAsync(int stationId, CancellationToken cancellationToken = default)
    {
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.GroupNoStation, stationId));
        var organisations = await db.Set<CommunityOrganisation>().AsNoTracking().Where(o => o.StationId == stationId).OrderBy(o => o.Name)
            .Select(o => new StationOrganisation(o.Id, o.Name, o.Type, o.Stage, o.MemberCount, o.Support)).ToListAsync(cancellationToken);
        var teams = await db.Set<VolunteerTeam>().AsNoTracking().Where(t => t.StationId == stationId).OrderBy(t => t.Name)
            .Select(t => new StationTeam(t.Id, t.Name, t.MemberCount, t.IsActive, t.Activities)).ToListAsync(cancellationToken);
        // The station's donors are those it keeps and those who gave to it.
        var given = await db.Set<Donation>().AsNoTracking().Where(d => d.StationId == stationId).GroupBy(d => d.DonorId)
            .Select(g => new { g.Key, Received = g.Sum(d => d.ValueYuan), Linked = g.Sum(d => d.LinkedYuan) }).ToListAsync(cancellationToken);
        var givers = given.Select(g => g.Key).ToList();
        var donors = await db.Set<Donor>().IgnoreQueryFilters().AsNoTracking().Where(d => d.StationId == stationId || givers.Contains(d.Id))
            .Select(d => new { d.Id, d.Name, d.Kind }).ToListAsync(cancellationToken);
        var linked = await (from l in db.Set<DonationLink>().AsNoTracking()
                            join d in db.Set<Donation>().AsNoTracking() on l.DonationId equals d.Id
                            where d.StationId == stationId
                            group l by l.Target into g
                            select new { g.Key, Links = g.Count(), Yuan = g.Sum(l => l.AmountYuan) }).ToListAsync(cancellationToken);
        return new StationLinkageView(station.Id, station.Name, organisations, teams,
            [.. donors.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d =>
            {
                var g = given.FirstOrDefault(x => x.Key == d.Id);
                return new StationDonor(d.Id, d.Name, d.Kind, g?.Received ?? 0, g?.Linked ?? 0);
            })],
            [.. linked.OrderBy(l => l.Key).Select(l => new LinkedByTarget(l.Key, l.Links, l.Yuan))]);
    }
}

/// <summary>Where a need's own page is.</summary>
public static class LinkagePaths
{
    public static string Of(LinkTarget target, int id) => target switch
    {
        LinkTarget.Resident => $"/residents/{id}",
        LinkTarget.Case => $"/cases/{id}",
        LinkTarget.Request => $"/service-requests/{id}",
        _ => $"/activities/{id}",
    };
}
