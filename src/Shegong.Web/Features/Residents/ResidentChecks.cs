using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Residents;

/// <summary>The form's rules, the village, and the two duplicate rules (one record per ID number; a warning on name + birth date + village).</summary>
public sealed partial class ResidentService
{
    /// <summary>Checks the form for <paramref name="resident"/> (new: Id 0) and throws the first problem; changes nothing.</summary>
    private async Task CheckAsync(ResidentForm form, Resident resident, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var (birthDate, _) = Identity(form, resident);
        if (form.Tags is { } tags && tags.Any(t => !Enum.IsDefined(t)))
        {
            throw RequestProblem.Invalid("tags", ProblemText.ResidentVulnerabilityTagNotKnown);
        }
        var code = form.RegionCode!.Trim();
        if (RegionCode.Problem(code) is { } problem)
        {
            throw RequestProblem.Invalid("regionCode", problem);
        }
        var village = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Code == code)
            .Select(r => new { r.Name, r.Level }).FirstOrDefaultAsync(cancellationToken);
        if (village is null || !db.Scope.Contains(code))
        {
            // Out of scope reads like missing: a caller learns nothing of regions it cannot see.
            throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.ResidentNoVillageCommunityWithCodeInYour, code));
        }
        if (village.Level != RegionLevel.Village)
        {
            throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.ResidentNotVillageCommunity, village.Name));
        }
        if (!string.IsNullOrWhiteSpace(form.IdNumber))
        {
            var hashes = personal.Hashes(PersonalField.IdNumber, CitizenId.Normalize(form.IdNumber));
            var other = await db.Residents.IgnoreQueryFilters().Where(r => hashes.Contains(r.IdNumberHash!) && r.Id != resident.Id)
                .Select(r => new { r.Id, r.Name, r.RegionCode }).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                // Named only when the caller may see it: an out-of-scope name would leak who is registered where.
                throw db.Scope.Contains(other.RegionCode)
                    ? RequestProblem.Conflict(Problems.Format(ProblemText.ResidentNumberAlreadyRegisteredResident2, other.Name)).WithLink($"/residents/{other.Id}")
                    : RequestProblem.Conflict(ProblemText.ResidentNumberAlreadyRegisteredResidentElsewhere);
            }
        }
        if (!form.ConfirmDuplicate)
        {
            var name = form.Name!.Trim();
            var same = await db.Residents.Where(r => r.Name == name && r.BirthDate == birthDate && r.RegionCode == code && r.Id != resident.Id)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(1).ToListAsync(cancellationToken);
            if (same.Count > 0)
            {
                // A link to the record the user should check, never its internal number in the words.
                throw RequestProblem.Conflict("confirmDuplicate", ProblemText.ResidentResidentWithSameNameBirthDateVillage)
                    .WithLink($"/residents/{same[0]}");
            }
        }
    }

    /// <summary>Birth date and sex: from the ID number (new, or the stored one), else from the form, where they are then required.</summary>
    private (DateOnly BirthDate, Sex Sex) Identity(ResidentForm form, Resident resident)
    {
        CitizenIdFacts? facts = null;
        if (!string.IsNullOrWhiteSpace(form.IdNumber))
        {
            facts = CitizenId.Parse(form.IdNumber);
        }
        else if (resident.IdNumberCipher is not null)
        {
            facts = new CitizenIdFacts("", "", resident.BirthDate, resident.Sex);
        }
        if (facts is not null)
        {
            if (form.BirthDate is { } given && given != facts.BirthDate)
            {
                throw RequestProblem.Invalid("birthDate", ProblemText.ResidentBirthDateDoesNotMatchNumberLeave);
            }
            if (form.Sex is { } sex && sex != facts.Sex)
            {
                throw RequestProblem.Invalid("sex", ProblemText.ResidentSexDoesNotMatchNumberLeaveEmpty);
            }
            return (facts.BirthDate, facts.Sex);
        }
        // On edit, empty birth date and sex keep the stored ones (the form never holds the birth date unless revealed).
        var birthDateOrStored = form.BirthDate ?? (resident.Id != 0 ? (DateOnly?)resident.BirthDate : null);
        var sexOrStored = form.Sex ?? (resident.Id != 0 ? (Sex?)resident.Sex : null);
        var errors = new Dictionary<string, string[]>();
        if (birthDateOrStored is not { } birthDate)
        {
            errors["birthDate"] = [ProblemText.ResidentWithoutNumberBirthDateRequired];
        }
        else if (birthDate > Today || birthDate < new DateOnly(1890, 1, 1))
        {
            errors["birthDate"] = [ProblemText.ResidentBirthDateMustLieBetween1890Today];
        }
        if (sexOrStored is not { } formSex || !Enum.IsDefined(formSex))
        {
            errors["sex"] = [ProblemText.ResidentWithoutNumberSexRequired];
        }
        return errors.Count > 0 ? throw RequestProblem.Invalid(errors) : (birthDateOrStored!.Value, sexOrStored!.Value);
    }

    private void Apply(ResidentForm form, Resident resident)
    {
        var (birthDate, sex) = Identity(form, resident);
        resident.Name = form.Name!.Trim();
        resident.BirthDate = birthDate;
        resident.Sex = sex;
        if (!string.IsNullOrWhiteSpace(form.IdNumber))
        {
            var number = CitizenId.Normalize(form.IdNumber);
            resident.IdNumberCipher = personal.Encrypt(PersonalField.IdNumber, number);
            resident.IdNumberHash = personal.Hash(PersonalField.IdNumber, number);
            resident.IdNumberMasked = Masking.IdNumber(number);
        }
        if (form.Phone is not null)
        {
            var phone = string.IsNullOrWhiteSpace(form.Phone) ? null : PhoneNumber.Normalize(form.Phone);
            resident.PhoneCipher = personal.EncryptOrNull(PersonalField.Phone, phone);
            resident.PhoneHash = phone is null ? null : personal.Hash(PersonalField.Phone, phone);
            resident.PhoneMasked = phone is null ? null : Masking.Phone(phone);
        }
        resident.RegionCode = form.RegionCode!.Trim();
        resident.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        var tags = (form.Tags ?? []).Distinct().ToHashSet();
        resident.Tags.RemoveAll(t => !tags.Contains(t.Tag));
        foreach (var tag in tags.Where(t => resident.Tags.All(x => x.Tag != t)).Order())
        {
            resident.Tags.Add(new ResidentTag { Tag = tag });
        }
    }
}
