using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Linkage;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Regions;
using static Shegong.Tests.Emergencies.EmergencyApi;

namespace Shegong.Tests.Statistics;

/// <summary>
/// The breakdown by region carries each child's confirmed volunteer hours, donated yuan received, emergency daily reports and the
/// volunteers they mobilised: each equals a recomputation from the raw rows under the child, and the rows add up to the summary.
/// </summary>
public sealed class StatisticsLinkageBreakdownTests(VolunteerApp app) : IClassFixture<VolunteerApp>
{
    private const string From = "2024-01-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Linkage(decimal Hours, decimal Donated, int Reports, int Volunteers);

    /// <summary>
    /// Confirmed hours in 锦官驿 (2.5, beside a rejected and a pending entry) and its sibling township (1.5) (volunteers register
    /// with township stations);
    /// donations received in the period at 锦官驿 (1,000) and 青羊区 (300.50), one before it in 自贡; an epidemic's reports from
    /// 锦官驿 (4 volunteers), the 锦江区 county station (6) and 自贡 (30).
    /// </summary>
    private async Task ArrangeAsync()
    {
        await HoursAsync(AccessApp.Jinguanyi, "孙分区", (2.5m, "Confirmed"), (1m, "Rejected"), (0.5m, null));
        await HoursAsync(app.SiblingTownship, "周分区", (1.5m, "Confirmed"));
        await DonationAsync(AccessApp.Jinguanyi, 1000m, Today);
        await DonationAsync(AccessApp.Qingyang, 300.5m, Today);
        await DonationAsync(AccessApp.Zigong, 2000m, "2023-12-31");
        var id = await DeclareAsync(app.Client, "分地区联动" + Guid.NewGuid().ToString("N")[..6], AccessApp.Chengdu, AccessApp.Zigong);
        await ReportAsync(app.Client, id, Report(app.StationIn[AccessApp.Jinguanyi], "2024-01-10", screening: 3, volunteers: 4));
        await ReportAsync(app.Client, id, Report(app.StationIn[AccessApp.Jinjiang], "2024-01-11", care: 2, volunteers: 6));
        await ReportAsync(app.Client, id, Report(app.StationIn[AccessApp.Zigong], "2024-01-11", testing: 9, volunteers: 30));
    }

    private async Task HoursAsync(string region, string name, params (decimal Hours, string? Decision)[] entries)
    {
        var (_, volunteer) = await app.ApprovedVolunteerAsync(region, name);
        foreach (var (hours, decision) in entries)
        {
            var logged = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = Today, hours, activity = "分地区统计" }))
                .ReadAsync<JsonElement>(HttpStatusCode.Created);
            if (decision is not null)
            {
                await (await app.Client.PostJsonAsync($"/api/volunteer-hours/{logged.GetProperty("id").GetInt32()}/decision", new
                {
                    status = decision,
                    reason = decision == "Rejected" ? "重复登记" : null,
                    version = logged.GetProperty("version").GetUInt32(),
                })).ReadAsync<JsonElement>();
            }
        }
    }

    private async Task DonationAsync(string region, decimal yuan, string receivedOn)
    {
        var station = app.StationIn[region];
        var donor = (await (await app.Client.PostJsonAsync("/api/donors", DonationApp.DonorForm(station, "分区爱心企业" + Guid.NewGuid().ToString("N")[..4])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donor, station, yuan, receivedOn)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
    }

    private async Task<Dictionary<string, Linkage>> BreakdownAsync(HttpClient client, string region, string by = "region")
    {
        var breakdown = await (await client.GetUrlAsync($"/api/statistics/breakdown?region={region}&from={From}&to={Today}&by={by}")).ReadAsync<JsonElement>();
        return breakdown.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => Of(r.GetProperty("linkage")));
    }

    private static Linkage Of(JsonElement l) => l.ValueKind != JsonValueKind.Object ? null!
        : new Linkage(l.GetProperty("volunteerHours").GetDecimal(), l.GetProperty("donatedYuanReceived").GetDecimal(),
            l.GetProperty("emergencyReports").GetInt32(), l.GetProperty("emergencyVolunteersMobilised").GetInt32());

    [Fact]
    public async Task Each_child_regions_hours_donations_and_emergency_reports_equal_the_raw_rows_under_it_and_add_up_to_the_summary()
    {
        await ArrangeAsync();

        // Hand-computed: the province's two cities, and 锦江区's own county station on a row of its own.
        var cities = await BreakdownAsync(app.Client, AccessApp.Province);
        Assert.Equal(new Linkage(4m, 1300.5m, 2, 10), cities[AccessApp.Chengdu]);
        Assert.Equal(new Linkage(0m, 0m, 1, 30), cities[AccessApp.Zigong]);
        var townships = await BreakdownAsync(app.Client, AccessApp.Jinjiang);
        Assert.Equal(new Linkage(0m, 0m, 1, 6), townships[AccessApp.Jinjiang]);
        Assert.Equal(new Linkage(2.5m, 1000m, 1, 4), townships[AccessApp.Jinguanyi]);
        Assert.Equal(new Linkage(1.5m, 0m, 0, 0), townships[app.SiblingTownship]);

        // Recomputed from the raw rows (all of them: the administrator sees the whole province), for every row of every level.
        var period = (From: DateOnly.Parse(From, CultureInfo.InvariantCulture), To: DateOnly.Parse(Today, CultureInfo.InvariantCulture));
        await using var db = app.OpenDb();
        var hours = await db.Set<VolunteerHour>().Where(h => h.Status == HourStatus.Confirmed && h.ServedOn >= period.From && h.ServedOn <= period.To)
            .Select(h => new { h.RegionCode, h.Minutes }).ToListAsync(Ct);
        var donations = await db.Set<Donation>().Where(d => d.ReceivedOn >= period.From && d.ReceivedOn <= period.To)
            .Select(d => new { d.RegionCode, d.ValueYuan }).ToListAsync(Ct);
        var reports = await db.Set<EmergencyReport>().Where(r => r.Day >= period.From && r.Day <= period.To)
            .Select(r => new { r.RegionCode, r.VolunteersMobilised }).ToListAsync(Ct);
        foreach (var region in new[] { AccessApp.Province, AccessApp.Chengdu, AccessApp.Jinjiang, AccessApp.Zigong })
        {
            var rows = await BreakdownAsync(app.Client, region);
            foreach (var (key, row) in rows)
            {
                // The region's own row holds its own code only; a child's row everything under the child.
                bool Under(string code) => key == region ? code == region : code.StartsWith(RegionCode.Prefix(key), StringComparison.Ordinal);
                Assert.Equal(new Linkage(Math.Round(hours.Where(h => Under(h.RegionCode)).Sum(h => h.Minutes) / 60m, 2),
                    donations.Where(d => Under(d.RegionCode)).Sum(d => d.ValueYuan), reports.Count(r => Under(r.RegionCode)),
                    reports.Where(r => Under(r.RegionCode)).Sum(r => r.VolunteersMobilised)), row);
            }
            var summary = await SummaryJson.OfAsync(app.Client, region, From, Today);
            var emergencies = summary.GetProperty("emergencies");
            Assert.Equal(new Linkage(summary.GetProperty("volunteerHours").GetDecimal(), summary.GetProperty("donatedYuanReceived").GetDecimal(),
                emergencies.GetProperty("reports").GetInt32(), emergencies.GetProperty("volunteersMobilised").GetInt32()),
                new Linkage(rows.Values.Sum(r => r.Hours), rows.Values.Sum(r => r.Donated), rows.Values.Sum(r => r.Reports), rows.Values.Sum(r => r.Volunteers)));
        }
        Assert.NotEmpty(reports);

        // The county officer's breakdown of their county is the administrator's: the figures are read in the reader's scope.
        Assert.Equal(townships, await BreakdownAsync(app.Clients[AccountRole.CountyOfficer], AccessApp.Jinjiang));
        // By month the figures have no split: no linkage on the rows.
        Assert.All((await BreakdownAsync(app.Client, AccessApp.Province, "month")).Values, l => Assert.Null(l));

        // The export carries the same figures, headed in Chinese.
        using var export = await app.Client.GetUrlAsync($"/api/statistics/breakdown/export?region={AccessApp.Province}&from={From}&to={Today}&by=region");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var sheet = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["地区"]);
        static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        foreach (var (key, name) in new[] { (AccessApp.Chengdu, "成都市"), (AccessApp.Zigong, "自贡市") })
        {
            var line = sheet[name];
            Assert.Equal(cities[key], new Linkage(Number(line["志愿服务时长(小时)"]), Number(line["接收捐赠(元)"]), (int)Number(line["应急日报(份)"]),
                (int)Number(line["应急动员志愿者(人次)"])));
        }
    }
}
