using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Requests;

/// <summary>
/// Service requests: raised by staff or by the public form, then triaged, assigned, visited, completed
/// (with the request's one service record) and rated. Every step needs the version read. UI and API share it.
/// </summary>
public sealed partial class ServiceRequestService(ShegongDb db, PersonalData personal, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<ServiceRequestDetail> CreateAsync(StaffRequestForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        if (form.Origin == RequestOrigin.Online)
        {
            throw RequestProblem.Invalid("origin", ProblemText.RequestOnlineRequestsComeThroughPublicForm);
        }
        if (form.Origin == RequestOrigin.OnBehalf && string.IsNullOrWhiteSpace(form.RaisedBy))
        {
            throw RequestProblem.Invalid("raisedBy", ProblemText.RequestRequestRaisedOnSomeoneSBehalfNames);
        }
        // Through the scope: a village outside it is the same 400 as none.
        if (!await db.Regions.AnyAsync(r => r.Code == form.VillageCode && r.Level == RegionLevel.Village, cancellationToken))
        {
            throw RequestProblem.Invalid("villageCode", Problems.Format(ProblemText.RequestNoVillageInYourScopeCode, form.VillageCode));
        }
        if (form.ResidentId is { } residentId && !await db.Residents.AnyAsync(r => r.Id == residentId, cancellationToken))
        {
            throw RequestProblem.Invalid("residentId", Problems.Format(ProblemText.ResidentNoResident, residentId));
        }
        var request = New(form, form.Origin!.Value);
        request.ResidentId = form.ResidentId;
        request.RaisedBy = form.Origin == RequestOrigin.OnBehalf ? form.RaisedBy!.Trim() : null;
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(request.Id, cancellationToken);
    }

    /// <summary>
    /// The public form: checked like any form, then saved as the system's own work (the caller has no
    /// account and no scope) and answered with a reference number only. Nothing is saved from a refused form.
    /// </summary>
    public async Task<PublicRequestReceipt> SubmitPublicAsync(PublicRequestForm form, RegionScope scope, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        if (string.IsNullOrWhiteSpace(form.Phone))
        {
            throw RequestProblem.Invalid("phone", ProblemText.RequestPhoneRequiredSoSocialWorkerCanCall);
        }
        // Regions are public reference data (the NBS division codes), so the public form may name any village.
        if (!await db.Regions.IgnoreQueryFilters().AnyAsync(r => r.Code == form.VillageCode && r.Level == RegionLevel.Village, cancellationToken))
        {
            throw RequestProblem.Invalid("villageCode", Problems.Format(ProblemText.ActivityNoVillageCode, form.VillageCode));
        }
        var request = New(form, RequestOrigin.Online);
        scope.EnterSystem("public-request");
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return new PublicRequestReceipt(request.Id);
    }

    /// <summary>Villages whose name contains the text, with their path, for the public form's picker.</summary>
    public async Task<IReadOnlyList<VillageChoice>> PublicVillagesAsync(string? text, CancellationToken cancellationToken = default)
    {
        var search = text?.Trim() ?? "";
        if (search.Length is < 1 or > 20)
        {
            return [];
        }
        var villages = await db.Regions.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Name.Contains(search)).OrderBy(r => r.Code).Take(20).ToListAsync(cancellationToken);
        var codes = villages.Select(v => v.Code).ToList();
        var all = codes.SelectMany(c => RegionCode.AncestorsOf(c)).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => all.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return villages.Select(v => new VillageChoice(v.Code, v.Name,
            string.Join(" / ", RegionCode.AncestorsOf(v.Code).Skip(1).Select(a => names.GetValueOrDefault(a, a)).Append(v.Name)))).ToList();
    }

    private ServiceRequest New(PublicRequestForm form, RequestOrigin origin)
    {
        var phone = string.IsNullOrWhiteSpace(form.Phone) ? null : PhoneNumber.Normalize(form.Phone);
        return new ServiceRequest
        {
            RegionCode = form.VillageCode!,
            Origin = origin,
            ContactName = form.ContactName!.Trim(),
            Need = form.Need!.Trim(),
            RaisedAt = Now,
            PhoneCipher = personal.EncryptOrNull(PersonalField.Phone, phone),
            PhoneHash = phone is null ? null : personal.Hash(PersonalField.Phone, phone),
            PhoneMasked = phone is null ? null : Masking.Phone(phone),
        };
    }

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.RequestNoServiceRequest, id));
}
