using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.GroupWork;

namespace Shegong.Web.Features.Linkage.Volunteers;

public sealed record HourFilter(string? Region = null, HourStatus? Status = null, int? VolunteerId = null, DateOnly? From = null, DateOnly? To = null)
    : IQueryFilter<HourFilter>
{
    public static HourFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<HourStatus>("status"), q.Int("volunteerId"), q.Date("from"), q.Date("to"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("status", Status?.ToString()), ("volunteerId", VolunteerId?.ToString(CultureInfo.InvariantCulture)),
            ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}

/// <summary>What the listed hours add up to: for confirmed hours, the statistics summary's volunteer hours of the same region and period.</summary>
public sealed record HourTotals(int Entries, decimal Hours);

/// <summary>The station's side of volunteer hours: the hours logged in its scope, and confirming or rejecting them.</summary>
public sealed class VolunteerHourService(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The columns the hour list may be sorted by (the latest day served first otherwise).</summary>
    public static readonly SortFields<VolunteerHour> Sorts = new SortFields<VolunteerHour>()
        .Add("servedOn", h => h.ServedOn).Add("hours", h => h.Minutes).Add("status", h => h.Status);

    public async Task<PagedResult<HourRow>> ListAsync(HourFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(h => h.ServedOn).ThenByDescending(h => h.Id), q => q.ThenByDescending(h => h.ServedOn).ThenByDescending(h => h.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(h => h.VolunteerId).Distinct().ToList();
        var names = await db.Set<Volunteer>().AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        return new PagedResult<HourRow>([.. rows.Select(h => Row(h, names.GetValueOrDefault(h.VolunteerId, "")))], total);
    }

    public async Task<HourTotals> TotalsAsync(HourFilter filter, CancellationToken cancellationToken = default)
    {
        var sums = await Filtered(filter).GroupBy(h => 1).Select(g => new { Entries = g.Count(), Minutes = g.Sum(h => (long)h.Minutes) })
            .FirstOrDefaultAsync(cancellationToken);
        return new HourTotals(sums?.Entries ?? 0, VolunteerService.HoursOf(sums?.Minutes ?? 0));
    }

    /// <summary>The hours in the filter (served from/to, by the day served) and the reader's scope.</summary>
    private IQueryable<VolunteerHour> Filtered(HourFilter filter)
    {
        if (filter.From is { } start && filter.To is { } end && end < start)
        {
            throw RequestProblem.Invalid("to", ProblemText.StatisticsToBeforeFrom);
        }
        var query = ScopedRegion.Under(db.Set<VolunteerHour>().AsNoTracking(), filter.Region);
        query = filter.Status is { } status ? query.Where(h => h.Status == status) : query;
        query = filter.VolunteerId is { } volunteer ? query.Where(h => h.VolunteerId == volunteer) : query;
        query = filter.From is { } from ? query.Where(h => h.ServedOn >= from) : query;
        return filter.To is { } to ? query.Where(h => h.ServedOn <= to) : query;
    }

    /// <summary>Logged → Confirmed, or Logged → Rejected with a reason; decided hours stay as decided.</summary>
    public async Task<HourRow> DecideAsync(int id, HourDecisionForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var hour = await db.Set<VolunteerHour>().FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw RequestProblem.NotFound(Problems.Format(ProblemText.VolunteerHourNotFound, id));
        Versioning.Expect(db, hour, form.Version);
        if (hour.Status != HourStatus.Logged || form.Status is not (HourStatus.Confirmed or HourStatus.Rejected))
        {
            throw RequestProblem.Invalid("status", ProblemText.VolunteerHourAlreadyDecided);
        }
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        if (form.Status == HourStatus.Rejected && reason is null)
        {
            throw RequestProblem.Invalid("reason", ProblemText.VolunteerReasonRequired);
        }
        hour.Status = form.Status.Value;
        hour.RejectReason = form.Status == HourStatus.Rejected ? reason : null;
        hour.DecidedBy = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        hour.DecidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Set<Volunteer>().Where(v => v.Id == hour.VolunteerId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        return Row(hour, name ?? "");
    }

    internal static HourRow Row(VolunteerHour h, string volunteerName) =>
        new(h.Id, h.VolunteerId, volunteerName, h.ServedOn, VolunteerService.HoursOf(h.Minutes), h.Activity, h.Status, h.RejectReason, h.Version);
}
