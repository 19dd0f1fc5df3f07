using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Pdf;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Statistics.Report;

/// <summary>
/// The printable report an official forwards: a title and date, the headline figures, a chart and a table of the
/// child regions, and the figures by category; an A4 PDF in the reader's language, from the same summary and
/// breakdowns as the dashboard, so every number in it equals the live figure.
/// </summary>
public sealed class StatisticsReport(StatisticsService statistics, IStringLocalizer<StatisticsText> t, IStringLocalizer<RecordText> r, TimeProvider clock)
{
    public async Task<byte[]> PdfAsync(string? region, ReportPeriod period, CancellationToken cancellationToken)
    {
        var summary = await statistics.SummaryAsync(region, period.From, period.To, cancellationToken);
        var children = await statistics.BreakdownAsync(summary.Region, period.From, period.To, BreakdownBy.Region, cancellationToken);
        ReportFont.Install();
        var document = new PdfDocument();
        var title = string.Format(CultureInfo.CurrentCulture, t["ReportTitle"].Value, summary.RegionName, t[$"Report{period.Kind}"].Value);
        document.Info.Title = title;
        var pen = new ReportPen(document);
        pen.Title(title, string.Format(CultureInfo.CurrentCulture, t["ReportPeriod"].Value, Day(period.From), Day(period.To)),
            string.Format(CultureInfo.CurrentCulture, t["ReportMade"].Value, Day(DateOnly.FromDateTime(clock.GetLocalNow().DateTime))));

        pen.Heading(t["ReportHeadline"].Value);
        pen.Pairs(Headline(summary));

        var rows = children.Rows.OrderByDescending(c => c.PersonTimes).ThenBy(c => c.Key).ToList();
        if (rows.Count > 0)
        {
            pen.Heading(t["ReportByRegion"].Value);
            pen.Bars([.. rows.Take(15).Select(c => (c.Name, (double)c.PersonTimes))], t["ColPersonTimes"].Value);
            pen.Table([t["ColRegion"].Value, t["ColPersonTimes"].Value, t["ColPeople"].Value, t["ColRecords"].Value, t["ColHours"].Value, t["ColYuan"].Value],
                [.. rows.Select(c => new[] { c.Name, N(c.PersonTimes), N(c.PeopleServed), N(c.ServiceRecords), N(c.ServiceHours), N(c.ValueYuan) })]);
        }
        pen.Heading(t["ReportByCategory"].Value);
        pen.Table([t["ColCategory"].Value, t["ColPersonTimes"].Value, t["ColPeople"].Value, t["ColRecords"].Value, t["ColHours"].Value, t["ColYuan"].Value],
            [.. summary.ByCategory.Select(c => new[] { r.Category(c.Key), N(c.PersonTimes), N(c.PeopleServed), N(c.ServiceRecords), N(c.ServiceHours), N(c.ValueYuan) })]);
        pen.Finish();
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private List<(string Label, string Value)> Headline(StatisticsSummary s)
    {
        string Linkage(LinkageFigure f) => f.Value is { } v ? N(v) : t["NotYetRecorded"].Value;
        return
        [
            (t["FigStations"].Value, N(s.StationsOperating)),
            (t["FigFullCounties"].Value, N(s.CountiesFullyCovered)),
            (t["FigWorkers"].Value, N(s.ResidentSocialWorkers)),
            (t["FigPersonTimes"].Value, N(s.Services.PersonTimes)),
            (t["FigPeople"].Value, N(s.Services.PeopleServed)),
            (t["FigAssistance"].Value, N(s.SocialAssistancePersonTimes)),
            (t["FigCare"].Value, N(s.ElderlyAndChildCarePersonTimes)),
            (t["FigIndustry"].Value, N(s.IndustryDevelopmentHelps)),
            (t["FigYuan"].Value, N(s.ResourceLinkingYuan)),
            (t["FigActivities"].Value, N(s.CommunityActivities)),
            (t["FigOrganisations"].Value, Linkage(s.CommunityOrganisations)),
            (t["FigTeams"].Value, Linkage(s.VolunteerTeams)),
            (t["FigVolunteers"].Value, Linkage(s.RegisteredVolunteers)),
            (t["FigVolunteerHours"].Value, N(s.VolunteerHours)),
            (t["FigDonated"].Value, N(s.DonatedYuanReceived)),
            .. s.Emergencies.Reports == 0 ? Array.Empty<(string, string)>() :
            [
                (t["FigEmergencyScreening"].Value, N(s.Emergencies.Screening)),
                (t["FigEmergencyTesting"].Value, N(s.Emergencies.TestingSupport)),
                (t["FigEmergencySupplies"].Value, N(s.Emergencies.SupplyDelivery)),
                (t["FigEmergencyCare"].Value, N(s.Emergencies.CareVisits)),
                (t["FigEmergencyVolunteers"].Value, N(s.Emergencies.VolunteersMobilised)),
            ],
        ];
    }

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private string Day(DateOnly day) => day.ToString(t["ReportDateFormat"].Value, CultureInfo.InvariantCulture);
}
