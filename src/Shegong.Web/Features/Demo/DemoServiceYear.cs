using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Demo;

/// <summary>An operating township station with its resident social workers.</summary>
internal sealed record DemoStationStaff(int StationId, string RegionCode, List<int> WorkerIds);

/// <summary>
/// A year (2025) of service records whose province totals are the seed's published figures:
/// 64,500 person-times of social assistance, 191,400 of elderly and child care, 3,388 industry
/// helps, 8,298 community activities, 28.46 million yuan of resources linked and 2.5 million
/// person-times reached in all. Records fall on stations in proportion to their workers and on
/// months by a seasonal curve (quiet at the Spring Festival, busy at year end). Activities are real
/// community activities, each with one named participant, the rest of its crowd as a count, and the
/// service record it makes (source Activity); they carry no category published alone, so they take
/// governance and resource linking.
/// </summary>
internal sealed class DemoServiceYear(DemoBulk bulk, Random random)
{
    public const int SocialAssistancePersonTimes = 64_500;
    public const int CarePersonTimes = 191_400;
    public const int IndustryHelps = 3_388;
    public const int Activities = 8_298;
    public const decimal LinkedYuan = 28_460_000m;
    public const int PersonTimesReached = 2_500_000;

    private static readonly double[] MonthWeights = [0.8, 0.55, 1.0, 1.0, 1.05, 1.1, 1.0, 0.9, 1.05, 1.05, 1.15, 1.25];

    private static readonly string[] RecordColumns =
    [
        "Id", "ServedOn", "StationId", "RegionCode", "Category", "Method", "Channel", "DurationMinutes", "HeadCount", "PersonTimes",
        "ValueYuan", "Source", "Content", "CreatedAt",
    ];

    private static readonly string[] ActivityColumns =
    [
        "Id", "StationId", "RegionCode", "Title", "Date", "Category", "DurationMinutes", "ParticipantCount", "Volunteers", "ServiceRecordId", "CreatedAt",
    ];

    private readonly List<object?[]> records = [];
    private readonly List<object?[]> activities = [];
    private readonly List<object?[]> participants = [];
    private readonly List<object?[]> workers = [];
    private readonly List<object?[]> beneficiaries = [];
    private readonly List<DemoLink> links = [];
    private int nextId;
    private int personTimes;
    private IReadOnlyList<DemoStationStaff> stations = [];
    private double[] cumulativeWeight = [];
    private Dictionary<int, List<DemoResident>> residents = [];

    public async Task<int> SeedAsync(IReadOnlyList<DemoStationStaff> staffed, Dictionary<int, List<DemoResident>> residentsByStation, CancellationToken cancellationToken)
    {
        stations = staffed.Where(s => residentsByStation.ContainsKey(s.StationId)).ToList();
        residents = residentsByStation;
        var total = 0.0;
        cumulativeWeight = stations.Select(s => total += s.WorkerIds.Count).ToArray();
        nextId = await bulk.NextIdAsync("ServiceRecords", cancellationToken);

        Until(() => personTimes, SocialAssistancePersonTimes, () => Person(ServiceCategory.SocialAssistance, DemoTexts.Assistance,
            random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 }, head: 0, method: random.NextDouble() < 0.3 ? ServiceMethod.Casework : ServiceMethod.Other));
        Until(() => personTimes - SocialAssistancePersonTimes, CarePersonTimes, () => Person(ServiceCategory.ElderlyAndChildCare, DemoTexts.Care,
            random.Next(1, 3), head: random.NextDouble() < 0.4 ? random.Next(2, 11) : 0,
            method: random.NextDouble() switch { < 0.6 => ServiceMethod.Other, < 0.8 => ServiceMethod.Casework, _ => ServiceMethod.GroupWork }, careOnly: true));
        for (var i = 0; i < IndustryHelps; i++)
        {
            Person(ServiceCategory.IndustryDevelopment, DemoTexts.Industry, 1, 0, ServiceMethod.Other);
        }
        for (var i = 0; i < 18_000; i++)
        {
            Person(ServiceCategory.NeedsAssessment, DemoTexts.Assessment, 1, 0, ServiceMethod.Casework);
        }
        for (var i = 0; i < 4_000; i++)
        {
            Person(ServiceCategory.CommunityGovernance, DemoTexts.Governance, random.Next(0, 3), random.Next(8, 31), ServiceMethod.CommunityWork);
        }
        // Resource linking comes from donations linked to residents (each link holds its record), never typed directly.
        var linked = 0m;
        while (linked < LinkedYuan * 0.8m)
        {
            var yuan = random.Next(5, 120) * 100m;
            linked += yuan;
            var id = Person(ServiceCategory.ResourceLinking, DemoTexts.Linking, 1, 0, ServiceMethod.Other, yuan: yuan, source: ServiceSource.DonationLink);
            var record = records[^1];
            if (beneficiaries.Count > 0 && (int)beneficiaries[^1][0]! == id)
            {
                links.Add(new DemoLink(id, (int)record[2]!, (string)record[3]!, (DateOnly)record[1]!, LinkTarget.Resident, (int)beneficiaries[^1][1]!, yuan));
            }
            else
            {
                record[11] = ServiceSource.Direct.ToString();
            }
        }
        AddActivities(LinkedYuan - linked);

        await bulk.InsertAsync("ServiceRecords", RecordColumns, records, versioned: true, cancellationToken);
        await bulk.InsertAsync("ServiceRecordWorkers", ["ServiceRecordId", "SocialWorkerId"], workers, versioned: false, cancellationToken);
        await bulk.InsertAsync("ServiceBeneficiaries", ["ServiceRecordId", "ResidentId"], beneficiaries, versioned: false, cancellationToken);
        await bulk.InsertAsync("CommunityActivities", ActivityColumns, activities, versioned: true, cancellationToken);
        await bulk.InsertAsync("ActivityParticipants", ["CommunityActivityId", "ResidentId"], participants, versioned: false, cancellationToken);
        await new DemoDonations(bulk, random).SeedAsync(links, cancellationToken);
        return records.Count;
    }

    // The activities bring the year's total to the published person-times reached; a fifth of
    // the linked yuan went to them (donations linked to an activity, each link with its own record), the rest to residents.
    private void AddActivities(decimal yuanLeft)
    {
        var remaining = PersonTimesReached - personTimes;
        var shares = Enumerable.Range(0, Activities).Select(_ => 0.3 + 1.4 * random.NextDouble()).ToArray();
        var scale = (remaining - Activities) / shares.Sum();
        var activityId = 1;
        for (var i = 0; i < Activities; i++)
        {
            var linking = i % 5 == 0;
            var head = (int)Math.Round(shares[i] * scale);
            var category = linking ? ServiceCategory.ResourceLinking : ServiceCategory.CommunityGovernance;
            var recordId = Person(category, DemoTexts.Activity, 1, head, ServiceMethod.CommunityWork, workerCount: random.Next(1, 4), source: ServiceSource.Activity);
            var record = records[^1];
            var named = beneficiaries.Count > 0 && (int)beneficiaries[^1][0]! == recordId ? (int)beneficiaries[^1][1]! : (int?)null;
            // The activity says what its record says: its station, the station's region as the place, date, category, duration, crowd.
            activities.Add([activityId, record[2], record[3], record[12], record[1], record[4], record[7], (int)record[9]!,
                random.NextDouble() < 0.6 ? DemoTexts.Volunteers[random.Next(DemoTexts.Volunteers.Length)] : null, recordId, record[13]]);
            if (named is { } resident)
            {
                participants.Add([activityId, resident]);
            }
            if (linking)
            {
                LinkRecord(activityId, record, Math.Round(yuanLeft / ((Activities + 4) / 5), 2));
            }
            activityId++;
        }
    }

    /// <summary>The record of a donation's link to an activity: resource linking at the activity's station and date, no one named.</summary>
    private void LinkRecord(int activityId, object?[] activity, decimal yuan)
    {
        var id = nextId++;
        records.Add([id, activity[1], activity[2], activity[3], ServiceCategory.ResourceLinking.ToString(), ServiceMethod.CommunityWork.ToString(),
            ServiceChannel.WalkIn.ToString(), 0, 0, 0, yuan, ServiceSource.DonationLink.ToString(), activity[12], activity[13]]);
        links.Add(new DemoLink(id, (int)activity[2]!, (string)activity[3]!, (DateOnly)activity[1]!, LinkTarget.Activity, activityId, yuan));
    }

    private static void Until(Func<int> reached, int target, Action add)
    {
        while (reached() < target)
        {
            add();
        }
    }

    private int Person(ServiceCategory category, string[] texts, int named, int head, ServiceMethod method,
        decimal? yuan = null, bool careOnly = false, int workerCount = 1, ServiceSource source = ServiceSource.Direct)
    {
        var station = PickStation();
        var pool = residents[station.StationId];
        var chosen = new HashSet<int>();
        for (var tries = 0; chosen.Count < named && tries < named * 4; tries++)
        {
            var resident = pool[random.Next(pool.Count)];
            if (!careOnly || resident.Group != DemoAgeGroup.Adult)
            {
                chosen.Add(resident.Id);
            }
        }
        var servedOn = PickDate();
        var channel = method == ServiceMethod.CommunityWork ? ServiceChannel.WalkIn : random.NextDouble() switch
        {
            < 0.5 => ServiceChannel.HomeVisit,
            < 0.85 => ServiceChannel.WalkIn,
            < 0.97 => ServiceChannel.Phone,
            _ => ServiceChannel.Online,
        };
        var id = nextId++;
        records.Add(
        [
            id, servedOn, station.StationId, station.RegionCode, category.ToString(), method.ToString(), channel.ToString(),
            method == ServiceMethod.CommunityWork ? random.Next(6, 17) * 15 : random.Next(2, 9) * 15, head, chosen.Count + head,
            yuan, source.ToString(), texts[random.Next(texts.Length)],
            servedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        ]);
        personTimes += chosen.Count + head;
        foreach (var worker in station.WorkerIds.OrderBy(_ => random.Next()).Take(workerCount))
        {
            workers.Add([id, worker]);
        }
        beneficiaries.AddRange(chosen.Select(r => new object?[] { id, r }));
        return id;
    }

    private DemoStationStaff PickStation()
    {
        var index = Array.BinarySearch(cumulativeWeight, random.NextDouble() * cumulativeWeight[^1]);
        return stations[Math.Min(index < 0 ? ~index : index, stations.Count - 1)];
    }

    private DateOnly PickDate()
    {
        var pick = random.NextDouble() * MonthWeights.Sum();
        var month = 0;
        while (pick > MonthWeights[month] && month < 11)
        {
            pick -= MonthWeights[month++];
        }
        var first = new DateOnly(2025, month + 1, 1);
        return first.AddDays(random.Next(DateTime.DaysInMonth(2025, month + 1)));
    }
}
