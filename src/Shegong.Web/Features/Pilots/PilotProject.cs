using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Pilots;

/// <summary>
/// A confirmed township of a batch (试点项目): the subsidy the province awards, what was paid out
/// (disbursements) and the station that carries it. Its region is the township, so the station's
/// staff and every official above see it.
/// </summary>
public class PilotProject : IRegionScoped, IVersioned
{
    public int Id { get; private set; }

    /// <summary>Concurrency token (see <see cref="IVersioned"/>).</summary>
    public uint Version { get; private set; }
    public int PilotBatchId { get; init; }
    public int PilotApplicationTownshipId { get; init; }

    /// <summary>The township.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The subsidy granted at confirmation (the batch's standard unless set per township).</summary>
    public decimal GrantedSubsidy { get; set; }

    /// <summary>The subsidy awarded (核定), the ceiling of what may be paid; null until the province awards it.</summary>
    public decimal? AwardedSubsidy { get; private set; }
    public DateOnly? AwardedOn { get; private set; }
    public int? StationId { get; set; }

    public List<PilotDisbursement> Disbursements { get; private set; } = [];

    public decimal Paid => Disbursements.Sum(d => d.Amount);

    public void Award(decimal amount, DateOnly on)
    {
        if (amount is < 0 or > PilotLimits.MaxSubsidy)
        {
            throw RequestProblem.Invalid("amount", ProblemText.PilotSubsidyBetween);
        }
        if (amount < Paid)
        {
            throw RequestProblem.Invalid("amount", Problems.Format(ProblemText.PilotAwardBelowPaid, Paid));
        }
        AwardedSubsidy = amount;
        AwardedOn = on;
    }

    public PilotDisbursement Pay(DateOnly on, decimal amount, string? documentNumber)
    {
        if (AwardedSubsidy is not { } awarded)
        {
            throw RequestProblem.Conflict(ProblemText.PilotNotAwarded);
        }
        if (amount <= 0 || amount > PilotLimits.MaxSubsidy)
        {
            throw RequestProblem.Invalid("amount", ProblemText.PilotDisbursementAmountPositive);
        }
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            throw RequestProblem.Invalid("documentNumber", ProblemText.PilotDocumentNumberRequired);
        }
        if (documentNumber.Trim().Length > PilotLimits.NameLength)
        {
            throw RequestProblem.Invalid("documentNumber", ProblemText.PilotDocumentNumberCharacters);
        }
        if (AwardedOn is { } awardedOn && on < awardedOn)
        {
            throw RequestProblem.Invalid("on", Problems.Format(ProblemText.PilotDisbursementBeforeAward, DateFormat.Of(awardedOn)));
        }
        if (Paid + amount > awarded)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotDisbursementOverAward, Paid + amount, awarded));
        }
        var disbursement = new PilotDisbursement { On = on, Amount = amount, DocumentNumber = documentNumber.Trim() };
        Disbursements.Add(disbursement);
        return disbursement;
    }
}

public class PilotDisbursement : IScopedThrough<PilotProject>
{
    public int Id { get; private set; }
    public int PilotProjectId { get; private set; }
    public DateOnly On { get; init; }
    public decimal Amount { get; init; }
    public required string DocumentNumber { get; init; }
}
