using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>The form's rules: required ID number and phone, the station and place, the team, and one record per ID number and per phone.</summary>
public sealed partial class VolunteerService
{
    private async Task ApplyAsync(VolunteerForm form, Volunteer volunteer, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        RequireIdentity(form, volunteer.Id == 0);
        var station = await LinkagePlaces.StationAsync(db, form.StationId, volunteer.StationId, cancellationToken);
        var place = await LinkagePlaces.PlaceAsync(db, form.RegionCode, station, cancellationToken);
        if (form.TeamId is { } teamId && !await db.Set<VolunteerTeam>().AnyAsync(t => t.Id == teamId && t.StationId == station.Id, cancellationToken))
        {
            throw RequestProblem.Invalid("teamId", Problems.Format(ProblemText.VolunteerTeamNotOfStation, teamId, station.Name));
        }
        await SetIdentityAsync(form, volunteer, cancellationToken);
        volunteer.StationId = station.Id;
        volunteer.RegionCode = place;
        volunteer.TeamId = form.TeamId;
        SetOffer(form, volunteer);
    }

    /// <summary>ID number and phone are required on a new record; on edit an empty one keeps the stored value.</summary>
    private static void RequireIdentity(VolunteerFields form, bool isNew)
    {
        var errors = new Dictionary<string, string[]>();
        if (isNew && string.IsNullOrWhiteSpace(form.IdNumber))
        {
            errors["idNumber"] = [ProblemText.VolunteerIdNumberRequired];
        }
        if (isNew && string.IsNullOrWhiteSpace(form.Phone))
        {
            errors["phone"] = [ProblemText.VolunteerPhoneRequired];
        }
        if (errors.Count > 0)
        {
            throw RequestProblem.Invalid(errors);
        }
    }

    private static void SetOffer(VolunteerFields form, Volunteer volunteer)
    {
        volunteer.Name = form.Name!.Trim();
        volunteer.Skills = string.IsNullOrWhiteSpace(form.Skills) ? null : form.Skills.Trim();
        volunteer.Availability = string.IsNullOrWhiteSpace(form.Availability) ? null : form.Availability.Trim();
    }

    /// <summary>
    /// Encrypts, hashes and masks the ID number and phone given, after checking no other volunteer holds them. The other record
    /// is named only when the caller may see it (a public registration never sees one).
    /// </summary>
    private async Task SetIdentityAsync(VolunteerFields form, Volunteer volunteer, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.IdNumber))
        {
            var number = CitizenId.Normalize(form.IdNumber);
            var hashes = personal.Hashes(PersonalField.IdNumber, number);
            var other = await db.Set<Volunteer>().IgnoreQueryFilters().Where(v => hashes.Contains(v.IdNumberHash) && v.Id != volunteer.Id)
                .Select(v => new { v.Id, v.Name, v.RegionCode }).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                throw db.Scope.Contains(other.RegionCode)
                    ? RequestProblem.Conflict(Problems.Format(ProblemText.VolunteerIdNumberTakenNamed, other.Name, other.Id))
                    : RequestProblem.Conflict(ProblemText.VolunteerIdNumberTaken);
            }
            var facts = CitizenId.Parse(number);
            volunteer.IdNumberCipher = personal.Encrypt(PersonalField.IdNumber, number);
            volunteer.IdNumberHash = personal.Hash(PersonalField.IdNumber, number);
            volunteer.IdNumberMasked = Masking.IdNumber(number);
            volunteer.BirthDate = facts.BirthDate;
            volunteer.Sex = facts.Sex;
        }
        if (!string.IsNullOrWhiteSpace(form.Phone))
        {
            var phone = PhoneNumber.Normalize(form.Phone);
            var hashes = personal.Hashes(PersonalField.Phone, phone);
            if (await db.Set<Volunteer>().IgnoreQueryFilters().AnyAsync(v => hashes.Contains(v.PhoneHash) && v.Id != volunteer.Id, cancellationToken))
            {
                throw RequestProblem.Conflict("phone", ProblemText.VolunteerPhoneTaken);
            }
            volunteer.PhoneCipher = personal.Encrypt(PersonalField.Phone, phone);
            volunteer.PhoneHash = personal.Hash(PersonalField.Phone, phone);
            volunteer.PhoneMasked = Masking.Phone(phone);
        }
    }

    /// <summary>Saves; a race lost on the unique ID-number or phone hash becomes a 409, not a 500.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("IdNumberHash", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict(ProblemText.VolunteerIdNumberTaken);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("PhoneHash", StringComparison.Ordinal) == true)
        {
            throw RequestProblem.Conflict("phone", ProblemText.VolunteerPhoneTaken);
        }
    }

    /// <summary>A township station open to registrations: operating, and in the province's reference data (never a scoped read: the visitor has none).</summary>
    private async Task<Station> PublicStationAsync(int? id, CancellationToken cancellationToken) =>
        await db.Stations.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == id && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating, cancellationToken)
        ?? throw RequestProblem.Invalid("stationId", ProblemText.VolunteerStationNotOpen);
}
