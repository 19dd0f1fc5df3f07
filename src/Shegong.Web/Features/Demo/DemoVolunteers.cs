using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Demo volunteers: 8 to 20 per operating township station, in its township, most approved (some still applied, a few
/// rejected or left), half of them in one of the station's teams; each approved one with a few hours, most confirmed, some
/// waiting, a few rejected. ID numbers and phones protected as the app protects them; no accounts (those come with approval).
/// Written in bulk in one transaction, like the residents.
/// </summary>
internal sealed class DemoVolunteers(ShegongDb db, PersonalData personal, Random random)
{
    private static readonly string[] VolunteerColumns =
    [
        "Id", "Name", "Sex", "BirthDate", "IdNumberCipher", "IdNumberMasked", "IdNumberHash", "PhoneCipher", "PhoneMasked", "PhoneHash",
        "StationId", "RegionCode", "TeamId", "Skills", "Availability", "Status", "SelfRegistered", "AppliedOn", "DecidedOn", "DecisionReason",
        "ConsentGivenOn", "ConsentRecordedBy", "CreatedAt",
    ];

    private static readonly string[] HourColumns =
    [
        "VolunteerId", "RegionCode", "TeamId", "ServedOn", "Minutes", "Activity", "Status", "RejectReason", "DecidedBy", "DecidedAt", "LoggedAt",
    ];

    private static readonly string[] Skills = ["急救", "理发", "陪伴老人", "课业辅导", "文艺演出", "法律咨询", "心理疏导", "驾驶", "摄影", "家电维修"];
    private static readonly string[] Activities = ["敬老院陪伴", "社区清扫", "留守儿童课业辅导", "防诈骗宣传", "独居老人探访", "社区文艺汇演", "义诊协助"];

    private readonly DemoPeople people = new(random);
    private readonly HashSet<string> usedIds = [];
    private readonly HashSet<string> usedPhones = [];

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var stations = await db.Stations.AsNoTracking().Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.RegionCode, s.OpenedOn }).ToListAsync(cancellationToken);
        var teams = (await db.Set<VolunteerTeam>().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.StationId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.StationId, t => t.Id);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var bulk = new DemoBulk(db);
            var id = await bulk.NextIdAsync("Volunteers", cancellationToken);
            var volunteers = new List<object?[]>();
            var hours = new List<object?[]>();
            foreach (var station in stations)
            {
                var stationTeams = teams[station.Id].ToList();
                var opened = station.OpenedOn ?? new DateOnly(2022, 6, 1);
                for (var n = random.Next(8, 21); n > 0; n--, id++)
                {
                    var applied = opened.AddDays(random.Next(0, 700));
                    var status = random.NextDouble() switch
                    {
                        < 0.80 => VolunteerStatus.Approved,
                        < 0.90 => VolunteerStatus.Applied,
                        < 0.95 => VolunteerStatus.Rejected,
                        _ => VolunteerStatus.Left,
                    };
                    int? team = stationTeams.Count > 0 && random.NextDouble() < 0.5 ? stationTeams[random.Next(stationTeams.Count)] : null;
                    volunteers.Add(Row(id, station.Id, station.RegionCode, team, status, applied));
                    for (var h = status == VolunteerStatus.Approved ? random.Next(0, 5) : 0; h > 0; h--)
                    {
                        hours.Add(Hour(id, station.RegionCode, team, applied.AddDays(random.Next(7, 400))));
                    }
                }
            }
            await bulk.InsertAsync("Volunteers", VolunteerColumns, volunteers, versioned: true, cancellationToken);
            await bulk.InsertAsync("VolunteerHours", HourColumns, hours, versioned: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return volunteers.Count;
        });
    }

    private object?[] Row(int id, int stationId, string regionCode, int? team, VolunteerStatus status, DateOnly applied)
    {
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var birth = new DateOnly(1955, 1, 1).AddDays(random.Next(50 * 365));
        var number = UniqueId(regionCode[..6], birth, sex);
        var phone = UniquePhone();
        var self = random.NextDouble() < 0.6;
        DateOnly? decided = status == VolunteerStatus.Applied ? null : applied.AddDays(random.Next(1, 14));
        return
        [
            id, people.Name(), sex.ToString(), birth,
            personal.Encrypt(PersonalField.IdNumber, number), Masking.IdNumber(number), personal.Hash(PersonalField.IdNumber, number),
            personal.Encrypt(PersonalField.Phone, phone), Masking.Phone(phone), personal.Hash(PersonalField.Phone, phone),
            stationId, regionCode, team, Skills[random.Next(Skills.Length)], random.Next(2) == 0 ? "周末" : "工作日晚上", status.ToString(), self,
            applied, decided, status == VolunteerStatus.Rejected ? "暂不符合服务要求" : null,
            applied, self ? null : "驻站社工", applied.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        ];
    }

    private object?[] Hour(int volunteerId, string regionCode, int? team, DateOnly servedOn)
    {
        var status = random.NextDouble() switch { < 0.75 => HourStatus.Confirmed, < 0.90 => HourStatus.Logged, _ => HourStatus.Rejected };
        var at = servedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        return
        [
            volunteerId, regionCode, team, servedOn, random.Next(1, 9) * 30, Activities[random.Next(Activities.Length)], status.ToString(),
            status == HourStatus.Rejected ? "当天无此活动记录" : null, status == HourStatus.Logged ? null : "驻站社工",
            status == HourStatus.Logged ? null : at.AddDays(2), at,
        ];
    }

    private string UniqueId(string county, DateOnly birth, Sex sex)
    {
        while (true)
        {
            var first17 = $"{county}{birth:yyyyMMdd}{random.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0):000}";
            var number = first17 + CitizenId.CheckCharacterOf(first17);
            if (usedIds.Add(number))
            {
                return number;
            }
        }
    }

    private string UniquePhone()
    {
        while (true)
        {
            var phone = people.Mobile();
            if (usedPhones.Add(phone))
            {
                return phone;
            }
        }
    }
}
