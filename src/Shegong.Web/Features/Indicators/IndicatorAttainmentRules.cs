using Shegong.Web.Common;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Indicators;

/// <summary>
/// The arithmetic of a plan indicator, apart from the database so it can be checked by hand: the formula's
/// value, the straight path from the base year's value to the target, and the traffic light.
/// </summary>
public static class IndicatorAttainmentRules
{
    /// <summary>Within this share of the path's value today a region is "a little behind" (amber), below it "far behind" (red).</summary>
    public const decimal BehindTolerance = 0.9m;

    /// <summary>A share or ratio needs a denominator; a count takes none; a population is no count to be shared.</summary>
    public static void CheckFormula(IndicatorForm form)
    {
        if (form.Scale == IndicatorScale.Count && form.Denominator is not null)
        {
            throw RequestProblem.Invalid("denominator", ProblemText.IndicatorCountTakesNoDenominator);
        }
        if (form.Scale != IndicatorScale.Count && form.Denominator is null)
        {
            throw RequestProblem.Invalid("denominator", ProblemText.IndicatorDenominatorRequired);
        }
        if (form.Denominator is { } d && d == form.Numerator)
        {
            throw RequestProblem.Invalid("denominator", ProblemText.IndicatorDenominatorSameAsNumerator);
        }
        if (form.TargetYear < form.BaseYear)
        {
            throw RequestProblem.Invalid("targetYear", ProblemText.IndicatorTargetYearBeforeBase);
        }
    }

    /// <summary>The formula in words: "已覆盖乡镇数 ÷ 乡镇(街道)数 × 100%".</summary>
    public static string Formula(IndicatorQuantity numerator, IndicatorQuantity? denominator, IndicatorScale scale) =>
        denominator is { } d ? Problems.Format(scale == IndicatorScale.Percent ? ProblemText.IndicatorFormulaPercent : ProblemText.IndicatorFormulaPerTenThousand,
            Names.Of(numerator), Names.Of(d)) : Names.Of(numerator);

    /// <summary>
    /// Where the straight path from the base year's value (at the end of the base year) to the target (at the end
    /// of the target year) stands on <paramref name="today"/>; null when the plan gives no base value.
    /// </summary>
    public static decimal? Required(PlanIndicator indicator, DateOnly today) =>
        indicator.BaseValue is { } baseValue ? PathAt(indicator, baseValue, today) : null;

    private static decimal PathAt(PlanIndicator indicator, decimal baseValue, DateOnly day)
    {
        var start = new DateOnly(indicator.BaseYear, 12, 31);
        var end = new DateOnly(indicator.TargetYear, 12, 31);
        var span = end.DayNumber - start.DayNumber;
        var share = span <= 0 ? 1m : Math.Clamp((decimal)(day.DayNumber - start.DayNumber) / span, 0m, 1m);
        return Math.Round(baseValue + (indicator.TargetValue - baseValue) * share, 2);
    }

    /// <summary>
    /// One region's row. <paramref name="partOf"/> names the indicator's region when a count target is read inside it: the
    /// region's own count is shown, but it is not measured against a target set for the whole (no light, and why).
    /// </summary>
    public static AttainmentRow Row(PlanIndicator indicator, Region region, decimal? numerator, decimal? denominator, bool hasDenominator,
        decimal? required, DateOnly today, string? partOf = null)
    {
        if (partOf is not null && indicator.Scale == IndicatorScale.Count)
        {
            return new AttainmentRow(region.Code, region.Name, region.Level, numerator, null, numerator, null, AttainmentLight.Unknown,
                Problems.Format(ProblemText.IndicatorCountForWholeRegion, partOf));
        }
        string? reason = null;
        decimal? value = numerator;
        if (hasDenominator)
        {
            if (denominator is null)
            {
                reason = Problems.Format(ProblemText.IndicatorValueUnknown, Names.Of(indicator.Denominator!.Value));
                value = null;
            }
            else if (denominator == 0)
            {
                reason = Problems.Format(ProblemText.IndicatorDenominatorZero, Names.Of(indicator.Denominator!.Value));
                value = null;
            }
            else
            {
                value = Math.Round(numerator!.Value / denominator.Value * PlanIndicator.Scaled(indicator.Scale), 2);
            }
        }
        return new AttainmentRow(region.Code, region.Name, region.Level, numerator, denominator, value, required,
            Light(indicator, value, required, today), reason);
    }

    /// <summary>
    /// Green when the target is met or the value keeps to the path; amber a little behind the path (or, without a base
    /// value, not yet met before the target year ends); red far behind it, or the target year over and the target missed.
    /// </summary>
    public static AttainmentLight Light(PlanIndicator indicator, decimal? value, decimal? required, DateOnly today) => value switch
    {
        null => AttainmentLight.Unknown,
        { } v when v >= indicator.TargetValue => AttainmentLight.Attained,
        _ when required is null => today.Year > indicator.TargetYear ? AttainmentLight.FarBehind : AttainmentLight.Behind,
        { } v when v >= required.Value => AttainmentLight.OnTrack,
        { } v when v >= required.Value * BehindTolerance => AttainmentLight.Behind,
        _ => AttainmentLight.FarBehind,
    };

    /// <summary>The path year by year from the base year to the target year, with today's value in the current year.</summary>
    public static IReadOnlyList<TrendPoint> Trend(PlanIndicator indicator, decimal? measured, DateOnly today) =>
        [.. Enumerable.Range(indicator.BaseYear, indicator.TargetYear - indicator.BaseYear + 1).Select(year => new TrendPoint(year,
            indicator.BaseValue is { } b ? PathAt(indicator, b, new DateOnly(year, 12, 31)) : year == indicator.TargetYear ? indicator.TargetValue : null,
            year == today.Year ? measured : year == indicator.BaseYear ? indicator.BaseValue : null))];
}
