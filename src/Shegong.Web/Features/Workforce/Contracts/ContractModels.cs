using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Workforce.Contracts;

/// <summary>The create/edit form of a contract (editable while a draft), shared by the Blazor form and the API.</summary>
public sealed class ContractForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractTitleRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractTitleCharacters))]
    public string? Title { get; set; }

    /// <summary>The buyer: a city or county (its civil-affairs bureau).</summary>
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractBuyerRegionRequired))]
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractAgencyRequired))]
    public int? AgencyId { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractStartDateRequired))]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractEndDateRequired))]
    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractAmountRequired))]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.ContractAmountBetweenYuan))]
    public decimal? Amount { get; set; }

    public List<int>? StationIds { get; set; }

    /// <summary>Person-times per service category.</summary>
    public Dictionary<ServiceCategory, int>? CategoryTargets { get; set; }

    /// <summary>Cases, groups and activities per method.</summary>
    public Dictionary<ServiceMethod, int>? MethodTargets { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>): required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>Activation asks only for the version the activator read.</summary>
public sealed record ContractVersionForm(uint? Version);

/// <summary>Completion (date) or termination (date and reason), with the version the mover read.</summary>
public sealed record ContractCloseForm(DateOnly? On, [property: MultiLine] string? Reason, uint? Version = null);

/// <summary>A mid-term or final evaluation, with the version the evaluator read: an evaluation moves the contract's version on.</summary>
public sealed record EvaluationForm(EvaluationStage Stage, DateOnly? On, decimal Score, [property: MultiLine] string? Notes, uint? Version = null);

public sealed record ContractFilter(string? Region = null, int? AgencyId = null, ContractStatus? Status = null, string? Search = null)
    : IQueryFilter<ContractFilter>
{
    public static ContractFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Int("agencyId"), q.Enum<ContractStatus>("status"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("agencyId", AgencyId), ("status", Status), ("search", Search));
}

public sealed record ContractRow(
    int Id,
    string Title,
    string RegionCode,
    string BuyerName,
    int AgencyId,
    string AgencyName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    decimal Amount,
    ContractStatus Status,
    int Stations,
    decimal? LatestScore);

public sealed record ContractStationRow(int StationId, string Name, string RegionCode);

public sealed record EvaluationRow(EvaluationStage Stage, DateOnly On, decimal Score, [property: MultiLine] string? Notes);

public sealed record ContractDetail(
    int Id,
    string Title,
    string RegionCode,
    string BuyerName,
    int AgencyId,
    string AgencyName,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateOnly CoversUntil,
    decimal Amount,
    ContractStatus Status,
    DateOnly? ClosedOn,
    string? TerminationReason,
    IReadOnlyList<ContractStationRow> Stations,
    IReadOnlyDictionary<ServiceCategory, int> CategoryTargets,
    IReadOnlyDictionary<ServiceMethod, int> MethodTargets,
    IReadOnlyList<EvaluationRow> Evaluations,
    uint Version);

/// <summary>Who operated a station on a date, and under which contract (none when no contract covers it).</summary>
public sealed record StationOperator(int StationId, DateOnly On, int? ContractId, int? AgencyId, string? AgencyName);

/// <summary>The columns of the contract list's Excel export, in the words of the list page (the request's language).</summary>
public static class ContractExport
{
    public static Task<IResult> StreamAsync(IStringLocalizer<WorkforceText> t, Func<PageRequest, CancellationToken, Task<PagedResult<ContractRow>>> list,
        string? sort, string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("ServiceContract", "Id"), r => r.Id),
        (t["ContractTitle"], r => r.Title),
        (t["Buyer"], r => r.BuyerName),
        (t["Agency"], r => r.AgencyName),
        (t["From"], r => r.StartsOn.ToString(DateFormat.Iso)),
        (t["To"], r => r.EndsOn.ToString(DateFormat.Iso)),
        (t["Amount"], r => r.Amount),
        (t["Status"], r => Names.Of(r.Status)),
        (t["StationCount"], r => r.Stations),
        (t["LatestScore"], r => r.LatestScore));
}
