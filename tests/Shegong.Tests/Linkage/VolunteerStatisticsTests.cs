using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Statistics;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Linkage.Volunteers;

namespace Shegong.Tests.Linkage;

/// <summary>Confirmed volunteer hours in the statistics summary, and the hours list behind the figure.</summary>
public partial class VolunteerTests
{
    [Fact]
    public async Task The_statistics_summary_counts_confirmed_hours_of_the_period_and_the_hours_list_adds_up_to_it()
    {
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        async Task<decimal> SummaryHoursAsync(string region) =>
            (await SummaryJson.OfAsync(app.Client, region, today, today)).GetProperty("volunteerHours").GetDecimal();
        var (township, county) = (await SummaryHoursAsync(AccessApp.Jinguanyi), await SummaryHoursAsync(AccessApp.Jinjiang));
        var (_, volunteer) = await app.ApprovedVolunteerAsync(name: "赵统计");
        var confirmed = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 2.5, activity = "助老送餐" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var rejected = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 4, activity = "重复登记" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 1, activity = "待确认" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(township, await SummaryHoursAsync(AccessApp.Jinguanyi)); // logged, not confirmed: not counted

        await (await app.Manager.PostJsonAsync($"/api/volunteer-hours/{confirmed.GetProperty("id").GetInt32()}/decision",
            new { status = "Confirmed", version = confirmed.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();
        await (await app.Manager.PostJsonAsync($"/api/volunteer-hours/{rejected.GetProperty("id").GetInt32()}/decision",
            new { status = "Rejected", reason = "重复登记", version = rejected.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();

        Assert.Equal(township + 2.5m, await SummaryHoursAsync(AccessApp.Jinguanyi));
        Assert.Equal(county + 2.5m, await SummaryHoursAsync(AccessApp.Jinjiang));
        // The figure's drill-through (confirmed hours, same region and day range) adds up to it; its list holds the same entries.
        foreach (var region in new[] { AccessApp.Jinguanyi, AccessApp.Jinjiang })
        {
            var query = $"region={region}&status=Confirmed&from={today}&to={today}";
            var totals = await (await app.Client.GetUrlAsync($"/api/volunteer-hours/totals?{query}")).ReadAsync<JsonElement>();
            Assert.Equal(await SummaryHoursAsync(region), totals.GetProperty("hours").GetDecimal());
            var list = await (await app.Client.GetUrlAsync($"/api/volunteer-hours?{query}&pageSize=100")).ReadAsync<JsonElement>();
            Assert.Equal(totals.GetProperty("entries").GetInt32(), list.GetProperty("total").GetInt32());
            Assert.All(list.GetProperty("items").EnumerateArray(), h => Assert.Equal("Confirmed", h.GetProperty("status").GetString()));
        }
        // Sorted by hours, both ways: the same entries in that order.
        var byHours = $"/api/volunteer-hours?region={AccessApp.Jinjiang}&from={today}&to={today}&pageSize=100&sort=";
        var up = (await (await app.Client.GetUrlAsync(byHours + "hours")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("hours").GetDecimal()).ToList();
        var down = (await (await app.Client.GetUrlAsync(byHours + "-hours")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("hours").GetDecimal()).ToList();
        Assert.True(up.Distinct().Count() > 1, "the test needs entries of different lengths");
        Assert.Equal(up.Order(), up);
        Assert.Equal(up.OrderDescending(), down);
        var bad = await (await app.Client.GetUrlAsync($"/api/volunteer-hours/totals?from={today}&to=2000-01-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldError("to"));
    }
}

/// <summary>Hours per team: what the stations confirmed of the hours logged while in the team.</summary>
public partial class VolunteerTests
{
    [Fact]
    public async Task A_team_shows_the_confirmed_hours_its_volunteers_logged_in_it()
    {
        var village = app.Places[AccountRole.StationManager][Relation.Own].VillageCode;
        var team = (await (await app.Client.PostJsonAsync("/api/volunteer-teams", TeamTests.Form(app.StationIn[AccessApp.Jinguanyi], village, "时长统计服务队")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var (id, volunteer) = await app.ApprovedVolunteerAsync(name: "钱队员");
        await using (var db = app.OpenDb())
        {
            // Arranged directly: the team a volunteer serves in is the station's staff's edit, not what this test is about.
            await db.Set<Volunteer>().Where(v => v.Id == id).ExecuteUpdateAsync(v => v.SetProperty(x => x.TeamId, team), Ct);
        }
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        var confirmed = await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 3, activity = "巡访独居老人" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await volunteer.PostJsonAsync("/api/volunteers/me/hours", new { servedOn = today, hours = 2, activity = "待确认" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await app.Manager.PostJsonAsync($"/api/volunteer-hours/{confirmed.GetProperty("id").GetInt32()}/decision",
            new { status = "Confirmed", version = confirmed.GetProperty("version").GetUInt32() })).ReadAsync<JsonElement>();

        Assert.Equal(3m, (await (await app.Client.GetUrlAsync($"/api/volunteer-teams/{team}")).ReadAsync<JsonElement>()).GetProperty("confirmedHours").GetDecimal());
        var listed = await (await app.Client.GetUrlAsync($"/api/volunteer-teams?region={village}&pageSize=100")).ReadAsync<JsonElement>();
        Assert.Equal(3m, listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == team).GetProperty("confirmedHours").GetDecimal());
    }
}
