using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Demo groups (小组): a few hundred, each at one station for the elderly or for children, led by a
/// social worker of the station, with six to twelve members and its sessions. A session holds its
/// service record (Source GroupSession, method GroupWork, the group's category, the leader as worker,
/// the members present as beneficiaries), and its person-times follow docs/person-times.md: the
/// members present plus the people present not named. Groups are in every stage: in preparation (no
/// session yet), meeting now (their last session in December 2025, sessions left) or ended (all held).
/// </summary>
internal sealed class DemoGroups(DemoServiceYear year, Random random, DemoWorkerPlace? demoWorker)
{
    public const int Count = 320;

    private static readonly string[] GroupColumns =
        ["Id", "StationId", "RegionCode", "Name", "Purpose", "Type", "Category", "LeaderId", "PlannedSessions", "Stage", "CreatedAt"];

    private static readonly string[] SessionColumns =
        ["Id", "GroupId", "RegionCode", "Date", "DurationMinutes", "Content", "HeadCount", "ServiceRecordId", "CreatedAt"];

    private static readonly (string Name, GroupType Type, string Purpose)[] ElderlyGroups =
    [
        ("银龄互助小组", GroupType.Support, "帮助独居、留守老人结识同伴，建立互助关系，减少孤独感"),
        ("长者健康自我管理小组", GroupType.Education, "学习慢性病自我管理与防跌倒知识，提升健康生活能力"),
        ("老年手工兴趣小组", GroupType.Interest, "以手工制作丰富老人精神生活，促进邻里交往"),
        ("丧偶老人哀伤支持小组", GroupType.Therapy, "陪伴丧偶老人走出哀伤，重建生活节律"),
    ];

    private static readonly (string Name, GroupType Type, string Purpose)[] ChildGroups =
    [
        ("留守儿童成长小组", GroupType.Growth, "提升留守儿童的自我认识与情绪表达能力，增强自信"),
        ("四点半课堂学习小组", GroupType.Education, "课后学业辅导，培养学习习惯"),
        ("儿童安全自护小组", GroupType.Education, "学习防溺水、防性侵、交通安全等自护知识"),
        ("亲子沟通小组", GroupType.Growth, "改善留守儿童与监护人之间的沟通"),
    ];

    private static readonly string[] Topics = ["相互认识与订立小组契约", "分享与倾听", "主题学习", "情景模拟练习", "小组游戏与合作", "经验分享", "回顾与巩固", "告别与展望"];

    private readonly List<object?[]> groups = [];
    private readonly List<object?[]> members = [];
    private readonly List<object?[]> sessions = [];
    private readonly List<object?[]> attendance = [];
    private int nextSession = 1;

    /// <summary>Makes the groups and their sessions' records (added to the year's records); answers what remains to insert.</summary>
    public DemoGroups Build()
    {
        for (var i = 0; i < Count; i++)
        {
            var stage = random.NextDouble() switch
            {
                < 0.08 => GroupStage.Preparation,
                < 0.18 => GroupStage.Formation,
                < 0.30 => GroupStage.Transition,
                < 0.48 => GroupStage.Maturity,
                _ => GroupStage.Ending,
            };
            // A station staffed too late in the year for this group's sessions, or with too few residents of its kind, gives way to another.
            for (var tries = 0; tries < 5; tries++)
            {
                if (Make(year.PickStation(), null, stage))
                {
                    break;
                }
            }
        }
        // The demo worker's today page shows a group meeting: one of theirs, in its maturity, with sessions left.
        if (demoWorker is not null && year.StationsById.TryGetValue(demoWorker.StationId, out var home))
        {
            Make(home, demoWorker.WorkerId, GroupStage.Maturity);
        }
        return this;
    }

    public async Task InsertAsync(DemoBulk bulk, CancellationToken cancellationToken)
    {
        await bulk.InsertAsync("Groups", GroupColumns, groups, versioned: true, cancellationToken);
        await bulk.InsertAsync("GroupMembers", ["GroupId", "ResidentId"], members, versioned: false, cancellationToken);
        await bulk.InsertAsync("GroupSessions", SessionColumns, sessions, versioned: true, cancellationToken);
        await bulk.InsertAsync("GroupAttendances", ["GroupSessionId", "ResidentId"], attendance, versioned: false, cancellationToken);
    }

    /// <summary>
    /// A group at <paramref name="station"/> led by <paramref name="leader"/> (or by a worker at the station when it was set up);
    /// answers false, making nothing, when the station had no worker by then or too few residents for it.
    /// </summary>
    private bool Make(DemoStationStaff station, int? leader, GroupStage stage)
    {
        var children = random.NextDouble() < 0.5;
        var pool = year.Residents[station.StationId].Where(r => r.Group == (children ? DemoAgeGroup.Child : DemoAgeGroup.Elderly)).ToList();
        if (pool.Count < 3)
        {
            return false;
        }
        var kind = children ? ChildGroups[random.Next(ChildGroups.Length)] : ElderlyGroups[random.Next(ElderlyGroups.Length)];
        var roll = pool.OrderBy(_ => random.Next()).Take(random.Next(6, 13)).Select(r => r.Id).ToList();
        var planned = random.Next(6, 11);
        var held = stage switch
        {
            GroupStage.Preparation => 0,
            GroupStage.Formation => random.Next(1, 3),
            GroupStage.Transition => random.Next(planned / 3, planned / 2 + 1),
            GroupStage.Maturity => random.Next(planned / 2 + 1, planned),
            _ => planned,
        };
        var rhythm = random.NextDouble() < 0.7 ? 7 : 14;
        // Open groups met last in December; ended ones any time in the year.
        var last = stage == GroupStage.Ending
            ? new DateOnly(2025, 1, 31).AddDays((held - 1) * rhythm + random.Next(Math.Max(1, 330 - (held - 1) * rhythm)))
            : new DateOnly(2025, 12, 1).AddDays(random.Next(0, 28));
        var first = last.AddDays(-(Math.Max(held, 1) - 1) * rhythm);
        var created = first.AddDays(-random.Next(10, 30));
        if (leader is { } chosen ? !station.Serves(chosen, created) : created < station.StaffedFrom)
        {
            return false;
        }
        var leaderId = leader ?? station.WorkerOn(created, random);
        var id = groups.Count + 1;
        groups.Add([id, station.StationId, station.RegionCode, kind.Name, kind.Purpose, kind.Type.ToString(), ServiceCategory.ElderlyAndChildCare.ToString(),
            leaderId, planned, stage.ToString(), created.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)]);
        members.AddRange(roll.Select(r => new object?[] { id, r }));
        for (var n = 0; n < held; n++)
        {
            var on = first.AddDays(n * rhythm);
            var present = roll.Where(_ => random.NextDouble() < 0.85).ToList();
            var head = PersonTimesRule.SessionHeadCount(random.NextDouble() < 0.3 ? random.Next(1, 4) : 0);
            var content = $"第{n + 1}节：{Topics[Math.Min(n, Topics.Length - 1)]}";
            var minutes = random.Next(4, 9) * 15;
            var recordId = year.SourceRecord(station, on, ServiceCategory.ElderlyAndChildCare, ServiceMethod.GroupWork, ServiceChannel.WalkIn, minutes,
                [leaderId], present, head, content, ServiceSource.GroupSession);
            var session = nextSession++;
            sessions.Add([session, id, station.RegionCode, on, minutes, content, head, recordId, on.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc)]);
            attendance.AddRange(present.Select(r => new object?[] { session, r }));
        }
        return true;
    }
}
