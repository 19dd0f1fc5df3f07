using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>
/// A need a donation may be linked to, as a picker offers it: a readable label and a line that tells it apart (never an ID
/// number or a phone). <c>Near</c> is true when it lies at the donation's station or under it.
/// </summary>
public sealed record LinkTargetChoice(LinkTarget Target, int Id, string Label, string Detail, bool Near);

/// <summary>A donation with a balance that a need may be linked to, as the "link a donation" flow offers it.</summary>
public sealed record DonationChoice(int Id, string DonorName, string StationName, DateOnly ReceivedOn, string Description, decimal BalanceYuan,
    uint Version);

/// <summary>
/// The two pickers of a link, both through the scope filters: the needs a donation may go to (searched by what a social
/// worker knows of them), and the donations with a balance a need may draw on (of its station or the stations above).
/// </summary>
public sealed class LinkTargetSearch(ShegongDb db, TimeProvider clock)
{
    public const int Results = 20;
    public const int MaxSearch = 50;

    public async Task<IReadOnlyList<LinkTargetChoice>> SearchAsync(int donationId, LinkTarget? kind, string? q, CancellationToken cancellationToken = default)
    {
        var region = await db.Set<Donation>().AsNoTracking().Where(d => d.Id == donationId).Select(d => d.RegionCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw DonationService.NotFound(donationId);
        if (kind is null)
        {
            throw RequestProblem.Invalid("kind", ProblemText.DonationLinkTargetRequired);
        }
        var text = q?.Trim() ?? "";
        if (text.Length > MaxSearch)
        {
            throw RequestProblem.Invalid("q", Problems.Format(ProblemText.LinkTargetSearchTooLong, MaxSearch));
        }
        // A number may be the record's own number (a case or request is known by it at the station).
        var number = int.TryParse(text, out var n) ? n : -1;
        var (low, high) = RegionCode.SubtreeRange(region);
        return kind switch
        {
            LinkTarget.Resident => await ResidentsAsync(text, low, high, cancellationToken),
            LinkTarget.Case => [.. (await (from c in db.Set<Case>().AsNoTracking()
                                            join r in db.Set<Resident>().AsNoTracking() on c.ResidentId equals r.Id
                                            where text == "" || c.Id == number || r.Name.Contains(text) || c.PresentingProblem.Contains(text)
                                            let near = string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0
                                            orderby near descending, c.Id descending
                                            select new { c.Id, r.Name, c.OpenedOn, c.PresentingProblem, near }).Take(Results).ToListAsync(cancellationToken))
                .Select(c => new LinkTargetChoice(LinkTarget.Case, c.Id, $"#{c.Id} {c.Name}", $"{c.OpenedOn.ToString(DateFormat.Iso)} · {Short(c.PresentingProblem)}", c.near))],
            LinkTarget.Request => [.. (await db.Set<ServiceRequest>().AsNoTracking()
                    .Where(r => text == "" || r.Id == number || r.ContactName.Contains(text) || r.Need.Contains(text))
                    .Select(r => new { r.Id, r.ContactName, r.Need, r.RaisedAt, near = string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0 })
                    .OrderByDescending(r => r.near).ThenByDescending(r => r.Id).Take(Results).ToListAsync(cancellationToken))
                .Select(r => new LinkTargetChoice(LinkTarget.Request, r.Id, $"#{r.Id} {r.ContactName}", $"{DateOnly.FromDateTime(r.RaisedAt).ToString(DateFormat.Iso)} · {Short(r.Need)}", r.near))],
            _ => [.. (await db.Set<CommunityActivity>().AsNoTracking()
                    .Where(a => text == "" || a.Title.Contains(text))
                    .Select(a => new { a.Id, a.Title, a.Date, a.Venue, near = string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0 })
                    .OrderByDescending(a => a.near).ThenByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(Results).ToListAsync(cancellationToken))
                .Select(a => new LinkTargetChoice(LinkTarget.Activity, a.Id, a.Title, $"{a.Date.ToString(DateFormat.Iso)} · {a.Venue}".TrimEnd(' ', '·'), a.near))],
        };
    }

    /// <summary>Donations with a balance at the need's station or a station above it (the township's, the county's, …), newest first.</summary>
    public async Task<IReadOnlyList<DonationChoice>> DonationsForAsync(LinkTarget? target, int? id, CancellationToken cancellationToken = default)
    {
        var region = await RegionOfAsync(target ?? throw RequestProblem.Invalid("target", ProblemText.DonationLinkTargetRequired),
            id ?? throw RequestProblem.Invalid("targetId", ProblemText.DonationLinkTargetIdRequired), cancellationToken)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.DonationLinkTargetNotFound, id));
        List<string> codes = [.. RegionCode.AncestorsOf(region), region];
        // The balance is filtered here: SQLite keeps decimals as text and cannot compare them in the query.
        var donations = await db.Set<Donation>().AsNoTracking().Where(d => codes.Contains(d.RegionCode))
            .OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.DonorId, d.StationId, d.ReceivedOn, d.Description, d.ValueYuan, d.LinkedYuan, d.Version }).ToListAsync(cancellationToken);
        var open = donations.Where(d => d.ValueYuan > d.LinkedYuan).Take(Results * 5).ToList();
        var donorIds = open.Select(d => d.DonorId).Distinct().ToList();
        var donors = await DonorNames.OfAsync(db, donorIds, cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, open.Select(d => d.StationId), cancellationToken);
        return [.. open.Select(d => new DonationChoice(d.Id, donors.GetValueOrDefault(d.DonorId, ""), stations.GetValueOrDefault(d.StationId, ""),
            d.ReceivedOn, d.Description, d.ValueYuan - d.LinkedYuan, d.Version))];
    }

    /// <summary>The region of a need in the caller's scope, or null.</summary>
    public async Task<string?> RegionOfAsync(LinkTarget target, int id, CancellationToken cancellationToken = default) => target switch
    {
        LinkTarget.Resident => await db.Set<Resident>().AsNoTracking().Where(r => r.Id == id).Select(r => r.RegionCode).FirstOrDefaultAsync(cancellationToken),
        LinkTarget.Case => await db.Set<Case>().AsNoTracking().Where(c => c.Id == id).Select(c => c.RegionCode).FirstOrDefaultAsync(cancellationToken),
        LinkTarget.Request => await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Id == id).Select(r => r.RegionCode).FirstOrDefaultAsync(cancellationToken),
        _ => await db.Set<CommunityActivity>().AsNoTracking().Where(a => a.Id == id).Select(a => a.RegionCode).FirstOrDefaultAsync(cancellationToken),
    };

    private async Task<IReadOnlyList<LinkTargetChoice>> ResidentsAsync(string text, string low, string high, CancellationToken cancellationToken)
    {
        var found = await db.Set<Resident>().AsNoTracking().Where(r => text == "" || r.Name.Contains(text))
            .Select(r => new { r.Id, r.Name, r.RegionCode, r.BirthDate, near = string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0 })
            .OrderByDescending(r => r.near).ThenBy(r => r.Name).ThenBy(r => r.Id).Take(Results).ToListAsync(cancellationToken);
        var paths = await RegionPaths.NameAsync(db, found.Select(r => r.RegionCode), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return [.. found.Select(r => new LinkTargetChoice(LinkTarget.Resident, r.Id, r.Name,
            $"{(paths.TryGetValue(r.RegionCode, out var p) ? p.Path : "")} · {Age(r.BirthDate, today)}", r.near))];
    }

    private static int Age(DateOnly birth, DateOnly today) => today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
