using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Emergencies;

/// <summary>The rules that tie an emergency's period and regions to the reports already made for it.</summary>
internal static class EmergencyRules
{
    /// <summary>
    /// An edit or a close may not leave a report outside the emergency: every reported day stays inside the period and
    /// every reporting station inside an affected region. Reports are read through the scope like every read: only a
    /// writer whose scope holds the declaring region gets here, and every report lies under it, so none is missed.
    /// </summary>
    public static async Task CheckReportsFitAsync(ShegongDb db, Emergency emergency, CancellationToken cancellationToken)
    {
        if (emergency.Id == 0)
        {
            return;
        }
        var reports = db.Set<EmergencyReport>().AsNoTracking().Where(r => r.EmergencyId == emergency.Id);
        var start = emergency.StartDate;
        var end = emergency.EndDate ?? DateOnly.MaxValue;
        var outside = await reports.Where(r => r.Day < start || r.Day > end).OrderBy(r => r.Day).Select(r => (DateOnly?)r.Day).FirstOrDefaultAsync(cancellationToken);
        if (outside is { } day)
        {
            var field = day < start ? "startDate" : "endDate";
            throw RequestProblem.Invalid(field, Problems.Format(ProblemText.EmergencyReportsOutsidePeriod, day.ToString("yyyy-MM-dd")));
        }
        var areas = emergency.Areas.Select(a => a.RegionCode).ToList();
        var stations = await reports.Select(r => new { r.StationId, r.RegionCode }).Distinct().ToListAsync(cancellationToken);
        if (stations.FirstOrDefault(s => !areas.Any(a => EmergencyPlaces.Under(s.RegionCode, a))) is { } lost)
        {
            var name = await db.Stations.AsNoTracking().Where(s => s.Id == lost.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
            throw RequestProblem.Invalid("areaCodes", Problems.Format(ProblemText.EmergencyReportsOutsideAreas, name));
        }
    }
}
