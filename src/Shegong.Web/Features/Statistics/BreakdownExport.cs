using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// A breakdown as an Excel workbook an official can forward: a title row naming the region, the split and
/// the period, then one row per child region, month or value with the same figures the page shows, in the
/// reader's language (by region also each child's volunteer hours, donations received and emergency reports).
/// </summary>
public static class BreakdownExport
{
    public static byte[] ToXlsx(StatisticsBreakdown breakdown, IStringLocalizer<StatisticsText> t)
    {
        var key = breakdown.By switch
        {
            BreakdownBy.Region => t["ColRegion"].Value,
            BreakdownBy.Month => t["ColMonth"].Value,
            BreakdownBy.Category => t["ColCategory"].Value,
            BreakdownBy.Method => t["ColMethod"].Value,
            _ => t["ColChannel"].Value,
        };
        var rows = breakdown.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [key] = Common.ExcelExport.Neutralised(r.Name),
                [t["ColRecords"].Value] = r.ServiceRecords,
                [t["ColPersonTimes"].Value] = r.PersonTimes,
                [t["ColPeople"].Value] = r.PeopleServed,
                [t["ColHours"].Value] = r.ServiceHours,
                [t["ColYuan"].Value] = r.ValueYuan,
            };
            // By region, the child's five-society and emergency figures follow its service figures.
            if (r.Linkage is { } linkage)
            {
                row[t["FigVolunteerHours"].Value] = linkage.VolunteerHours;
                row[t["FigDonated"].Value] = linkage.DonatedYuanReceived;
                row[t["ColEmergencyReports"].Value] = linkage.EmergencyReports;
                row[t["FigEmergencyVolunteers"].Value] = linkage.EmergencyVolunteersMobilised;
            }
            return row;
        }).ToList();
        var sheet = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["DashboardHeading"].Value, breakdown.RegionName);
        using var stream = new MemoryStream();
        // Sheet names are at most 31 characters in Excel.
        stream.SaveAs(new Dictionary<string, object> { [sheet.Length > 31 ? sheet[..31] : sheet] = rows });
        return stream.ToArray();
    }

    public static string FileName(StatisticsBreakdown breakdown) =>
        $"statistics-{breakdown.Region}-{breakdown.By.ToString().ToLowerInvariant()}-{breakdown.From:yyyyMMdd}-{breakdown.To:yyyyMMdd}.xlsx";
}
