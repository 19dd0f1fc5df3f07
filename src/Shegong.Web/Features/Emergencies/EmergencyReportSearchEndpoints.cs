using System.Globalization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Emergencies;

/// <summary><c>/api/emergency-reports</c>: the daily reports of every emergency under a region and in a period, with their sums and an export.</summary>
public static class EmergencyReportSearchEndpoints
{
    public static IEndpointRouteBuilder MapEmergencyReportSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/emergency-reports").WithTags("Emergencies");
        group.MapGet("/", (string? region, DateOnly? from, DateOnly? to, int? emergencyId, int? page, int? pageSize, string? sort, EmergencyReportSearch service,
            CancellationToken ct) => service.ListAsync(new EmergencyReportFilter(region, from, to, emergencyId), PageRequest.From(page, pageSize, sort), ct))
            .WithSummary("Daily reports of every emergency under the region and in the period (the statistics' drill-through)")
            .RequirePermission<EmergencyReport>(AccessAction.Read);
        group.MapGet("/totals", (string? region, DateOnly? from, DateOnly? to, int? emergencyId, EmergencyReportSearch service, CancellationToken ct) =>
            service.TotalsAsync(new EmergencyReportFilter(region, from, to, emergencyId), ct))
            .WithSummary("What the same reports add up to: equal to the statistics summary's emergency figures for the same region and period")
            .RequirePermission<EmergencyReport>(AccessAction.Read);
        group.MapGet("/export", (string? region, DateOnly? from, DateOnly? to, int? emergencyId, string? sort, EmergencyReportSearch service, TimeProvider clock,
            CancellationToken ct) => ExcelExport.StreamPages((page, c) => service.ListAsync(new EmergencyReportFilter(region, from, to, emergencyId), page, c), sort,
                ExcelExport.FileName("emergency-reports", clock.GetLocalNow()), ct,
                (Names.Field("EmergencyReport", "Day"), r => r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (Names.Field("Emergency", "Name"), r => r.EmergencyName),
                (Names.Field("EmergencyReport", "StationId"), r => r.StationName),
                (Names.Field("EmergencyReport", "Screening"), r => r.Screening),
                (Names.Field("EmergencyReport", "TestingSupport"), r => r.TestingSupport),
                (Names.Field("EmergencyReport", "SupplyDelivery"), r => r.SupplyDelivery),
                (Names.Field("EmergencyReport", "CareVisits"), r => r.CareVisits),
                (Names.Field("EmergencyReport", "VolunteersMobilised"), r => r.VolunteersMobilised),
                (Names.Field("EmergencyReport", "OrganisationsMobilised"), r => r.OrganisationsMobilised),
                (Names.Field("EmergencyReport", "Teams"), r => Names.List(r.Teams.Select(t => t.Name))),
                (Names.Field("EmergencyReport", "Organisations"), r => Names.List(r.Organisations.Select(o => o.Name)))))
            .WithSummary("The same reports as an Excel file").RequirePermission<EmergencyReport>(AccessAction.Export);
        return app;
    }
}
