using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Pilots;

public enum PilotBatchStatus
{
    Draft,
    Open,
    Reviewing,
    Confirmed,
    Closed,
}

/// <summary>
/// A provincial pilot batch (试点批次): counties apply while it is open and inside its window,
/// cities review, the province confirms townships while it is reviewing; confirming the batch
/// turns its confirmed townships into pilot projects. Draft → Open → Reviewing → Confirmed → Closed.
/// </summary>
/// <remarks>
/// Province-wide: not region-scoped (every role reads it), but it carries the province's code so
/// the write guard admits only a province-wide scope to change it and the audit records it.
/// </remarks>
public class PilotBatch : IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public int Year { get; set; }
    public required string Name { get; set; }

    /// <summary>The province's code: the batch belongs to the province.</summary>
    public required string RegionCode { get; init; }
    public decimal Budget { get; set; }
    public int TargetCounties { get; set; }
    public int TargetTownships { get; set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    /// <summary>The subsidy a confirmed township gets unless the province sets another for it.</summary>
    public decimal StandardSubsidy { get; set; }
    public PilotBatchStatus Status { get; private set; } = PilotBatchStatus.Draft;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    private static readonly Dictionary<PilotBatchStatus, PilotBatchStatus> Next = new()
    {
        [PilotBatchStatus.Draft] = PilotBatchStatus.Open,
        [PilotBatchStatus.Open] = PilotBatchStatus.Reviewing,
        [PilotBatchStatus.Reviewing] = PilotBatchStatus.Confirmed,
        [PilotBatchStatus.Confirmed] = PilotBatchStatus.Closed,
    };

    public static PilotBatchStatus? NextStatus(PilotBatchStatus from) => Next.TryGetValue(from, out var to) ? to : null;

    public void SetWindow(DateOnly opensOn, DateOnly closesOn)
    {
        if (closesOn < opensOn)
        {
            throw RequestProblem.Invalid("closesOn", ProblemText.PilotBatchWindowEndBeforeStart);
        }
        OpensOn = opensOn;
        ClosesOn = closesOn;
    }

    public void EnsureDraft()
    {
        if (Status != PilotBatchStatus.Draft)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotBatchOnlyDraftEdited, Names.Of(Status)));
        }
    }

    /// <summary>One step forward; any other move is a 409 naming both statuses.</summary>
    public void MoveTo(PilotBatchStatus target)
    {
        if (NextStatus(Status) != target)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotBatchStatusMove, Names.Of(Status), Names.Of(target)));
        }
        Status = target;
    }

    /// <summary>Counties apply only while the batch is open and the day lies in its window.</summary>
    public void EnsureTakesApplications(DateOnly today)
    {
        if (Status != PilotBatchStatus.Open)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotBatchNotOpen, Name, Names.Of(Status)));
        }
        if (today < OpensOn || today > ClosesOn)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotOutsideWindow, DateFormat.Of(OpensOn), DateFormat.Of(ClosesOn)));
        }
    }

    /// <summary>The province decides townships only while the batch is under review.</summary>
    public void EnsureReviewing()
    {
        if (Status == PilotBatchStatus.Confirmed || Status == PilotBatchStatus.Closed)
        {
            throw RequestProblem.Conflict(ProblemText.PilotBatchConfirmedAmendOnly);
        }
        if (Status != PilotBatchStatus.Reviewing)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotBatchNotReviewing, Name, Names.Of(Status)));
        }
    }
}
