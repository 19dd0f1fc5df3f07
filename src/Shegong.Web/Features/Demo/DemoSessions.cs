using Shegong.Web.Data;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Development;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Demo;

/// <summary>Each operating county station gives four trainings and six supervisions in 2025 to its county's workers.</summary>
internal sealed class DemoSessions(ShegongDb db, Random random)
{
    private static readonly string[] TrainingTopics = ["社会工作伦理与价值观", "个案工作实务", "小组工作设计与带领", "需求评估方法", "困境儿童关爱服务", "老年人照护与探访", "社区治理与居民议事", "服务记录与档案规范"];
    private static readonly string[] SupervisionTopics = ["个案督导：困难家庭", "小组督导：留守儿童小组", "行政督导：服务台账", "同辈督导：危机介入", "专题督导：资源链接"];
    private static readonly string[] Leaders = ["李教授（四川大学）", "陈督导（成都社工协会）", "周老师（西南民族大学）", "王督导", "刘老师（西华师范大学）"];

    public async Task SeedAsync(List<Station> stations, List<SocialWorker> workers, CancellationToken cancellationToken)
    {
        var byCounty = workers.GroupBy(w => w.RegionCode[..6]).ToDictionary(g => g.Key, g => g.ToList());
        var sessions = new List<StaffSession>();
        foreach (var county in stations.Where(s => s.Level == StationLevel.CountyStation && s.Status == StationStatus.Operating))
        {
            if (!byCounty.TryGetValue(county.RegionCode[..6], out var staff))
            {
                continue;
            }
            for (var i = 0; i < 10; i++)
            {
                var training = i < 4;
                StaffSession session = training ? new Training() : new Supervision();
                session.OrganiserStationId = county.Id;
                session.RegionCode = county.RegionCode;
                session.Date = new DateOnly(2025, 1, 10).AddDays(random.Next(320));
                session.Hours = training ? random.Next(3, 9) : random.Next(2, 4);
                session.Topic = training ? TrainingTopics[random.Next(TrainingTopics.Length)] : SupervisionTopics[random.Next(SupervisionTopics.Length)];
                session.Leader = Leaders[random.Next(Leaders.Length)];
                var attendees = staff.OrderBy(_ => random.Next()).Take(training ? 12 : random.Next(3, 7));
                session.Attendees.AddRange(attendees.Select(w => new SessionAttendance { SocialWorkerId = w.Id }));
                sessions.Add(session);
            }
        }
        db.StaffSessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
    }
}
