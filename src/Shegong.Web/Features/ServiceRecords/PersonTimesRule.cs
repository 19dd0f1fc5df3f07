namespace Shegong.Web.Features.ServiceRecords;

/// <summary>
/// The head counts sources give their records, so each source's person-times follow docs/person-times.md:
/// a group session counts its attendees, an activity its participant count.
/// </summary>
public static class PersonTimesRule
{
    /// <summary>An activity's unnamed participants: the participant count less the named ones, never negative.</summary>
    public static int ActivityHeadCount(int participantCount, int namedCount) => Math.Max(0, participantCount - namedCount);

    /// <summary>A group session's unnamed attendees (present but not members on the roll).</summary>
    public static int SessionHeadCount(int unnamedAttendees) => Math.Max(0, unnamedAttendees);
}
