using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>The public self-registration and the station's decisions (approval makes the volunteer's account).</summary>
public sealed partial class VolunteerService
{
    /// <summary>
    /// The public registration: every field error at once, nothing saved from a refused form; then saved as the
    /// system's own work (the visitor has no account and no scope), answered with a reference number only.
    /// </summary>
    public async Task<VolunteerReceipt> RegisterAsync(VolunteerRegistrationForm form, RegionScope scope, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        try
        {
            FormValidation.ThrowIfInvalid(form);
        }
        catch (RequestProblem problem) when (problem.Errors.Count > 0)
        {
            errors = problem.Errors.ToDictionary();
        }
        var probe = new Account { UserName = "", DisplayName = "", RegionCode = "" };
        if (string.IsNullOrWhiteSpace(form.IdNumber))
        {
            errors.TryAdd("idNumber", [ProblemText.VolunteerIdNumberRequired]);
        }
        if (string.IsNullOrWhiteSpace(form.Phone))
        {
            errors.TryAdd("phone", [ProblemText.VolunteerPhoneRequired]);
        }
        if (string.IsNullOrEmpty(form.Password) || form.Password.Length > 100 || !await PasswordAcceptedAsync(probe, form.Password))
        {
            errors["password"] = [ProblemText.AccountPasswordRule];
        }
        if (!form.Consent)
        {
            errors["consent"] = [ProblemText.VolunteerConsentRequired];
        }
        if (errors.Count > 0)
        {
            throw RequestProblem.Invalid(errors);
        }
        var station = await PublicStationAsync(form.StationId, cancellationToken);
        var volunteer = new Volunteer
        {
            Status = VolunteerStatus.Applied,
            SelfRegistered = true,
            AppliedOn = Today,
            StationId = station.Id,
            RegionCode = station.RegionCode,
            ConsentGivenOn = Today,
            PendingPasswordHash = users.PasswordHasher.HashPassword(probe, form.Password!),
        };
        await SetIdentityAsync(form, volunteer, cancellationToken);
        SetOffer(form, volunteer);
        scope.EnterSystem("volunteer-registration");
        db.Add(volunteer);
        await SaveAsync(cancellationToken);
        return new VolunteerReceipt(volunteer.Id);
    }

    /// <summary>Operating township stations whose name or township contains the text, for the public form's choice.</summary>
    public async Task<IReadOnlyList<PublicStationChoice>> PublicStationsAsync(string? text, CancellationToken cancellationToken = default)
    {
        var search = text?.Trim() ?? "";
        if (search.Length is < 1 or > 20)
        {
            return [];
        }
        var townships = db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.Township && r.Name.Contains(search)).Select(r => r.Code);
        var stations = await db.Stations.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating
                && (s.Name.Contains(search) || townships.Contains(s.RegionCode)))
            .OrderBy(s => s.RegionCode).ThenBy(s => s.Id).Take(20).Select(s => new { s.Id, s.Name, s.RegionCode }).ToListAsync(cancellationToken);
        var codes = stations.SelectMany(s => RegionCode.AncestorsOf(s.RegionCode).Append(s.RegionCode)).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return [.. stations.Select(s => new PublicStationChoice(s.Id, s.Name,
            string.Join(" / ", RegionCode.AncestorsOf(s.RegionCode).Skip(1).Append(s.RegionCode).Select(c => names.GetValueOrDefault(c, c)))))];
    }

    /// <summary>
    /// Applied → Approved (the account is made, with the password the volunteer set, or a one-time password answered once) or
    /// Rejected (a reason required); Approved → Left (the account is disabled). Anything else is a 400 naming the status.
    /// </summary>
    public async Task<VolunteerDecision> DecideAsync(int id, VolunteerDecisionForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var volunteer = await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, volunteer, form.Version);
        var to = form.Status!.Value;
        var allowed = (volunteer.Status, to) is (VolunteerStatus.Applied, VolunteerStatus.Approved or VolunteerStatus.Rejected)
            or (VolunteerStatus.Approved, VolunteerStatus.Left);
        if (!allowed)
        {
            throw RequestProblem.Invalid("status", Problems.Format(ProblemText.VolunteerStatusMoveNotAllowed, Names.Of(volunteer.Status), Names.Of(to)));
        }
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        if (to == VolunteerStatus.Rejected && reason is null)
        {
            throw RequestProblem.Invalid("reason", ProblemText.VolunteerReasonRequired);
        }
        string? initial = null;
        if (to == VolunteerStatus.Approved)
        {
            initial = volunteer.PendingPasswordHash is null ? OneTimePassword() : null;
            var account = new Account
            {
                UserName = $"volunteer-{volunteer.Id}",
                DisplayName = volunteer.Name,
                Role = AccountRole.Volunteer,
                RegionCode = volunteer.RegionCode,
                StationId = volunteer.StationId,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            account.NormalizedUserName = users.NormalizeName(account.UserName);
            account.PasswordHash = volunteer.PendingPasswordHash ?? users.PasswordHasher.HashPassword(account, initial!);
            db.Users.Add(account);
            volunteer.AccountId = account.Id;
        }
        if (to == VolunteerStatus.Left && volunteer.AccountId is { } accountId
            && await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken) is { } left)
        {
            // Disabled with a new stamp: the volunteer's cookies and tokens end at once.
            left.IsDisabled = true;
            left.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        volunteer.PendingPasswordHash = null;
        volunteer.Status = to;
        volunteer.DecidedOn = Today;
        volunteer.DecisionReason = reason;
        await SaveAsync(cancellationToken);
        return new VolunteerDecision(await GetAsync(id, cancellationToken), initial);
    }

    private async Task<bool> PasswordAcceptedAsync(Account probe, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, probe, password)).Succeeded)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Meets the password rule (upper, lower, digit, symbol, 8+): the volunteer gets it from the station, once.</summary>
    private static string OneTimePassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
        var digits = RandomNumberGenerator.GetInt32(100000, 1000000);
        return $"{upper[RandomNumberGenerator.GetInt32(upper.Length)]}{lower[RandomNumberGenerator.GetInt32(lower.Length)]}"
            + $"{lower[RandomNumberGenerator.GetInt32(lower.Length)]}@{digits}";
    }
}
