using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Linkage.Donations;

/// <summary>The create/edit form of a donor, shared by the Blazor form and the API.</summary>
public sealed class DonorForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonorNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonorNameAtMost100Characters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonorKindRequired))]
    public DonorKind? Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamStationRequired))]
    public int? StationId { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonorContactAtMost50Characters))]
    public string? ContactName { get; set; }

    [StringLength(1000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonorNoteAtMost1000Characters))]
    [MultiLine]
    public string? Note { get; set; }

    /// <summary>The version the editor read: required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>The receive/edit form of a donation.</summary>
public sealed class DonationForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationDonorRequired))]
    public int? DonorId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.TeamStationRequired))]
    public int? StationId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationReceivedOnRequired))]
    public DateOnly? ReceivedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationKindRequired))]
    public DonationKind? Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationDescriptionRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationDescriptionAtMost500Characters))]
    [MultiLine]
    public string? Description { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationValueRequired))]
    [Range(typeof(decimal), "0.01", "100000000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationYuanRange))]
    public decimal? ValueYuan { get; set; }

    public uint? Version { get; set; }
}

/// <summary>A link of part of a donation to a need; <c>Version</c> is the donation's, as read.</summary>
public sealed class DonationLinkForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationLinkTargetRequired))]
    public LinkTarget? Target { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationLinkTargetIdRequired))]
    public int? TargetId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationLinkAmountRequired))]
    [Range(typeof(decimal), "0.01", "100000000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationYuanRange))]
    public decimal? AmountYuan { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.DonationLinkDateRequired))]
    public DateOnly? LinkedOn { get; set; }

    public uint? Version { get; set; }
}

public sealed record DonorFilter(string? Region = null, DonorKind? Kind = null, string? Search = null) : IQueryFilter<DonorFilter>
{
    public static DonorFilter FromQuery(QueryValues q) => new(q.String("region"), q.Enum<DonorKind>("kind"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("region", Region), ("kind", Kind), ("search", Search));
}

public sealed record DonationFilter(string? Region = null, int? DonorId = null, DonationKind? Kind = null, DateOnly? From = null, DateOnly? To = null)
    : IQueryFilter<DonationFilter>
{
    public static DonationFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Int("donorId"), q.Enum<DonationKind>("kind"), q.Date("from"), q.Date("to"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("region", Region), ("donorId", DonorId), ("kind", Kind),
        ("from", From?.ToString(DateFormat.Iso)), ("to", To?.ToString(DateFormat.Iso)));
}

/// <summary>A donor with what it gave inside the reader's scope: received, linked and the balance not yet linked.</summary>
public sealed record DonorRow(int Id, string Name, DonorKind Kind, int StationId, string StationName, string? ContactName,
    decimal ReceivedYuan, decimal LinkedYuan, decimal BalanceYuan);

public sealed record DonorDetail(int Id, string Name, DonorKind Kind, int StationId, string StationName, string RegionCode, string? ContactName,
    string? Note, decimal ReceivedYuan, decimal LinkedYuan, decimal BalanceYuan, uint Version);

public sealed record DonationRow(int Id, int DonorId, string DonorName, int StationId, string StationName, DateOnly ReceivedOn, DonationKind Kind,
    string Description, decimal ValueYuan, decimal LinkedYuan, decimal BalanceYuan);

/// <summary>A link as the donation's page shows it: the need by name, and the service record it made.</summary>
public sealed record DonationLinkRow(int Id, LinkTarget Target, int TargetId, string TargetName, decimal AmountYuan, DateOnly LinkedOn, int ServiceRecordId);

public sealed record DonationDetail(int Id, int DonorId, string DonorName, int StationId, string StationName, string RegionCode, DateOnly ReceivedOn,
    DonationKind Kind, string Description, decimal ValueYuan, decimal LinkedYuan, decimal BalanceYuan, IReadOnlyList<DonationLinkRow> Links, uint Version);

/// <summary>Received, linked and not yet linked at one station, inside the reader's scope.</summary>
public sealed record StationBalance(int StationId, string StationName, int Donations, decimal ReceivedYuan, decimal LinkedYuan, decimal BalanceYuan);
