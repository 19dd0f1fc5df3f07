using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>What came: money, goods, or services given in kind (each valued in yuan).</summary>
public enum DonationKind
{
    Cash,
    Goods,
    Services,
}

/// <summary>What a donation is linked to (the need it answers).</summary>
public enum LinkTarget
{
    Resident,
    Case,
    Request,
    Activity,
}

/// <summary>
/// A donation a station received (in its region). It is first received, then linked in parts to residents, cases,
/// requests or activities; <see cref="LinkedYuan"/> is kept by <see cref="Link"/> and <see cref="Unlink"/> only, so
/// every link moves the donation's row and its version: of two links racing for the last yuan, the database admits one.
/// </summary>
public class Donation : IRegionScoped, IVersioned
{
    public int Id { get; private set; }
    public uint Version { get; private set; }
    public int DonorId { get; set; }
    public int StationId { get; set; }

    /// <summary>The receiving station's region, copied when the donation is recorded.</summary>
    public string RegionCode { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DonationKind Kind { get; set; }
    public string Description { get; set; } = "";
    public decimal ValueYuan { get; private set; }
    public decimal LinkedYuan { get; private set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public List<DonationLink> Links { get; private set; } = [];

    /// <summary>Received but not yet linked.</summary>
    public decimal BalanceYuan => ValueYuan - LinkedYuan;

    /// <summary>Sets the value; never below what is already linked.</summary>
    public void Revalue(decimal valueYuan)
    {
        if (valueYuan < LinkedYuan)
        {
            throw RequestProblem.Invalid("valueYuan", Problems.Format(ProblemText.DonationValueBelowLinked, LinkedYuan));
        }
        ValueYuan = valueYuan;
    }

    /// <summary>Links part of the balance; more than the balance is refused and nothing changes.</summary>
    public DonationLink Link(LinkTarget target, int targetId, decimal amountYuan, DateOnly linkedOn, ServiceRecord record)
    {
        if (amountYuan > BalanceYuan)
        {
            throw RequestProblem.Invalid("amountYuan", Problems.Format(ProblemText.DonationLinkOverBalance, amountYuan, BalanceYuan));
        }
        if (linkedOn < ReceivedOn)
        {
            throw RequestProblem.Invalid("linkedOn", Problems.Format(ProblemText.DonationLinkBeforeReceived, DateFormat.Of(ReceivedOn)));
        }
        var link = new DonationLink { Target = target, TargetId = targetId, AmountYuan = amountYuan, LinkedOn = linkedOn, Record = record };
        Links.Add(link);
        LinkedYuan += amountYuan;
        return link;
    }

    /// <summary>Undoes a link: its yuan return to the balance (the caller removes its service record in the same save).</summary>
    public void Unlink(DonationLink link)
    {
        Links.Remove(link);
        LinkedYuan -= link.AmountYuan;
    }
}

/// <summary>
/// A part of a donation linked to a need, guarded and audited through its donation. It holds its one service record
/// of category resource linking (a unique foreign key), made and removed with it: "yuan linked" is never entered twice.
/// </summary>
public class DonationLink : IScopedThrough<Donation>
{
    public int Id { get; private set; }
    public int DonationId { get; private set; }
    public LinkTarget Target { get; init; }
    public int TargetId { get; init; }
    public decimal AmountYuan { get; init; }
    public DateOnly LinkedOn { get; init; }
    public int ServiceRecordId { get; private set; }
    public ServiceRecord Record { get; set; } = null!;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
