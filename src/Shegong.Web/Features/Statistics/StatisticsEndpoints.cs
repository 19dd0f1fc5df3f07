using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Statistics;

public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Statistics");
        group.MapGet("/summary", (string? region, DateOnly? from, DateOnly? to, StatisticsService service, CancellationToken ct) =>
                service.SummaryAsync(region, from, to, ct))
            .WithSummary("Every figure of a region (everything under its code) and a day range, live and exact")
            .WithDescription("region: a 12-digit code (default: the reader's own region, or the province); from/to: the day range, both ends included " +
                "(default: 1 January of to's year to today). A region outside the reader's scope is 404. services.personTimes is summed, " +
                "services.peopleServed counts distinct named residents (never a sum). communityOrganisations and volunteerTeams are " +
                "as of today, status recorded (organisations incubated, of every stage; volunteer teams formed); registeredVolunteers is null with " +
                "status notYetRecorded until volunteers themselves are recorded. stationsOperating, countiesFullyCovered and " +
                "residentSocialWorkers are as of today.")
            .RequirePermission<ServiceSummary>(AccessAction.Read);
        group.MapGet("/breakdown", (string? region, DateOnly? from, DateOnly? to, string? by, StatisticsService service, CancellationToken ct) =>
                service.BreakdownAsync(region, from, to, StatisticsService.ParseBy(by), ct))
            .WithSummary("The service figures of a region and period by child region, month, category, method or channel")
            .WithDescription("by: region (default), month, category, method or channel, in any letter case. Rows cover every child region " +
                "(plus a row keyed by the region's own code for its own stations' records), every month of the period (yyyy-MM) or every value.")
            .RequirePermission<ServiceSummary>(AccessAction.Read);
        group.MapGet("/breakdown/export", async (string? region, DateOnly? from, DateOnly? to, string? by, StatisticsService service,
                Microsoft.Extensions.Localization.IStringLocalizer<StatisticsText> text, CancellationToken ct) =>
            {
                var breakdown = await service.BreakdownAsync(region, from, to, StatisticsService.ParseBy(by), ct);
                return Results.File(BreakdownExport.ToXlsx(breakdown, text), ExcelExport.ContentType, BreakdownExport.FileName(breakdown));
            })
            .WithSummary("A breakdown as an Excel file: the same rows as /breakdown, headed in the reader's language")
            .RequirePermission<ServiceSummary>(AccessAction.Export);
        group.MapGet("/report", async (string? region, Report.ReportKind? kind, int? year, int? number, Report.StatisticsReport report, CancellationToken ct) =>
            {
                var period = Report.ReportPeriod.Parse(kind, year, number);
                var pdf = await report.PdfAsync(region, period, ct);
                return Results.File(pdf, "application/pdf", $"statistics-{region ?? "mine"}-{period.Year}-{period.Kind.ToString().ToLowerInvariant()}{period.Number}.pdf");
            })
            .WithSummary("The printable monthly (kind=Month&number=1..12), quarterly (kind=Quarter&number=1..4) or annual report of a region, as a PDF")
            .RequirePermission<ServiceSummary>(AccessAction.Export);
        group.MapGet("/records", async (string? region, DateOnly? from, DateOnly? to, ServiceCategory? category, ServiceMethod? method,
                ServiceChannel? channel, ServiceSource? source, int? page, int? pageSize, string? sort, StatisticsService statistics,
                ServiceRecordService records, CancellationToken ct) =>
            await records.ListAsync(await statistics.DrillThroughAsync(region, from, to, category, method, channel, source, ct),
                PageRequest.From(page, pageSize, sort), ct))
            .WithSummary("The service records behind a figure: same region, period and filters; the total equals the figure")
            .RequirePermission<ServiceRecord>(AccessAction.Read);
        group.MapGet("/records/export", async (string? region, DateOnly? from, DateOnly? to, ServiceCategory? category, ServiceMethod? method,
                ServiceChannel? channel, ServiceSource? source, string? sort, StatisticsService statistics, ServiceRecordService records,
                IStringLocalizer<RecordText> t, TimeProvider clock, CancellationToken ct) =>
            {
                var filter = await statistics.DrillThroughAsync(region, from, to, category, method, channel, source, ct);
                return await ServiceRecordExport.StreamAsync(t, (p, c) => records.ListAsync(filter, p, c), sort,
                    ExcelExport.FileName("statistics-records", clock.GetLocalNow()), ct);
            })
            .WithSummary("The service records behind a figure as an Excel file")
            .RequirePermission<ServiceRecord>(AccessAction.Export);
        return app;
    }
}
