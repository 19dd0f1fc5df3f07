using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.ServiceRecords;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Statistics;

/// <summary>
/// The service-records app (锦官驿 and a sibling township in 锦江区, each with a worker and residents) plus a
/// hand-built year 2024 of nine records at five stations: the two townships (T1 锦官驿, T2 the sibling), the
/// 锦江区 and 青羊区 county stations and the 自贡 city centre. Saved through the app's own context, so the
/// summary's maintainer keeps the leaves as it does for every record. Figures in the tests are worked out by
/// hand from this table. Live tests use 2025, so they never touch these figures.
/// </summary>
public sealed class StatisticsApp : RecordsApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        int[] r = OwnResidents;
        var sr = SiblingResident;
        var t1 = (OwnStation, Jinguanyi);
        var t2 = (SiblingStation, SiblingTownship);
        var county = (StationIn[Jinjiang], Jinjiang);
        var qingyang = (StationIn[Qingyang], Qingyang);
        var zigong = (StationIn[Zigong], Zigong);
        await WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShegongDb>();
            db.ServiceRecords.AddRange(
                Record(t1, "2024-01-15", ServiceCategory.SocialAssistance, ServiceMethod.Other, ServiceChannel.HomeVisit, [r[0]], 0, 30),
                Record(t1, "2024-01-31", ServiceCategory.ElderlyAndChildCare, ServiceMethod.Casework, ServiceChannel.WalkIn, [r[0], r[1]], 2, 60),
                Record(t1, "2024-02-01", ServiceCategory.SocialAssistance, ServiceMethod.Other, ServiceChannel.Phone, [r[1]], 0, 15),
                Record(t2, "2024-02-14", ServiceCategory.IndustryDevelopment, ServiceMethod.Other, ServiceChannel.HomeVisit, [sr], 0, 90),
                Record(county, "2024-02-29", ServiceCategory.ResourceLinking, ServiceMethod.Other, ServiceChannel.WalkIn, [r[2]], 0, 20, 500.50m),
                Record(t2, "2024-03-01", ServiceCategory.ElderlyAndChildCare, ServiceMethod.CommunityWork, ServiceChannel.WalkIn, [], 30, 120,
                    source: ServiceSource.Activity),
                Record(qingyang, "2024-03-20", ServiceCategory.SocialAssistance, ServiceMethod.Other, ServiceChannel.HomeVisit, [], 1, 40),
                Record(zigong, "2024-04-10", ServiceCategory.CommunityGovernance, ServiceMethod.CommunityWork, ServiceChannel.WalkIn, [], 10, 100, 1000m),
                Record(t1, "2024-03-31", ServiceCategory.ElderlyAndChildCare, ServiceMethod.GroupWork, ServiceChannel.WalkIn, [r[0], r[1], r[2]], 0, 90,
                    source: ServiceSource.GroupSession));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
    }

    private static ServiceRecord Record((int Id, string Region) station, string day, ServiceCategory category, ServiceMethod method,
        ServiceChannel channel, int[] residents, int headCount, int minutes, decimal? yuan = null, ServiceSource source = ServiceSource.Direct) =>
        ServiceRecord.Create(source, station.Id, station.Region,
            new ServiceFacts(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), category, method, channel, minutes, [], residents, headCount, yuan));
}

public sealed record Figures(int ServiceRecords, int PersonTimes, int PeopleServed, long ServiceMinutes, decimal ServiceHours, decimal ValueYuan);

public sealed record FigureRowDto(string Key, int ServiceRecords, int PersonTimes, int PeopleServed);

public sealed record NotYet(int? Value, string Status, string Reason);

public sealed record Requests(int Raised, int Completed, int Rated, double? AverageSatisfaction);

public sealed record Summary(string Region, string From, string To, Figures Services, int SocialAssistancePersonTimes, int ElderlyAndChildCarePersonTimes,
    int IndustryDevelopmentHelps, decimal ResourceLinkingYuan, int CommunityActivities, int GroupSessions, Requests ServiceRequests,
    int StationsOperating, NotYet CommunityOrganisations, NotYet VolunteerTeams, NotYet RegisteredVolunteers, List<FigureRowDto> ByCategory, List<FigureRowDto> ByMethod,
    List<FigureRowDto> ByChannel);

public sealed record BreakdownRowDto(string Key, string Name, int ServiceRecords, int PersonTimes, int PeopleServed, long ServiceMinutes);

public sealed record Breakdown(string Region, string By, List<BreakdownRowDto> Rows);
