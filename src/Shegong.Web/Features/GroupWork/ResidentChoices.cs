using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Residents;

namespace Shegong.Web.Features.GroupWork;

/// <summary>
/// Residents for the group and activity forms: a search by name for the pickers, and the
/// check that ids a form names exist in the caller's scope. (A shared picker replaces the search later.)
/// </summary>
public sealed class ResidentChoices(ShegongDb db)
{
    /// <summary>Up to 20 residents in scope whose name contains <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<ResidentChoice>> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Resident>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var name = text.Trim();
            query = query.Where(r => r.Name.Contains(name));
        }
        return await query.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(20)
            .Select(r => new ResidentChoice(r.Id, r.Name, r.RegionCode)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Residents linked to a visible record (members, participants). A resident's name is as
    /// protected as the resident: one outside the caller's scope keeps their place (so an edit keeps
    /// them) but shows as "outside your scope", never by name or village.
    /// </summary>
    public async Task<IReadOnlyList<ResidentChoice>> NamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        var visible = await db.Set<Resident>().AsNoTracking().Where(r => list.Contains(r.Id)).OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new ResidentChoice(r.Id, r.Name, r.RegionCode)).ToListAsync(cancellationToken);
        var hidden = list.Except(visible.Select(v => v.Id)).Order().Select(id => new ResidentChoice(id, NameText.OutsideScope, ""));
        return [.. visible, .. hidden];
    }

    /// <summary>
    /// Checks the ids a form names: new ones must be residents in scope (an id outside it answers
    /// like one that does not exist); ones already recorded may stay even if outside the scope.
    /// </summary>
    public async Task<List<int>> RequireAsync(string field, IEnumerable<int>? ids, IReadOnlyCollection<int> recorded, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count > 2000)
        {
            throw RequestProblem.Invalid(field, ProblemText.GroupAtMost2000People);
        }
        var fresh = wanted.Except(recorded).ToList();
        var found = await db.Set<Resident>().Where(r => fresh.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (fresh.Except(found).ToList() is [var missing, ..])
        {
            throw RequestProblem.Invalid(field, Problems.Format(ProblemText.ResidentNoResident, missing));
        }
        return wanted;
    }
}
