using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Indicators;

/// <summary>The create/edit form of a plan indicator, shared by the Blazor form and the API.</summary>
public sealed class IndicatorForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorNameAtMost100Characters))]
    public string? Name { get; set; }

    /// <summary>The region it applies to, with everything under it (12 digits).</summary>
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorRegionRequired))]
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorNumeratorRequired))]
    public IndicatorQuantity? Numerator { get; set; }

    /// <summary>Required for a share or a per-10,000 ratio, absent for a count.</summary>
    public IndicatorQuantity? Denominator { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorScaleRequired))]
    public IndicatorScale? Scale { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorBaseYearRequired))]
    [Range(2000, 2100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorYearRange))]
    public int? BaseYear { get; set; }

    [Range(0, 1_000_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorValueRange))]
    public decimal? BaseValue { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorTargetYearRequired))]
    [Range(2000, 2100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorYearRange))]
    public int? TargetYear { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorTargetValueRequired))]
    [Range(0, 1_000_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorValueRange))]
    public decimal? TargetValue { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.IndicatorNoteAtMost500Characters))]
    [MultiLine]
    public string? Note { get; set; }

    /// <summary>The version the editor read: required on edit (missing: 400), a changed record is a 409; ignored on create.</summary>
    public uint? Version { get; set; }
}

/// <summary>An indicator as defined, with its formula in words.</summary>
public sealed record IndicatorDetail(int Id, string Name, string RegionCode, string RegionName, IndicatorQuantity Numerator,
    IndicatorQuantity? Denominator, IndicatorScale Scale, string Formula, int BaseYear, decimal? BaseValue, int TargetYear,
    decimal TargetValue, string? Note, uint Version);

/// <summary>Where a region stands: attained, on the path to the target, a little behind it, far behind, or not known.</summary>
public enum AttainmentLight
{
    Attained,
    OnTrack,
    Behind,
    FarBehind,
    Unknown,
}

/// <summary>
/// One region's attainment: the formula's parts and value; <see cref="Required"/> is where the straight path from the
/// base-year value to the target stands today (null without a base value); <see cref="Reason"/> says why a value is unknown.
/// </summary>
public sealed record AttainmentRow(string Code, string Name, RegionLevel Level, decimal? Numerator, decimal? Denominator, decimal? Value,
    decimal? Required, AttainmentLight Light, string? Reason);

/// <summary>A point of the trend chart: the path's value in a year, and the measured value (today's, in the current year).</summary>
public sealed record TrendPoint(int Year, decimal? Path, decimal? Measured);

/// <summary><c>GET /api/plan-indicators/{id}/attainment?region=</c>: the region asked for, then each region below it.</summary>
public sealed record IndicatorAttainment(IndicatorDetail Indicator, DateOnly AsOf, AttainmentRow Region, IReadOnlyList<AttainmentRow> Children,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>An indicator in the list, with the attainment of the reader's own region.</summary>
public sealed record IndicatorRow(IndicatorDetail Indicator, AttainmentRow Own);
