using Shegong.Web.Components.Lists;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Tests.Common;

/// <summary>A list's URL holds its filters, sort, page and size, and reads back to the same list.</summary>
public class ListQueryTests
{
    [Fact]
    public void A_list_state_survives_its_own_url()
    {
        var state = new ListState<StationFilter>(new StationFilter("510104000000", StationLevel.TownshipStation, null, "东 湖"), 3, 50, "-openedOn");
        var url = state.ToUrl("/stations");
        Assert.Equal(state, ListState<StationFilter>.FromUrl("http://x" + url));
        Assert.DoesNotContain("status", url);
    }

    [Fact]
    public void Nonsense_in_a_url_falls_back_to_the_defaults_instead_of_failing()
    {
        var state = ListState<StationFilter>.FromUrl("http://x/stations?level=Palace&page=-2&pageSize=100000");
        Assert.Equal(new ListState<StationFilter>(new StationFilter(), 1, ListState<StationFilter>.DefaultPageSize, null), state);
    }

    [Fact]
    public void Dates_travel_as_yyyy_MM_dd_in_the_url()
    {
        var audit = new AuditFilter(From: new DateOnly(2026, 3, 1));
        Assert.Contains(new KeyValuePair<string, string?>("from", "2026-03-01"), audit.ToQuery());
        var workers = new SocialWorkerFilter(Search: "王");
        Assert.Equal(["search"], workers.ToQuery().Select(p => p.Key));
    }
}
