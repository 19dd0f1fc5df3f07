using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Linkage.Volunteers;

/// <summary>Volunteers for the station's staff: list, read, enter, edit, reveal; decisions and registration in the other parts.</summary>
public sealed partial class VolunteerService(ShegongDb db, PersonalData personal, TimeProvider clock, RevealRecorder reveals, CurrentUser user,
    UserManager<Account> users)
{
    public static readonly SortFields<Volunteer> Sorts = new SortFields<Volunteer>()
        .Add("name", v => v.Name).Add("appliedOn", v => v.AppliedOn).Add("status", v => v.Status);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<PagedResult<VolunteerRow>> ListAsync(VolunteerFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = ScopedRegion.Under(db.Set<Volunteer>().AsNoTracking(), filter.Region);
        query = filter.Status is { } status ? query.Where(v => v.Status == status) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(v => v.Name.Contains(text) || (v.Skills != null && v.Skills.Contains(text)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderBy(v => v.Status).ThenByDescending(v => v.Id), q => q.ThenBy(v => v.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var stations = await LinkagePlaces.StationNamesAsync(db, rows.Select(v => v.StationId), cancellationToken);
        var places = await RegionPaths.NameAsync(db, rows.Select(v => v.RegionCode), cancellationToken);
        var teams = await TeamNamesAsync(rows.Select(v => v.TeamId), cancellationToken);
        var hours = await ConfirmedMinutesAsync(rows.Select(v => v.Id), cancellationToken);
        return new PagedResult<VolunteerRow>([.. rows.Select(v => new VolunteerRow(v.Id, v.Name, AgeOn(v.BirthDate), v.Sex, v.PhoneMasked,
            v.StationId, stations.GetValueOrDefault(v.StationId, ""), v.RegionCode, places[v.RegionCode].Name, v.TeamId,
            v.TeamId is { } t ? teams.GetValueOrDefault(t) : null, v.Status, v.AppliedOn, v.SelfRegistered, HoursOf(hours.GetValueOrDefault(v.Id))))], total);
    }

    public async Task<VolunteerDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var v = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw NotFound(id);
        return await DetailOfAsync(db, v, cancellationToken);
    }

    /// <summary>The detail of a volunteer already read (the volunteer's own page reads it past the scope, by account).</summary>
    internal async Task<VolunteerDetail> DetailOfAsync(ShegongDb context, Volunteer v, CancellationToken cancellationToken)
    {
        var stations = await LinkagePlaces.StationNamesAsync(context, [v.StationId], cancellationToken);
        // Region names are public reference data; read past the scope so the volunteer's own page names their place too.
        var codes = RegionCode.AncestorsOf(v.RegionCode).Append(v.RegionCode).ToList();
        var regions = await context.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var path = string.Join(" / ", codes.Skip(1).Select(c => regions.GetValueOrDefault(c, c)));
        var team = v.TeamId is { } t ? await context.Set<VolunteerTeam>().IgnoreQueryFilters().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var minutes = await context.Set<VolunteerHour>().IgnoreQueryFilters().Where(h => h.VolunteerId == v.Id && h.Status != HourStatus.Rejected)
            .GroupBy(h => h.Status).Select(g => new { Status = g.Key, Minutes = g.Sum(h => h.Minutes) }).ToListAsync(cancellationToken);
        return new VolunteerDetail(v.Id, v.Name, AgeOn(v.BirthDate), v.Sex, v.IdNumberMasked, v.PhoneMasked, v.StationId,
            stations.GetValueOrDefault(v.StationId, ""), v.RegionCode, regions.GetValueOrDefault(v.RegionCode, v.RegionCode), path, v.TeamId, team,
            v.Skills, v.Availability, v.Status, v.AppliedOn, v.DecidedOn, v.DecisionReason, v.SelfRegistered, v.ConsentGivenOn, v.ConsentRecordedBy,
            v.ConsentWithdrawnOn, v.AccountId is not null, HoursOf(minutes.Where(m => m.Status == HourStatus.Confirmed).Sum(m => m.Minutes)),
            HoursOf(minutes.Where(m => m.Status == HourStatus.Logged).Sum(m => m.Minutes)), v.Version);
    }

    /// <summary>A volunteer entered by the station's staff: Applied until someone who manages accounts approves them.</summary>
    public async Task<VolunteerDetail> CreateAsync(VolunteerForm form, CancellationToken cancellationToken = default)
    {
        var volunteer = new Volunteer { Status = VolunteerStatus.Applied, AppliedOn = Today };
        await ApplyAsync(form, volunteer, cancellationToken);
        if (form.ConsentGivenOn is not { } consent || consent > Today)
        {
            throw RequestProblem.Invalid("consentGivenOn", ProblemText.VolunteerConsentDateRequired);
        }
        volunteer.ConsentGivenOn = consent;
        volunteer.ConsentRecordedBy = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        db.Add(volunteer);
        await SaveAsync(cancellationToken);
        return await GetAsync(volunteer.Id, cancellationToken);
    }

    public async Task<VolunteerDetail> UpdateAsync(int id, VolunteerForm form, CancellationToken cancellationToken = default)
    {
        var volunteer = await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw NotFound(id);
        Versioning.Expect(db, volunteer, form.Version);
        await ApplyAsync(form, volunteer, cancellationToken);
        await SaveAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The plain ID number, phone or birth date of a volunteer in scope, for roles that may reveal; audited before it is answered.</summary>
    public async Task<VolunteerRevealResult> RevealAsync(int id, VolunteerRevealForm form, CancellationToken cancellationToken = default)
    {
        var field = form.Field?.Trim().ToLowerInvariant() switch
        {
            "idnumber" => "idNumber",
            "phone" => "phone",
            "birthdate" => "birthDate",
            _ => throw RequestProblem.Invalid("field", ProblemText.ResidentFieldMustIdNumberPhoneBirthDate),
        };
        reveals.Authorize<Volunteer>();
        var v = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw NotFound(id);
        await reveals.AuthorizeAndRecordAsync<Volunteer>(v.Id, v.RegionCode, field, cancellationToken);
        return new VolunteerRevealResult(field, field switch
        {
            "idNumber" => personal.Decrypt(PersonalField.IdNumber, v.IdNumberCipher),
            "phone" => personal.Decrypt(PersonalField.Phone, v.PhoneCipher),
            _ => v.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    internal static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.VolunteerNotFound, id));

    internal static decimal HoursOf(long minutes) => Math.Round(minutes / 60m, 2);

    private int AgeOn(DateOnly birth) => Today.Year - birth.Year - (Today < birth.AddYears(Today.Year - birth.Year) ? 1 : 0);

    private async Task<Dictionary<int, string>> TeamNamesAsync(IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return await db.Set<VolunteerTeam>().AsNoTracking().Where(t => wanted.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
    }

    private async Task<Dictionary<int, int>> ConfirmedMinutesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return await db.Set<VolunteerHour>().AsNoTracking().Where(h => wanted.Contains(h.VolunteerId) && h.Status == HourStatus.Confirmed)
            .GroupBy(h => h.VolunteerId).Select(g => new { g.Key, Minutes = g.Sum(h => h.Minutes) }).ToDictionaryAsync(g => g.Key, g => g.Minutes, cancellationToken);
    }
}
