using Shegong.Web.Common;

namespace Shegong.Web.Features.Emergencies;

/// <summary>An emergency's figures as a workbook: one line per child region or day, then the totals.</summary>
public static class EmergencyExport
{
    public static IResult Figures(EmergencyFigures figures, string fileName) =>
        ExcelExport.Stream(figures.Rows.Append(figures.Totals with { Name = NameText.EmergencyFiguresTotal }).ToAsyncEnumerable(), fileName,
            (figures.By == EmergencyBreakdown.Region ? Names.Field("EmergencyReport", "RegionCode") : Names.Field("EmergencyReport", "Day"), r => r.Name),
            (Names.Of(EmergencyTask.Screening), r => r.Screening),
            (Names.Of(EmergencyTask.TestingSupport), r => r.TestingSupport),
            (Names.Of(EmergencyTask.SupplyDelivery), r => r.SupplyDelivery),
            (Names.Of(EmergencyTask.CareVisits), r => r.CareVisits),
            (Names.Field("EmergencyReport", "VolunteersMobilised"), r => r.VolunteersMobilised),
            (Names.Field("EmergencyReport", "OrganisationsMobilised"), r => r.OrganisationsMobilised),
            (Names.Field("EmergencyReport", "TeamsNamed"), r => r.TeamsNamed),
            (Names.Field("EmergencyReport", "OrganisationsNamed"), r => r.OrganisationsNamed),
            (Names.Field("EmergencyReport", "StationsReporting"), r => r.StationsReporting));
}
