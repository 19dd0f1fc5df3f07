using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shegong.Web.Common;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Compliance;

namespace Shegong.Tests.Workforce;

public class StaffSessionApiTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trainings_and_supervisions_add_up_to_hours_per_worker_per_year()
    {
        var agency = await app.AgencyAsync("温江培训测试社工中心", CreditCodes.Make(50), "510115000000");
        var county = await app.StationAsync("温江区社会工作服务总站", StationLevel.CountyStation, "510115000000");
        var township = await app.StationAsync("柳城街道社工站", StationLevel.TownshipStation, "510115001000");
        var (a, b) = (await app.WorkerAsync(agency, township), await app.WorkerAsync(agency, township));

        async Task PostAsync(string route, string date, decimal hours, params int[] attendees)
        {
            var response = await app.Client.PostAsJsonAsync(route,
                new { organiserStationId = county, date, hours, topic = "个案工作实务", leader = "李教授", attendeeIds = attendees }, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await PostAsync("/api/trainings", "2025-03-01", 6, a, b);
        await PostAsync("/api/trainings", "2025-09-01", 3.5m, a);
        await PostAsync("/api/supervisions", "2025-05-01", 2, b);
        await PostAsync("/api/trainings", "2024-11-01", 8, a);

        var refused = await app.Client.PostAsJsonAsync("/api/trainings",
            new { organiserStationId = township, date = "2025-01-01", hours = 2, topic = "t", leader = "l" }, Ct);
        await SocialWorkerApiTests.AssertFieldErrorAsync(refused, "organiserStationId", "县级社工总站");

        var hours = await app.Client.GetFromJsonAsync<PagedResult<DevelopmentHoursRow>>("/api/workforce/hours?region=510115000000&year=2025", Ct);
        Assert.Equal((9.5m, 0m), hours!.Items.Where(r => r.SocialWorkerId == a).Select(r => (r.TrainingHours, r.SupervisionHours)).Single());
        Assert.Equal((6m, 2m), hours.Items.Where(r => r.SocialWorkerId == b).Select(r => (r.TrainingHours, r.SupervisionHours)).Single());

        var detail = await app.Client.GetFromJsonAsync<JsonElement>($"/api/social-workers/{a}", Ct);
        Assert.Equal(2, detail.GetProperty("hours").GetArrayLength());
        var trainings = await app.Client.GetFromJsonAsync<JsonElement>("/api/trainings?region=510115000000&year=2025", Ct);
        Assert.Equal(2, trainings.GetProperty("total").GetInt32());
    }
}
