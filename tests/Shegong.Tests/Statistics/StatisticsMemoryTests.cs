using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.ServiceRecords;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Statistics.Memory;

namespace Shegong.Tests.Statistics;

/// <summary>The in-memory copy of the figures follows every save: people-only changes, and saves it was never told about.</summary>
public partial class StatisticsTests
{
    [Fact]
    public async Task A_correction_that_only_swaps_the_resident_served_changes_people_served_in_the_next_read()
    {
        (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.OwnResidents[0]], servedOn: "2025-10-03"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.OwnResidents[1]], servedOn: "2025-10-04")))
            .ReadAsync<RecordDetail>(HttpStatusCode.Created);
        var before = (await SummaryAsync(app.Client, Province, "2025-10-01", "2025-10-31")).Services;
        Assert.Equal((2, 2, 2), (before.ServiceRecords, before.PersonTimes, before.PeopleServed));

        // Same category, method, channel and count: the leaf's figures do not move, only who was served.
        (await Worker.PutJsonAsync($"/api/service-records/{second.Id}",
            Api.WithVersion(app.Visit([app.OwnResidents[0]], servedOn: "2025-10-04"), second.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = (await SummaryAsync(app.Client, Province, "2025-10-01", "2025-10-31")).Services;
        Assert.Equal((2, 2, 1), (after.ServiceRecords, after.PersonTimes, after.PeopleServed));
    }

    [Fact]
    public async Task A_copy_in_another_process_sees_a_save_it_was_never_told_about_in_its_next_read()
    {
        // A second copy over the same database stands for another app process: nothing in this one tells it of saves.
        using var other = new StatisticsMemory(app.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<StatisticsMemory>.Instance);
        var (low, high) = RegionCode.SubtreeRange(StatisticsApp.Jinjiang);
        var november = new DateOnly(2025, 11, 1);
        using (var before = await other.ReadAsync(low, high, november, november, Ct))
        {
            Assert.Equal((0, 0), (before.Combos.Values.Sum(t => t.Records), before.People(PeopleDims.All)));
        }

        (await Worker.PostJsonAsync("/api/service-records", app.Visit([app.OwnResidents[0], app.OwnResidents[1]], servedOn: "2025-11-20")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        using var after = await other.ReadAsync(low, high, november, november, Ct);
        Assert.Equal((1, 2, 2), (after.Combos.Values.Sum(t => t.Records), after.Combos.Values.Sum(t => t.PersonTimes), after.People(PeopleDims.All)));
    }
}
