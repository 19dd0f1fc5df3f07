using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Statistics;

/// <summary>
/// The figures of the hand-built 2024 (see <see cref="StatisticsApp"/>) at every level and for periods of
/// whole months, partial months at either edge and a single day: each number below is worked out by hand
/// from the nine records.
/// </summary>
public partial class StatisticsTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private const string Province = "510000000000";
    private const string Chengdu = "510100000000";

    private string Code(string name) => name switch
    {
        "province" => Province,
        "chengdu" => Chengdu,
        "jinjiang" => StatisticsApp.Jinjiang,
        "qingyang" => StatisticsApp.Qingyang,
        "T1" => StatisticsApp.Jinguanyi,
        _ => app.SiblingTownship,
    };

    private static (string From, string To) Period(string name) => name switch
    {
        "year" => ("2024-01-01", "2024-12-31"),
        "edges" => ("2024-01-31", "2024-03-01"), // a day of January, all of February, a day of March
        "feb" => ("2024-02-01", "2024-02-29"),
        "mid" => ("2024-01-16", "2024-03-30"),
        _ => ("2024-03-01", "2024-03-01"),
    };

    [Theory]
    [InlineData("province", "year", 9, 52, 4, 565, "1500.50")]
    [InlineData("province", "edges", 5, 37, 4, 305, "500.50")]
    [InlineData("province", "mid", 6, 38, 4, 345, "500.50")]
    [InlineData("chengdu", "year", 8, 42, 4, 465, "500.50")]
    [InlineData("chengdu", "feb", 3, 3, 3, 125, "500.50")]
    [InlineData("jinjiang", "year", 7, 41, 4, 425, "500.50")]
    [InlineData("jinjiang", "mid", 5, 37, 4, 305, "500.50")]
    [InlineData("qingyang", "mid", 1, 1, 0, 40, "0")]
    [InlineData("qingyang", "edges", 0, 0, 0, 0, "0")]
    [InlineData("T1", "year", 4, 9, 3, 195, "0")]
    [InlineData("T1", "edges", 2, 5, 2, 75, "0")]
    [InlineData("T1", "day", 0, 0, 0, 0, "0")]
    [InlineData("T2", "year", 2, 31, 1, 210, "0")]
    [InlineData("T2", "day", 1, 30, 0, 120, "0")]
    public async Task Figures_equal_the_hand_computed_values_at_every_level_and_for_any_day_range(string region, string period,
        int records, int personTimes, int people, long minutes, string yuan)
    {
        var (from, to) = Period(period);
        var summary = await SummaryAsync(app.Client, Code(region), from, to);

        Assert.Equal((records, personTimes, people, minutes, decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)),
            (summary.Services.ServiceRecords, summary.Services.PersonTimes, summary.Services.PeopleServed, summary.Services.ServiceMinutes,
                summary.Services.ValueYuan));
        Assert.Equal(Math.Round(minutes / 60m, 2), summary.Services.ServiceHours);
    }

    [Fact]
    public async Task The_province_year_names_each_reported_figure_and_says_what_is_not_recorded_yet()
    {
        var summary = await SummaryAsync(app.Client, Province, "2024-01-01", "2024-12-31");

        Assert.Equal(3, summary.SocialAssistancePersonTimes); // 1 + 1 + 1 (two at 锦官驿, one at 青羊区)
        Assert.Equal(37, summary.ElderlyAndChildCarePersonTimes); // 4 + 30 + 3
        Assert.Equal(1, summary.IndustryDevelopmentHelps);
        Assert.Equal(500.50m, summary.ResourceLinkingYuan); // the governance record's 1,000 yuan is not resource linking
        Assert.Equal(1, summary.CommunityActivities);
        Assert.Equal(1, summary.GroupSessions);
        // Linkage: none in this data set, and recorded (a real zero).
        Assert.Equal((0, "recorded"), (summary.CommunityOrganisations.Value, summary.CommunityOrganisations.Status));
        Assert.Equal(0, summary.VolunteerTeams.Value);
        // No volunteer registered in the hand-built data: a recorded zero, not "not yet recorded".
        Assert.Equal((0, "recorded"), (summary.RegisteredVolunteers.Value, summary.RegisteredVolunteers.Status));
        Assert.Equal((3, 3, 2), Row(summary.ByCategory, "SocialAssistance")); // 张大爷 and 李奶奶 once each, one unnamed at 青羊区
        Assert.Equal((3, 37, 3), Row(summary.ByCategory, "ElderlyAndChildCare"));
        Assert.Equal((5, 5, 4), Row(summary.ByMethod, "Other"));
        Assert.Equal((3, 3, 2), Row(summary.ByChannel, "HomeVisit")); // 张大爷, the sibling's resident, and one unnamed
        Assert.Equal(summary.Services.ServiceRecords, summary.ByCategory.Sum(r => r.ServiceRecords));
        Assert.Equal(summary.Services.PersonTimes, summary.ByChannel.Sum(r => r.PersonTimes));
    }

    [Fact]
    public async Task People_served_count_each_resident_once_however_often_served_while_person_times_count_every_time()
    {
        // 锦官驿 in 2024: 张大爷 three times, 李奶奶 three times, 王小明 once, and two unnamed family members.
        var summary = await SummaryAsync(app.Client, StatisticsApp.Jinguanyi, "2024-01-01", "2024-12-31");

        Assert.Equal(9, summary.Services.PersonTimes);
        Assert.Equal(3, summary.Services.PeopleServed);
    }

    private static (int, int, int) Row(List<FigureRowDto> rows, string key) =>
        rows.Single(r => r.Key == key) is var row ? (row.ServiceRecords, row.PersonTimes, row.PeopleServed) : default;

    internal static async Task<Summary> SummaryAsync(HttpClient client, string region, string from, string to) =>
        await (await client.GetUrlAsync($"/api/statistics/summary?region={region}&from={from}&to={to}")).ReadAsync<Summary>();
}
