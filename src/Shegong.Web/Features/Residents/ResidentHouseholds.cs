using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Residents;

/// <summary>
/// Households: one is created around its head (in the head's village), members are linked with
/// their relation to the head and unlinked; the household's version guards every change of its
/// members, so two people editing one household cannot both win.
/// </summary>
public sealed partial class ResidentService
{
    public async Task<HouseholdDetail> GetHouseholdAsync(int id, CancellationToken cancellationToken = default) =>
        await HouseholdDetailAsync(id, cancellationToken);

    public async Task<HouseholdDetail> CreateHouseholdAsync(HouseholdForm form, CancellationToken cancellationToken = default)
    {
        if (form.HeadResidentId is not { } headId)
        {
            throw RequestProblem.Invalid("headResidentId", ProblemText.ResidentHeadHouseholdRequired);
        }
        if (form.Address is { Length: > 200 })
        {
            throw RequestProblem.Invalid("address", ProblemText.ResidentAddressAtMost200Characters);
        }
        var head = await MemberAsync(headId, "headResidentId", cancellationToken);
        var household = new Household { RegionCode = head.RegionCode, Address = string.IsNullOrWhiteSpace(form.Address) ? head.Address : form.Address.Trim() };
        household.HeadResidentId = head.Id;
        db.Households.Add(household);
        // One save: the head points at the household's temporary key, which EF replaces with the generated one.
        db.Entry(head).Property(r => r.HouseholdId).CurrentValue = db.Entry(household).Property(h => h.Id).CurrentValue;
        head.Relation = HouseholdRelation.Head;
        await SaveAsync(cancellationToken);
        return await HouseholdDetailAsync(household.Id, cancellationToken);
    }

    public async Task<HouseholdDetail> LinkMemberAsync(int householdId, HouseholdMemberForm form, CancellationToken cancellationToken = default)
    {
        var household = await HouseholdAsync(householdId, form.Version, cancellationToken);
        if (form.ResidentId is not { } residentId)
        {
            throw RequestProblem.Invalid("residentId", ProblemText.ResidentResidentLinkRequired);
        }
        if (form.Relation is not { } relation || !Enum.IsDefined(relation) || relation == HouseholdRelation.Head)
        {
            throw RequestProblem.Invalid("relation", ProblemText.ResidentChooseRelationHeadHouseholdHead);
        }
        var member = await MemberAsync(residentId, "residentId", cancellationToken);
        member.HouseholdId = household.Id;
        member.Relation = relation;
        await SaveAsync(cancellationToken);
        return await HouseholdDetailAsync(household.Id, cancellationToken);
    }

    /// <summary>Unlinks a member; the head goes last, and the household with them.</summary>
    public async Task<HouseholdDetail?> UnlinkMemberAsync(int householdId, int residentId, HouseholdVersionForm form, CancellationToken cancellationToken = default)
    {
        var household = await HouseholdAsync(householdId, form.Version, cancellationToken);
        var members = await db.Residents.Where(r => r.HouseholdId == householdId).ToListAsync(cancellationToken);
        var member = members.FirstOrDefault(r => r.Id == residentId)
            ?? throw RequestProblem.Invalid("residentId", Problems.Format(ProblemText.ResidentResidentNotMemberHousehold, residentId));
        if (member.Id == household.HeadResidentId && members.Count > 1)
        {
            throw RequestProblem.Invalid("residentId", ProblemText.ResidentUnlinkOtherMembersFirstHeadGoesLast);
        }
        member.HouseholdId = null;
        member.Relation = null;
        if (members.Count == 1)
        {
            db.Households.Remove(household);
            await SaveAsync(cancellationToken);
            return null;
        }
        await SaveAsync(cancellationToken);
        return await HouseholdDetailAsync(householdId, cancellationToken);
    }

    private async Task<HouseholdDetail> HouseholdDetailAsync(int id, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw HouseholdNotFound(id);
        var today = Today;
        // Only the members the caller may see are named; a household may reach into a neighbouring village.
        var members = (await db.Residents.AsNoTracking().Where(r => r.HouseholdId == id)
                .Select(r => new { r.Id, r.Name, r.Relation, r.BirthDate }).ToListAsync(cancellationToken))
            .OrderBy(m => m.Relation != HouseholdRelation.Head).ThenBy(m => m.Relation).ThenBy(m => m.Id)
            .Select(m => new HouseholdMemberRow(m.Id, m.Name, m.Relation, AgeOn(m.BirthDate, today))).ToList();
        return new HouseholdDetail(household.Id, household.RegionCode, household.HeadResidentId, household.Address, members, household.Version);
    }

    private async Task<Household> HouseholdAsync(int id, uint? version, CancellationToken cancellationToken)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) ?? throw HouseholdNotFound(id);
        Versioning.Expect(db, household, version);
        return household;
    }

    /// <summary>A resident in scope who belongs to no household yet.</summary>
    private async Task<Resident> MemberAsync(int residentId, string field, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken)
            ?? throw RequestProblem.Invalid(field, Problems.Format(ProblemText.ResidentNoResident, residentId));
        return resident.HouseholdId is not null
            ? throw RequestProblem.Invalid(field, Problems.Format(ProblemText.ResidentAlreadyBelongsHouseholdUnlinkThemFirst, resident.Name))
            : resident;
    }

    private static RequestProblem HouseholdNotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.ResidentNoHousehold, id));
}
