using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.ServiceRecords;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Statistics;

namespace Shegong.Tests.Statistics;

/// <summary>A leaf is shared by every save of the same kind of service in a township and month: a save that lost the race on it is repeated, not refused.</summary>
public partial class StatisticsTests
{
    [Fact]
    public async Task A_save_that_read_a_leaf_before_another_save_moved_it_still_counts_once_on_top()
    {
        var september = new DateOnly(2025, 9, 1);
        (await Worker.PostJsonAsync("/api/service-records", app.Visit(servedOn: "2025-09-05"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("tests", audited: false);
        var late = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        // This context holds the leaf as it was (one record) while another request adds to it.
        Assert.Equal(1, (await late.Set<ServiceSummary>().SingleAsync(s => s.RegionCode == StatisticsApp.Jinguanyi && s.Month == september, Ct)).Records);
        (await Worker.PostJsonAsync("/api/service-records", app.Visit(servedOn: "2025-09-06"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        late.ServiceRecords.Add(ServiceRecord.Create(ServiceSource.Direct, app.OwnStation, StatisticsApp.Jinguanyi, new ServiceFacts(
            new DateOnly(2025, 9, 7), ServiceCategory.ElderlyAndChildCare, ServiceMethod.Other, ServiceChannel.HomeVisit, 45, [], [app.OwnResidents[1]], 0)));
        await late.SaveChangesAsync(Ct);

        Assert.Equal((3, 3), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-09-01", "2025-09-30"));
        Assert.Equal((3, 3), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-09-02", "2025-09-29")); // the same from the records
    }

    // As a request's save runs: audited, inside the request's own transaction (WriteTransaction). On
    // PostgreSQL a failed statement aborts a transaction, so the repeat only works because the save's
    // savepoint is rolled back first; and the repeat must not write the audit twice.
    [Fact]
    public async Task A_save_inside_an_open_transaction_that_lost_the_race_on_a_leaf_is_repeated_and_audited_once()
    {
        var december = new DateOnly(2025, 12, 1); // a month no other test of this class writes
        (await Worker.PostJsonAsync("/api/service-records", app.Visit(servedOn: "2025-12-05"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("tests", audited: true);
        var late = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        Assert.Equal(1, (await late.Set<ServiceSummary>().SingleAsync(s => s.RegionCode == StatisticsApp.Jinguanyi && s.Month == december, Ct)).Records);
        (await Worker.PostJsonAsync("/api/service-records", app.Visit(servedOn: "2025-12-06"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Opened only now: SQLite would hold its one write lock from here and block the other request.
        await using var transaction = await late.Database.BeginTransactionAsync(Ct);

        var record = ServiceRecord.Create(ServiceSource.Direct, app.OwnStation, StatisticsApp.Jinguanyi, new ServiceFacts(
            new DateOnly(2025, 12, 7), ServiceCategory.ElderlyAndChildCare, ServiceMethod.Other, ServiceChannel.HomeVisit, 45, [], [app.OwnResidents[1]], 0));
        late.ServiceRecords.Add(record);
        await late.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);

        Assert.Equal((3, 3), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-12-01", "2025-12-31"));
        Assert.Equal((3, 3), await FiguresAsync(StatisticsApp.Jinguanyi, "2025-12-02", "2025-12-30")); // the same from the records
        await using var check = app.OpenDb();
        Assert.Equal(1, await check.AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.Entity == nameof(ServiceRecord) && a.EntityId == record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }
}
