using Shegong.Web.Features.Regions;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Statistics;

/// <summary>What the service records of a region and period add up to. People served are distinct residents, never a sum.</summary>
public sealed record ServiceFigures(int ServiceRecords, int PersonTimes, int PeopleServed, long ServiceMinutes, decimal ServiceHours, decimal ValueYuan);

/// <summary>The figures of one category, method or channel (people served are distinct residents within it).</summary>
public sealed record FigureRow<TKey>(TKey Key, int ServiceRecords, int PersonTimes, int PeopleServed, long ServiceMinutes, decimal ServiceHours, decimal ValueYuan);

/// <summary>Service requests raised in the period: how they went, how fast, how satisfied the residents were.</summary>
public sealed record RequestFigures(
    int Raised,
    int Triaged,
    int Completed,
    int Declined,
    int Open,
    double? AverageHoursToTriage,
    double? AverageHoursToComplete,
    int Rated,
    double? AverageSatisfaction);

/// <summary>
/// A five-society-linkage figure, as of today (like stations): <c>status</c> is <c>recorded</c> with the count, or
/// <c>notYetRecorded</c> with a null value (never a made-up zero) and the reason, for what the platform does not hold yet.
/// </summary>
public sealed record LinkageFigure(int? Value, string Status, string? Reason)
{
    public static LinkageFigure Recorded(int value) => new(value, "recorded", null);
}

/// <summary>
/// <c>GET /api/statistics/summary</c>: every figure of a region (everything under it) and a day range,
/// live and exact. Field names are stable. Station, coverage, workforce, organisation, team and volunteer figures are
/// as of today, not of the period. Of the period: the service figures, cases, groups and requests, the volunteer hours
/// the stations confirmed (by the day served), the donated yuan received (by the day received; the yuan linked are
/// <c>resourceLinkingYuan</c>, from the links' records) and the emergency reports (by their day).
/// </summary>
public sealed record StatisticsSummary(
    string Region,
    string RegionName,
    RegionLevel Level,
    DateOnly From,
    DateOnly To,
    ServiceFigures Services,
    int SocialAssistancePersonTimes,
    int ElderlyAndChildCarePersonTimes,
    int IndustryDevelopmentHelps,
    decimal ResourceLinkingYuan,
    int CommunityActivities,
    int CommunityActivityPersonTimes,
    int GroupSessions,
    int GroupsMet,
    int CasesOpened,
    int CasesClosed,
    RequestFigures ServiceRequests,
    int StationsOperating,
    int CountiesFullyCovered,
    int ResidentSocialWorkers,
    LinkageFigure CommunityOrganisations,
    LinkageFigure VolunteerTeams,
    LinkageFigure RegisteredVolunteers,
    decimal VolunteerHours,
    decimal DonatedYuanReceived,
    EmergencyTotals Emergencies,
    IReadOnlyList<FigureRow<ServiceCategory>> ByCategory,
    IReadOnlyList<FigureRow<ServiceMethod>> ByMethod,
    IReadOnlyList<FigureRow<ServiceChannel>> ByChannel);

/// <summary>
/// What the stations reported, across every emergency, for the days in the period: the daily reports, the stations
/// that reported, the emergencies they reported on, and the sums per task and of those mobilised.
/// </summary>
public sealed record EmergencyTotals(int Emergencies, int Reports, int StationsReporting, int Screening, int TestingSupport, int SupplyDelivery,
    int CareVisits, int VolunteersMobilised, int OrganisationsMobilised);

/// <summary>How a breakdown splits the figures.</summary>
public enum BreakdownBy
{
    Region,
    Month,
    Category,
    Method,
    Channel,
}

/// <summary>
/// One row of a breakdown: a child region (code; the region's own stations, e.g. a county station,
/// are the row keyed by the region's own code), a month (<c>yyyy-MM</c>), a category, method or channel.
/// By region a row also carries the five-society and emergency figures of the child (<see cref="Linkage"/>, as the summary
/// of that child would show them); by month, category, method or channel it is null (those figures have no such split).
/// </summary>
public sealed record BreakdownRow(string Key, string Name, int ServiceRecords, int PersonTimes, int PeopleServed, long ServiceMinutes,
    decimal ServiceHours, decimal ValueYuan, RegionLinkage? Linkage = null);

/// <summary>
/// A child region's figures of the period beside its service figures: the volunteer hours the stations confirmed (by the day
/// served), the donated yuan received (by the day received), and the emergency daily reports (by their day) and the volunteers
/// they report mobilised. Each equals the same figure of the child's own summary, so the rows add up to the region's.
/// </summary>
public sealed record RegionLinkage(decimal VolunteerHours, decimal DonatedYuanReceived, int EmergencyReports, int EmergencyVolunteersMobilised)
{
    public static readonly RegionLinkage None = new(0, 0, 0, 0);

    public bool IsEmpty => this == None;
}

/// <summary><c>GET /api/statistics/breakdown</c>: the rows add up to the summary's service figures (people served excepted: a person may be in two rows).</summary>
public sealed record StatisticsBreakdown(string Region, string RegionName, DateOnly From, DateOnly To, BreakdownBy By, IReadOnlyList<BreakdownRow> Rows);
