using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Platform;

/// <summary>The province's 2025 figures recomputed from the demo's raw service records.</summary>
internal sealed record DemoFigures(int Residents, int Records, int AssistancePersonTimes, int CarePersonTimes, int IndustryHelps,
    int Activities, decimal LinkedYuan, int PersonTimesReached, int Beneficiaries, long Checksum)
{
    public static async Task<DemoFigures> ReadAsync(ShegongDb db, CancellationToken ct)
    {
        var year = db.ServiceRecords.Where(r => r.ServedOn >= new DateOnly(2025, 1, 1) && r.ServedOn <= new DateOnly(2025, 12, 31));
        int Times(ServiceCategory category) => year.Where(r => r.Category == category).Sum(r => r.PersonTimes);
        // Decimal sums are computed here: SQLite keeps decimals as text.
        var yuan = (await year.Where(r => r.ValueYuan != null).Select(r => r.ValueYuan!.Value).ToListAsync(ct)).Sum();
        var checksum = (await year.OrderBy(r => r.Id).Select(r => new { r.Id, r.StationId, r.PersonTimes, r.ServedOn.DayNumber }).ToListAsync(ct))
            .Aggregate(17L, (h, r) => unchecked(h * 31 + r.Id * 7 + r.StationId * 13 + r.PersonTimes * 3 + r.DayNumber));
        return new DemoFigures(
            await db.Residents.CountAsync(ct),
            await year.CountAsync(ct),
            Times(ServiceCategory.SocialAssistance),
            Times(ServiceCategory.ElderlyAndChildCare),
            await year.CountAsync(r => r.Category == ServiceCategory.IndustryDevelopment, ct),
            // Activities are real activities, each counted through the one record it made.
            await db.Set<CommunityActivity>().CountAsync(a => a.Date >= new DateOnly(2025, 1, 1) && a.Date <= new DateOnly(2025, 12, 31)
                && a.Record.Source == ServiceSource.Activity && a.Record.ServedOn == a.Date && a.Record.PersonTimes == a.ParticipantCount, ct),
            yuan,
            await year.SumAsync(r => r.PersonTimes, ct),
            await db.ServiceBeneficiaries.CountAsync(ct),
            checksum);
    }

    /// <summary>The seed's published figures, each within 5%.</summary>
    public void AssertPublishedFigures()
    {
        Assert.InRange(Residents, 20_000, 80_000);
        Near(64_500, AssistancePersonTimes);
        Near(191_400, CarePersonTimes);
        Near(3_388, IndustryHelps);
        Near(8_298, Activities);
        Near(28_460_000m, LinkedYuan);
        Near(2_500_000, PersonTimesReached);
        Assert.True(Beneficiaries > Records / 2, "most records name the residents served");
    }

    private static void Near(decimal expected, decimal actual) =>
        Assert.InRange(actual, expected * 0.95m, expected * 1.05m);
}
