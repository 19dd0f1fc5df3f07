using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Indicators;

namespace Shegong.Tests.Indicators;

/// <summary>The path to the target and the traffic light, computed by hand on fixed dates.</summary>
public class IndicatorRulesTests
{
    private static PlanIndicator Coverage(decimal? baseValue = 40) => new()
    {
        Name = "覆盖率",
        RegionCode = "510000000000",
        Numerator = IndicatorQuantity.TownshipsCovered,
        Denominator = IndicatorQuantity.Townships,
        Scale = IndicatorScale.Percent,
        BaseYear = 2020,
        BaseValue = baseValue,
        TargetYear = 2030,
        TargetValue = 100,
    };

    [Fact]
    public void The_path_runs_straight_from_the_base_value_to_the_target_and_the_light_says_how_far_a_region_keeps_to_it()
    {
        var indicator = Coverage();
        // 2020-12-31 → 2030-12-31 is 3,652 days; 2025-12-31 lies 1,826 days in: halfway, so 40 + 60 / 2 = 70.
        var halfway = new DateOnly(2025, 12, 31);
        Assert.Equal(70m, IndicatorAttainmentRules.Required(indicator, halfway));
        Assert.Equal(40m, IndicatorAttainmentRules.Required(indicator, new DateOnly(2019, 5, 1)));
        Assert.Equal(100m, IndicatorAttainmentRules.Required(indicator, new DateOnly(2035, 1, 1)));

        Assert.Equal(AttainmentLight.Attained, IndicatorAttainmentRules.Light(indicator, 100m, 70m, halfway));
        Assert.Equal(AttainmentLight.OnTrack, IndicatorAttainmentRules.Light(indicator, 70m, 70m, halfway));
        Assert.Equal(AttainmentLight.Behind, IndicatorAttainmentRules.Light(indicator, 63m, 70m, halfway)); // 90% of 70
        Assert.Equal(AttainmentLight.FarBehind, IndicatorAttainmentRules.Light(indicator, 62.99m, 70m, halfway));
        Assert.Equal(AttainmentLight.Unknown, IndicatorAttainmentRules.Light(indicator, null, 70m, halfway));
    }

    [Fact]
    public void Without_a_base_value_a_region_short_of_the_target_is_behind_until_the_target_year_ends_then_far_behind()
    {
        var indicator = Coverage(baseValue: null);
        Assert.Null(IndicatorAttainmentRules.Required(indicator, new DateOnly(2025, 1, 1)));
        Assert.Equal(AttainmentLight.Behind, IndicatorAttainmentRules.Light(indicator, 99m, null, new DateOnly(2030, 12, 31)));
        Assert.Equal(AttainmentLight.FarBehind, IndicatorAttainmentRules.Light(indicator, 99m, null, new DateOnly(2031, 1, 1)));
        Assert.Equal(AttainmentLight.Attained, IndicatorAttainmentRules.Light(indicator, 100m, null, new DateOnly(2031, 1, 1)));
    }

    [Fact]
    public void The_trend_has_a_point_per_year_from_base_to_target_with_the_measured_value_in_the_current_year()
    {
        var trend = IndicatorAttainmentRules.Trend(Coverage(), 66m, new DateOnly(2025, 6, 30));
        Assert.Equal(Enumerable.Range(2020, 11), trend.Select(p => p.Year));
        Assert.Equal(40m, trend[0].Path);
        Assert.Equal(40m, trend[0].Measured);
        Assert.Equal(70m, trend[5].Path);
        Assert.Equal(66m, trend[5].Measured);
        Assert.Equal(100m, trend[^1].Path);
        Assert.All(trend.Where(p => p.Year is not (2020 or 2025)), p => Assert.Null(p.Measured));
    }

    [Fact]
    public void The_formula_reads_in_words()
    {
        using var chinese = new UiCulture("zh-CN");
        Assert.Equal("已覆盖乡镇(街道)数 ÷ 乡镇(街道)数 × 100%",
            IndicatorAttainmentRules.Formula(IndicatorQuantity.TownshipsCovered, IndicatorQuantity.Townships, IndicatorScale.Percent));
        Assert.Equal("驻站社工人数 ÷ 城镇常住人口 × 10000",
            IndicatorAttainmentRules.Formula(IndicatorQuantity.ResidentSocialWorkers, IndicatorQuantity.UrbanResidentPopulation, IndicatorScale.PerTenThousand));
        Assert.Equal("运营社工站数", IndicatorAttainmentRules.Formula(IndicatorQuantity.StationsOperating, null, IndicatorScale.Count));
    }
}
