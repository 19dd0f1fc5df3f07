using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.GroupWork;

/// <summary>The stages of a group per MZ/T 095-2017, in the order a group passes them.</summary>
public enum GroupStage
{
    Preparation,
    Formation,
    Transition,
    Maturity,
    Ending,
}

/// <summary>Kinds of group named in MZ/T 095-2017 (教育、成长、支持、治疗、兴趣、任务).</summary>
public enum GroupType
{
    Education,
    Growth,
    Support,
    Therapy,
    Interest,
    Task,
}

/// <summary>
/// A group (小组) run by a station: its purpose, type, leader (a social worker), members
/// (residents) and planned sessions. It belongs to its station's region. It moves through
/// <see cref="GroupStage"/> one stage at a time, never skipping or going back.
/// </summary>
public class Group : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int StationId { get; set; }

    /// <summary>The station's region, copied when the group is made (a station never moves region).</summary>
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public GroupType Type { get; set; }

    /// <summary>The service category every session of the group is counted under.</summary>
    public ServiceCategory Category { get; set; }
    public int LeaderId { get; set; }
    public int PlannedSessions { get; set; }
    public GroupStage Stage { get; private set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<GroupMember> Members { get; private set; } = [];

    /// <summary>The stage after <paramref name="stage"/>, or null after the last.</summary>
    public static GroupStage? NextStage(GroupStage stage) => stage == GroupStage.Ending ? null : stage + 1;

    /// <summary>Moves to <paramref name="to"/>, which must be the next stage (the standard's order; no skipping, no going back).</summary>
    public void MoveTo(GroupStage to)
    {
        if (NextStage(Stage) != to)
        {
            throw RequestProblem.Invalid("stage", NextStage(Stage) is { } next
                ? Problems.Format(ProblemText.GroupGroupInCanOnlyMoveOn, Names.Of(Stage), Names.Of(next))
                : ProblemText.GroupGroupEndedStageCannotChange);
        }
        Stage = to;
    }
}

/// <summary>A resident who is a member of a group; guarded and audited through the group.</summary>
public class GroupMember : IScopedThrough<Group>
{
    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public int ResidentId { get; init; }
}

/// <summary>
/// One session (节次) of a group: date, duration, content and attendance (members present plus
/// people not named). It makes and keeps exactly one service record (unique foreign key): the
/// group's category, method GroupWork, the leader as worker, the attendees as beneficiaries.
/// </summary>
public class GroupSession : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int GroupId { get; set; }

    /// <summary>The group's region (its station's), so the session is scoped without a join.</summary>
    public string RegionCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public int DurationMinutes { get; set; }
    public string Content { get; set; } = "";

    /// <summary>People present who are not named (guests, family members not registered).</summary>
    public int HeadCount { get; set; }
    public int ServiceRecordId { get; private set; }
    public ServiceRecord Record { get; set; } = null!;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<GroupAttendance> Attendees { get; private set; } = [];

    /// <summary>What the session's service record says; person-times = members present + head count.</summary>
    public ServiceFacts Facts(Group group) => new(Date, group.Category, ServiceMethod.GroupWork, ServiceChannel.WalkIn, DurationMinutes,
        [group.LeaderId], [.. Attendees.Select(a => a.ResidentId)], HeadCount, Content: Clip(Content));

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..1000];
}

/// <summary>A member present at a session; guarded and audited through the session.</summary>
public class GroupAttendance : IScopedThrough<GroupSession>
{
    public int Id { get; private set; }
    public int GroupSessionId { get; private set; }
    public int ResidentId { get; init; }
}
