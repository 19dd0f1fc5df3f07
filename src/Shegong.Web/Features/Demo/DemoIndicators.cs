using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Indicators;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// The seed's plan indicators as examples: Sichuan's every-township coverage by the end of the 14th Five-Year Plan,
/// Anhui's 18 community workers per 10,000 urban residents (measured here by resident social workers) and
/// Wuhan's 140 street stations (set for 成都市) and its registered volunteers at 23.28% of the resident population.
/// </summary>
internal static class DemoIndicators
{
    public const string Province = "510000000000";
    public const string Chengdu = "510100000000";

    public static async Task SeedAsync(ShegongDb db, CancellationToken cancellationToken)
    {
        PlanIndicator[] indicators =
        [
            new PlanIndicator
            {
                Name = "乡镇(街道)社工站覆盖率", RegionCode = Province, Numerator = IndicatorQuantity.TownshipsCovered,
                Denominator = IndicatorQuantity.Townships, Scale = IndicatorScale.Percent, BaseYear = 2020, BaseValue = 0, TargetYear = 2025,
                TargetValue = 100, Note = "四川省：“十四五”末乡镇(街道)社工站全覆盖。",
            },
            new PlanIndicator
            {
                Name = "每万城镇常住人口驻站社工数", RegionCode = Province, Numerator = IndicatorQuantity.ResidentSocialWorkers,
                Denominator = IndicatorQuantity.UrbanResidentPopulation, Scale = IndicatorScale.PerTenThousand, BaseYear = 2020, TargetYear = 2025,
                TargetValue = 18, Note = "参照安徽省：每万城镇常住人口拥有社区工作者18人；本平台以驻站社工计。",
            },
            new PlanIndicator
            {
                Name = "运营社工站数", RegionCode = Chengdu, Numerator = IndicatorQuantity.StationsOperating, Scale = IndicatorScale.Count,
                BaseYear = 2020, TargetYear = 2025, TargetValue = 140, Note = "参照武汉市：建成街道社工站140个。",
            },
            new PlanIndicator
            {
                Name = "注册志愿者占常住人口比例", RegionCode = Province, Numerator = IndicatorQuantity.RegisteredVolunteers,
                Denominator = IndicatorQuantity.ResidentPopulation, Scale = IndicatorScale.Percent, BaseYear = 2020, TargetYear = 2025,
                TargetValue = 23.28m, Note = "参照武汉市：注册志愿者占常住人口的23.28%。",
            },
        ];
        // Only where the regions are loaded (a test may load a part of the province).
        var codes = indicators.Select(i => i.RegionCode).ToList();
        var present = await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(cancellationToken);
        db.AddRange(indicators.Where(i => present.Contains(i.RegionCode)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
