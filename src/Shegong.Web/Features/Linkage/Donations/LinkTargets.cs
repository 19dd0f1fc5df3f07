using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>The needs a donation is linked to: found through the scope filters, named, and turned into a record's facts.</summary>
internal static class LinkTargets
{
    /// <summary>What the link's service record says: resource linking, for the resident the need is for (none for an activity).</summary>
    public static async Task<ServiceFacts> FactsAsync(ShegongDb db, LinkTarget target, int id, decimal amountYuan, DateOnly linkedOn, string content,
        CancellationToken cancellationToken)
    {
        // A target outside the caller's scope is the same 400 as one that does not exist.
        var (method, residentId, found) = target switch
        {
            LinkTarget.Resident => (ServiceMethod.Other, (int?)id, await db.Set<Resident>().AnyAsync(r => r.Id == id, cancellationToken)),
            LinkTarget.Case => Found(ServiceMethod.Casework,
                await db.Set<Case>().Where(c => c.Id == id).Select(c => new { Resident = (int?)c.ResidentId }).FirstOrDefaultAsync(cancellationToken) is { } c ? [c.Resident] : null),
            LinkTarget.Request => Found(ServiceMethod.Other,
                await db.Set<ServiceRequest>().Where(r => r.Id == id).Select(r => new { r.ResidentId }).FirstOrDefaultAsync(cancellationToken) is { } r ? [r.ResidentId] : null),
            _ => (ServiceMethod.CommunityWork, (int?)null, await db.Set<CommunityActivity>().AnyAsync(a => a.Id == id, cancellationToken)),
        };
        if (!found)
        {
            throw RequestProblem.Invalid("targetId", Problems.Format(ProblemText.DonationLinkTargetNotFound, id));
        }
        // A request for someone not yet on the books still served one person; an activity's people are counted by the activity.
        var headCount = residentId is null && target == LinkTarget.Request ? 1 : 0;
        return new ServiceFacts(linkedOn, ServiceCategory.ResourceLinking, method, ServiceChannel.WalkIn, 0, [],
            residentId is { } resident ? [resident] : [], headCount, amountYuan, content.Length <= 1000 ? content : content[..1000]);
    }

    private static (ServiceMethod, int?, bool) Found(ServiceMethod method, int?[]? resident) => (method, resident?[0], resident is not null);

    /// <summary>Names of the targets the reader may see (a resident's name, a case's resident, a request's contact, an activity's title).</summary>
    public static async Task<Dictionary<(LinkTarget, int), string>> NamesAsync(ShegongDb db, IEnumerable<(LinkTarget Target, int Id)> targets,
        CancellationToken cancellationToken)
    {
        var all = targets.Distinct().ToList();
        List<int> Of(LinkTarget t) => [.. all.Where(x => x.Target == t).Select(x => x.Id)];
        var (residents, cases, requests, activities) = (Of(LinkTarget.Resident), Of(LinkTarget.Case), Of(LinkTarget.Request), Of(LinkTarget.Activity));
        var names = new Dictionary<(LinkTarget, int), string>();
        foreach (var r in await db.Set<Resident>().AsNoTracking().Where(r => residents.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
        {
            names[(LinkTarget.Resident, r.Id)] = r.Name;
        }
        var caseResidents = await db.Set<Case>().AsNoTracking().Where(c => cases.Contains(c.Id)).Select(c => new { c.Id, c.ResidentId }).ToListAsync(cancellationToken);
        var residentIds = caseResidents.Select(c => c.ResidentId).ToList();
        var caseNames = await db.Set<Resident>().AsNoTracking().Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        foreach (var c in caseResidents)
        {
            names[(LinkTarget.Case, c.Id)] = caseNames.GetValueOrDefault(c.ResidentId, "");
        }
        foreach (var r in await db.Set<ServiceRequest>().AsNoTracking().Where(r => requests.Contains(r.Id)).Select(r => new { r.Id, r.ContactName }).ToListAsync(cancellationToken))
        {
            names[(LinkTarget.Request, r.Id)] = r.ContactName;
        }
        foreach (var a in await db.Set<CommunityActivity>().AsNoTracking().Where(a => activities.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken))
        {
            names[(LinkTarget.Activity, a.Id)] = a.Title;
        }
        return names;
    }

    /// <summary>Yuan are kept to the fen: a third decimal is refused rather than rounded away.</summary>
    public static void CheckCents(string field, decimal yuan)
    {
        if (decimal.Round(yuan, 2) != yuan)
        {
            throw RequestProblem.Invalid(field, ProblemText.DonationYuanCents);
        }
    }
}
