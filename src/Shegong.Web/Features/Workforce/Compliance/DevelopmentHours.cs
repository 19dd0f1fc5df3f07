using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Workforce.Compliance;

/// <summary>Training and supervision hours of one social worker in one year.</summary>
public sealed record DevelopmentHoursRow(int SocialWorkerId, string Name, string RegionCode, decimal TrainingHours, decimal SupervisionHours);

/// <summary>Hours per social worker per year: every active worker of the region, with zero when they attended nothing.</summary>
public sealed class DevelopmentHoursService(ShegongDb db)
{
    public async Task<PagedResult<DevelopmentHoursRow>> ListAsync(string? region, int year, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (year is < 2000 or > 2100)
        {
            throw RequestProblem.Invalid("year", ProblemText.WorkforceYearBetween);
        }
        var workers = db.SocialWorkers.Where(w => w.Status == SocialWorkerStatus.Active);
        if (!string.IsNullOrEmpty(region))
        {
            var (low, high) = WorkforceRegions.Range(region);
            workers = workers.Where(w => string.Compare(w.RegionCode, low) >= 0 && string.Compare(w.RegionCode, high) <= 0);
        }
        var total = await workers.CountAsync(cancellationToken);
        var pageOfWorkers = await workers.OrderBy(w => w.RegionCode).ThenBy(w => w.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(w => new { w.Id, w.Name, w.RegionCode }).ToListAsync(cancellationToken);
        var ids = pageOfWorkers.Select(w => w.Id).ToList();
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // Sessions are counted wherever they were held: a worker trained by another county still has the hours.
        var hours = await db.StaffSessions.IgnoreQueryFilters().Where(s => s.Date >= from && s.Date <= to)
            .SelectMany(s => s.Attendees.Where(a => ids.Contains(a.SocialWorkerId)),
                (s, a) => new { a.SocialWorkerId, IsTraining = EF.Property<string>(s, "Kind") == "Training", s.Hours })
            .GroupBy(x => new { x.SocialWorkerId, x.IsTraining })
            .Select(g => new { g.Key.SocialWorkerId, g.Key.IsTraining, Hours = g.Sum(x => x.Hours) })
            .ToListAsync(cancellationToken);
        var rows = pageOfWorkers.Select(w => new DevelopmentHoursRow(w.Id, w.Name, w.RegionCode,
            hours.Where(h => h.SocialWorkerId == w.Id && h.IsTraining).Sum(h => h.Hours),
            hours.Where(h => h.SocialWorkerId == w.Id && !h.IsTraining).Sum(h => h.Hours))).ToList();
        return new PagedResult<DevelopmentHoursRow>(rows, total);
    }
}
