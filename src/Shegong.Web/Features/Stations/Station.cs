using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Stations;

/// <summary>A social-work station of any of the four levels; it keeps its own status rules.</summary>
public class Station : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public required string Name { get; set; }
    public StationLevel Level { get; set; }
    public required string RegionCode { get; set; }
    public StationStatus Status { get; private set; } = StationStatus.Planned;
    public DateOnly? OpenedOn { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public BuildPath? BuildPath { get; set; }
    public decimal? FloorArea { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<StationStatusChange> StatusHistory { get; private set; } = [];

    private static readonly Dictionary<StationStatus, StationStatus[]> Allowed = new()
    {
        [StationStatus.Planned] = [StationStatus.UnderConstruction, StationStatus.Closed],
        [StationStatus.UnderConstruction] = [StationStatus.Operating, StationStatus.Closed],
        [StationStatus.Operating] = [StationStatus.Suspended, StationStatus.Closed],
        [StationStatus.Suspended] = [StationStatus.Operating, StationStatus.Closed],
        [StationStatus.Closed] = [],
    };

    public static IReadOnlyList<StationStatus> NextStatuses(StationStatus from) => Allowed[from];

    public bool CanMoveTo(StationStatus target) => Allowed[Status].Contains(target);

    /// <summary>
    /// Moves the station to <paramref name="target"/> on <paramref name="on"/>, keeping the move
    /// in the history. The first move to Operating sets the opened-on date when none is set.
    /// </summary>
    public void MoveTo(StationStatus target, DateOnly on, string? note = null)
    {
        if (!CanMoveTo(target))
        {
            throw RequestProblem.Invalid("status",
                Problems.Format(ProblemText.StationStatusMove, Names.Of(Status), Names.Of(target)));
        }
        var last = StatusHistory.Count == 0 ? (DateOnly?)null : StatusHistory.Max(h => h.On);
        if (last is { } previous && on < previous)
        {
            throw RequestProblem.Invalid("on",
                Problems.Format(ProblemText.StationDateBeforePreviousChange, previous));
        }
        StatusHistory.Add(new StationStatusChange { From = Status, To = target, On = on, Note = note });
        Status = target;
        if (target == StationStatus.Operating && OpenedOn is null)
        {
            OpenedOn = on;
        }
    }

    /// <summary>Records the status a new station starts in (Planned unless the form says otherwise).</summary>
    internal void StartAs(StationStatus status, DateOnly on)
    {
        Status = status;
        StatusHistory.Add(new StationStatusChange { From = null, To = status, On = on });
    }
}

/// <summary>One status move of a station, with its date.</summary>
public class StationStatusChange : IScopedThrough<Station>
{
    public int Id { get; private set; }
    public int StationId { get; private set; }
    public StationStatus? From { get; init; }
    public StationStatus To { get; init; }
    public DateOnly On { get; init; }
    public string? Note { get; init; }
    public DateTime RecordedAt { get; init; } = DateTime.UtcNow;
}
