using Shegong.Web.Common;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Stations;

public class StationLifecycleTests
{
    public static TheoryData<StationStatus, StationStatus, bool> Moves()
    {
        var allowed = new HashSet<(StationStatus, StationStatus)>
        {
            (StationStatus.Planned, StationStatus.UnderConstruction),
            (StationStatus.UnderConstruction, StationStatus.Operating),
            (StationStatus.Operating, StationStatus.Suspended),
            (StationStatus.Suspended, StationStatus.Operating),
            (StationStatus.Planned, StationStatus.Closed),
            (StationStatus.UnderConstruction, StationStatus.Closed),
            (StationStatus.Operating, StationStatus.Closed),
            (StationStatus.Suspended, StationStatus.Closed),
        };
        var data = new TheoryData<StationStatus, StationStatus, bool>();
        foreach (var from in Enum.GetValues<StationStatus>())
        {
            foreach (var to in Enum.GetValues<StationStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_pair_of_statuses_is_allowed_or_refused_as_the_lifecycle_says(StationStatus from, StationStatus to, bool allowed)
    {
        var station = new Station { Name = "测试站", Level = StationLevel.TownshipStation, RegionCode = "510104017000" };
        station.StartAs(from, new DateOnly(2024, 1, 1));
        if (allowed)
        {
            station.MoveTo(to, new DateOnly(2024, 2, 1));
            Assert.Equal(to, station.Status);
            Assert.Equal(2, station.StatusHistory.Count);
        }
        else
        {
            var problem = Assert.Throws<RequestProblem>(() => station.MoveTo(to, new DateOnly(2024, 2, 1)));
            Assert.Equal(400, problem.Status);
            Assert.Equal(from, station.Status);
            Assert.Single(station.StatusHistory);
        }
    }

    [Fact]
    public void The_first_opening_sets_the_opened_on_date_and_a_reopening_keeps_it()
    {
        var station = new Station { Name = "测试站", Level = StationLevel.TownshipStation, RegionCode = "510104017000" };
        station.StartAs(StationStatus.UnderConstruction, new DateOnly(2024, 1, 1));
        station.MoveTo(StationStatus.Operating, new DateOnly(2024, 3, 1));
        station.MoveTo(StationStatus.Suspended, new DateOnly(2024, 6, 1));
        station.MoveTo(StationStatus.Operating, new DateOnly(2024, 7, 1));
        Assert.Equal(new DateOnly(2024, 3, 1), station.OpenedOn);
    }
}
