using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.ServiceRecords;

/// <summary>The person-times rule of docs/person-times.md, per record and over many.</summary>
public class PersonTimesTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private static ServiceFacts Facts(int[] residents, int headCount) => new(new DateOnly(2025, 5, 1), ServiceCategory.SocialAssistance,
        ServiceMethod.Other, ServiceChannel.WalkIn, 30, [1], residents, headCount);

    [Theory]
    [InlineData(new[] { 1 }, 0, 1)]
    [InlineData(new[] { 1, 2, 3 }, 0, 3)]
    [InlineData(new int[0], 12, 12)]
    [InlineData(new[] { 1, 2 }, 5, 7)]
    [InlineData(new[] { 1, 1, 2 }, 0, 2)]
    public void A_record_counts_each_named_resident_once_plus_its_head_count(int[] residents, int headCount, int personTimes) =>
        Assert.Equal(personTimes, ServiceRecord.Create(ServiceSource.Direct, 1, "510104017000", Facts(residents, headCount)).PersonTimes);

    [Fact]
    public void A_correction_recounts()
    {
        var record = ServiceRecord.Create(ServiceSource.Direct, 1, "510104017000", Facts([1, 2], 3));
        record.Revise(Facts([2], 0));
        Assert.Equal(1, record.PersonTimes);
    }

    [Theory]
    [InlineData(40, 3, 37)]
    [InlineData(3, 3, 0)]
    [InlineData(2, 5, 0)]
    public void An_activity_counts_its_participants_named_and_not(int participants, int named, int headCount)
    {
        Assert.Equal(headCount, PersonTimesRule.ActivityHeadCount(participants, named));
        var record = ServiceRecord.Create(ServiceSource.Activity, 1, "510104017000",
            Facts([.. Enumerable.Range(1, named)], PersonTimesRule.ActivityHeadCount(participants, named)));
        Assert.Equal(Math.Max(participants, named), record.PersonTimes);
    }

    [Fact]
    public async Task People_served_are_distinct_residents_never_a_sum_of_person_times()
    {
        var worker = app.Clients[AccountRole.SocialWorker];
        const string day = "2025-06-03";
        var (a, b) = (app.OwnResidents[0], app.OwnResidents[1]);
        // A served three times (once with B), B once, and 4 unnamed people.
        foreach (var visit in new[] { app.Visit([a], servedOn: day), app.Visit([a, b], servedOn: day), app.Visit([a], headCount: 4, servedOn: day) })
        {
            (await worker.PostJsonAsync("/api/service-records", visit)).EnsureSuccessStatusCode();
        }
        var figures = await (await worker.GetUrlAsync($"/api/service-records/summary?from={day}&to={day}")).ReadAsync<RecordSummary>();
        Assert.Equal(3, figures.Records);
        Assert.Equal(1 + 2 + 5, figures.PersonTimes);
        Assert.Equal(2, figures.PeopleServed);
        var ofA = await (await worker.GetUrlAsync($"/api/service-records/summary?from={day}&to={day}&residentId={a}")).ReadAsync<RecordSummary>();
        Assert.Equal(3, ofA.Records);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetUrlAsync("/api/service-records/summary")).StatusCode);
    }
}
