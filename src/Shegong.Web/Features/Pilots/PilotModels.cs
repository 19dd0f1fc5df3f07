using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots;

/// <summary>The create/edit form of a batch (editable while a draft).</summary>
public sealed class PilotBatchForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchYearBetween))]
    [Range(2000, 2100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchYearBetween))]
    public int? Year { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchNameRequired))]
    [StringLength(PilotLimits.NameLength, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchNameCharacters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchBudgetBetween))]
    [Range(typeof(decimal), "0", "10000000000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchBudgetBetween))]
    public decimal? Budget { get; set; }

    [Range(0, 10000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchTargetsBetween))]
    public int TargetCounties { get; set; }

    [Range(0, 10000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchTargetsBetween))]
    public int TargetTownships { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchWindowRequired))]
    public DateOnly? OpensOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchWindowRequired))]
    public DateOnly? ClosesOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchStandardSubsidyBetween))]
    [Range(typeof(decimal), "0", "100000000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.PilotBatchStandardSubsidyBetween))]
    public decimal? StandardSubsidy { get; set; }

    /// <summary>The version the editor read; required on edit, ignored on create.</summary>
    public uint? Version { get; set; }
}

public sealed record PilotBatchMoveForm(PilotBatchStatus Status, uint? Version);

public sealed record PilotBatchRow(int Id, int Year, string Name, decimal Budget, int TargetCounties, int TargetTownships,
    DateOnly OpensOn, DateOnly ClosesOn, decimal StandardSubsidy, PilotBatchStatus Status, int Applications, uint Version);

/// <summary>One township of an application form.</summary>
public sealed record PilotTownshipForm(string? TownshipCode, BuildPath? BuildPath, string? PlannedStationName, [property: MultiLine] string? Justification);

/// <summary>
/// A county's application (create), or its edit as a draft or when returned (with the version read and a note to the city).
/// <paramref name="Submit"/> false keeps it with the county (a draft; a returned one stays returned).
/// </summary>
public sealed record PilotApplicationForm(int PilotBatchId, string? RegionCode, List<PilotTownshipForm>? Townships, uint? Version = null,
    [property: MultiLine] string? Note = null, bool Submit = true);

public enum ReviewVerdict
{
    Approve,
    Return,
    Reject,
}

public sealed record PilotReviewForm(ReviewVerdict Decision, [property: MultiLine] string? Reason, uint? Version);

/// <summary>The province's decision on one township (or, after confirmation, its amendment, reason required).</summary>
public sealed record PilotDecisionForm(string? TownshipCode, bool Confirm, decimal? Subsidy, [property: MultiLine] string? Reason, uint? Version);

public sealed record PilotTownshipRow(string TownshipCode, string TownshipName, BuildPath BuildPath, string PlannedStationName, string Justification,
    TownshipDecision Decision, string? DecisionReason, decimal? Subsidy);

public sealed record PilotStepRow(PilotStepKind Kind, string By, DateTime At, string? TownshipCode, string? Reason);

public sealed record PilotApplicationRow(int Id, int PilotBatchId, string BatchName, string RegionCode, string CountyName, string CountyPath,
    PilotApplicationStatus Status, int Townships, int Confirmed, DateTime CreatedAt);

public sealed record PilotApplicationDetail(int Id, int PilotBatchId, string BatchName, PilotBatchStatus BatchStatus, string RegionCode, string CountyPath,
    PilotApplicationStatus Status, IReadOnlyList<PilotTownshipRow> Townships, IReadOnlyList<PilotStepRow> Steps, uint Version);

/// <summary>A row of the province's choosing view: an applied township with its priority flags and score.</summary>
public sealed record PilotChoiceRow(int ApplicationId, uint ApplicationVersion, string CountyCode, string CountyName, string CityName,
    string TownshipCode, string TownshipName, BuildPath BuildPath, string PlannedStationName, PilotApplicationStatus ApplicationStatus,
    bool GovernancePilotCounty, bool CentralTown, bool RelocationSite, int Score, TownshipDecision Decision, decimal Subsidy);

/// <summary>The confirmed choices against the batch's budget and targets, and the share meeting each priority.</summary>
public sealed record PilotChoiceTotals(int Counties, int TargetCounties, int Townships, int TargetTownships, decimal Yuan, decimal Budget,
    int GovernancePilotCounties, double GovernancePilotShare, int CentralTowns, double CentralTownShare, int RelocationSites, double RelocationShare);

public sealed record PilotChoosing(int BatchId, string BatchName, PilotBatchStatus Status, IReadOnlyList<PilotChoiceRow> Rows, PilotChoiceTotals Totals);

public sealed record PilotAwardForm(decimal Amount, DateOnly? On, uint? Version);

public sealed record PilotDisbursementForm(DateOnly On, decimal Amount, string? DocumentNumber, uint? Version);

public sealed record PilotStationForm(int? StationId, uint? Version);

public sealed record PilotDisbursementRow(DateOnly On, decimal Amount, string DocumentNumber);

public sealed record PilotCompliance(bool Compliant, bool StationOperating, int CertifiedResidents, IReadOnlyList<string> MissingCategories,
    IReadOnlyList<string> Problems);

public sealed record PilotProjectRow(int Id, int PilotBatchId, string BatchName, string RegionCode, string TownshipName, string RegionPath,
    decimal GrantedSubsidy, decimal? AwardedSubsidy, decimal Paid, decimal Balance, int? StationId, string? StationName);

public sealed record PilotProjectDetail(PilotProjectRow Project, DateOnly? AwardedOn, IReadOnlyList<PilotDisbursementRow> Disbursements,
    PilotCompliance Compliance, uint Version);

/// <summary>A city's line of the batch dashboard.</summary>
public sealed record PilotCityLine(string CityCode, string CityName, int Counties, int Townships, decimal Awarded, decimal Paid, int Compliant);
