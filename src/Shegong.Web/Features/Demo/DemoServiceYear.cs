using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Demo;

/// <summary>A resident social worker's post at a station, held from the day the assignment began.</summary>
internal sealed record DemoPost(int WorkerId, DateOnly From);

/// <summary>
/// An operating township station with its resident social workers. A worker serves only from the
/// day their post began, so a record, case, group or request names only workers at the station on its day.
/// </summary>
internal sealed record DemoStationStaff(int StationId, string RegionCode, List<DemoPost> Posts)
{
    public List<int> WorkerIds => [.. Posts.Select(p => p.WorkerId)];

    /// <summary>The first day the station had a resident worker (never before it opened: a worker is hired after the opening).</summary>
    public DateOnly StaffedFrom => Posts.Min(p => p.From);

    public List<int> WorkersOn(DateOnly day) => [.. Posts.Where(p => p.From <= day).Select(p => p.WorkerId)];

    public int WorkerOn(DateOnly day, Random random)
    {
        var on = WorkersOn(day);
        return on[random.Next(on.Count)];
    }

    public bool Serves(int workerId, DateOnly day) => Posts.Any(p => p.WorkerId == workerId && p.From <= day);

    /// <summary>Days of resident work the station had in <paramref name="year"/>: its share of the year's services.</summary>
    public int WorkerDaysIn(int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return Posts.Sum(p => Math.Max(0, end.DayNumber - (p.From > start ? p.From : start).DayNumber + 1));
    }
}

/// <summary>The station and social worker behind the <c>demo-worker</c> account (<see cref="DemoAccounts"/>), whose today page must have work on it.</summary>
internal sealed record DemoWorkerPlace(int StationId, int WorkerId);

/// <summary>A record drawn for a source that names its own people later (a case contact: the case's resident and worker).</summary>
internal sealed record DemoSlot(int RecordId, DemoStationStaff Station, DateOnly Date, ServiceCategory Category);

/// <summary>A record that names one resident and one worker: an assessment's, or a candidate to be a request's.</summary>
internal sealed record DemoServed(int RecordId, DemoStationStaff Station, DateOnly Date, ServiceCategory Category, int ResidentId, int WorkerId);

/// <summary>
/// A year (2025) of service records whose province totals are the seed's published figures:
/// 64,500 person-times of social assistance, 191,400 of elderly and child care, 3,388 industry
/// helps, 8,298 community activities, 28.46 million yuan of resources linked and 2.5 million
/// person-times reached in all. Records fall on stations in proportion to their workers and on
/// months by a seasonal curve (quiet at the Spring Festival, busy at year end). Activities are real
/// community activities, each with one named participant, the rest of its crowd as a count, and the
/// service record it makes (source Activity); they carry no category published alone, so they take
/// governance and resource linking.
/// Every Casework-method record is a case contact's (<see cref="DemoCases"/>), every GroupWork one a
/// group session's (<see cref="DemoGroups"/>), every NeedsAssessment one an assessment's
/// (<see cref="DemoAssessments"/>), and some one-off services are completed requests'
/// (<see cref="DemoRequests"/>): the sources hold their records as the real services do, so
/// nothing is counted twice and the totals are those of the records alone.
/// </summary>
internal sealed class DemoServiceYear(DemoBulk bulk, Random random)
{
    public const int SocialAssistancePersonTimes = 64_500;
    public const int CarePersonTimes = 191_400;
    public const int IndustryHelps = 3_388;
    public const int Activities = 8_298;
    public const decimal LinkedYuan = 28_460_000m;
    public const int PersonTimesReached = 2_500_000;

    /// <summary>The service year the figures are of.</summary>
    public const int Year = 2025;

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
    private readonly Dictionary<ServiceCategory, int> categoryTimes = [];
    private int firstId;
    private int nextId;
    private int personTimes;
    private double[] cumulativeWeight = [];

    public IReadOnlyList<DemoStationStaff> Stations { get; private set; } = [];
    public Dictionary<int, List<DemoResident>> Residents { get; private set; } = [];
    public Dictionary<int, DemoStationStaff> StationsById { get; private set; } = [];

    /// <summary>Casework records waiting for their case (<see cref="DemoCases"/>), which names the resident and worker.</summary>
    public List<DemoSlot> ContactSlots { get; } = [];

    /// <summary>NeedsAssessment records, each to become an assessment's.</summary>
    public List<DemoServed> AssessmentRecords { get; } = [];

    /// <summary>One-off services for one named resident by one worker, any of which a completed request may hold.</summary>
    public List<DemoServed> RequestCandidates { get; } = [];

    public async Task<int> SeedAsync(IReadOnlyList<DemoStationStaff> staffed, Dictionary<int, List<DemoResident>> residentsByStation,
        DemoWorkerPlace? demoWorker, DemoNames names, CancellationToken cancellationToken)
    {
        // Only stations staffed during the year serve in it, each in proportion to its days of resident work.
        Stations = staffed.Where(s => residentsByStation.ContainsKey(s.StationId) && s.WorkerDaysIn(Year) > 0).ToList();
        StationsById = Stations.ToDictionary(s => s.StationId);
        Residents = residentsByStation;
        var total = 0.0;
        cumulativeWeight = Stations.Select(s => total += s.WorkerDaysIn(Year)).ToArray();
        firstId = nextId = await bulk.NextIdAsync("ServiceRecords", cancellationToken);

        // Group sessions first: their attendance counts towards the care figure the loop below completes.
        var groups = new DemoGroups(this, random, demoWorker).Build();
        Until(() => Times(ServiceCategory.SocialAssistance), SocialAssistancePersonTimes, () =>
        {
            var named = random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 };
            if (random.NextDouble() < 0.3)
            {
                Contact(ServiceCategory.SocialAssistance, DemoTexts.Assistance);
            }
            else
            {
                Person(ServiceCategory.SocialAssistance, DemoTexts.Assistance, named, head: 0, method: ServiceMethod.Other);
            }
        });
        Until(() => Times(ServiceCategory.ElderlyAndChildCare), CarePersonTimes, () =>
        {
            var named = random.Next(1, 3);
            var head = random.NextDouble() < 0.4 ? random.Next(2, 11) : 0;
            if (random.NextDouble() < 0.25)
            {
                Contact(ServiceCategory.ElderlyAndChildCare, DemoTexts.Care);
            }
            else
            {
                Person(ServiceCategory.ElderlyAndChildCare, DemoTexts.Care, named, head, ServiceMethod.Other, careOnly: true);
            }
        });
        for (var i = 0; i < IndustryHelps; i++)
        {
            Person(ServiceCategory.IndustryDevelopment, DemoTexts.Industry, 1, 0, ServiceMethod.Other);
        }
        // Each is an assessment of one resident (method Other, as the assessment service records it), with its eight domain scores.
        for (var i = 0; i < Assessments; i++)
        {
            var id = Person(ServiceCategory.NeedsAssessment, DemoTexts.Assessment, 1, 0, ServiceMethod.Other);
            var record = Record(id);
            AssessmentRecords.Add(new DemoServed(id, StationsById[(int)record[2]!], (DateOnly)record[1]!, ServiceCategory.NeedsAssessment,
                (int)beneficiaries[^1][1]!, (int)workers[^1][1]!));
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

        var assessments = new DemoAssessments(this, random).Build();
        var cases = new DemoCases(this, random, assessments, demoWorker, names).Build();
        var requests = new DemoRequests(this, random, demoWorker).Build();

        await bulk.InsertAsync("ServiceRecords", RecordColumns, records, versioned: true, cancellationToken);
        await bulk.InsertAsync("ServiceRecordWorkers", ["ServiceRecordId", "SocialWorkerId"], workers, versioned: false, cancellationToken);
        await bulk.InsertAsync("ServiceBeneficiaries", ["ServiceRecordId", "ResidentId"], beneficiaries, versioned: false, cancellationToken);
        await bulk.InsertAsync("CommunityActivities", ActivityColumns, activities, versioned: true, cancellationToken);
        await bulk.InsertAsync("ActivityParticipants", ["CommunityActivityId", "ResidentId"], participants, versioned: false, cancellationToken);
        await new DemoDonations(bulk, random).SeedAsync(links, cancellationToken);
        await assessments.InsertAsync(bulk, cancellationToken);
        await groups.InsertAsync(bulk, cancellationToken);
        await cases.InsertAsync(bulk, cancellationToken);
        await requests.InsertAsync(bulk, cancellationToken);
        return records.Count;
    }

    /// <summary>NeedsAssessment records of the year, each an assessment's (18,000 before assessments held them; each now carries eight domain scores).</summary>
    public const int Assessments = 6_000;

    /// <summary>The record row of <paramref name="id"/> (columns as <see cref="RecordColumns"/>).</summary>
    public object?[] Record(int id) => records[id - firstId];

    /// <summary>Names who gave and who received a record whose source chose them.</summary>
    public void Name(int recordId, IEnumerable<int> workerIds, IEnumerable<int> residentIds)
    {
        workers.AddRange(workerIds.Distinct().Select(w => new object?[] { recordId, w }));
        beneficiaries.AddRange(residentIds.Distinct().Select(r => new object?[] { recordId, r }));
    }

    /// <summary>
    /// A record a source makes with its people named (a group session): person-times are the named plus the head count.
    /// </summary>
    public int SourceRecord(DemoStationStaff station, DateOnly on, ServiceCategory category, ServiceMethod method, ServiceChannel channel,
        int minutes, IReadOnlyCollection<int> workerIds, IReadOnlyCollection<int> residentIds, int head, string content, ServiceSource source)
    {
        var id = nextId++;
        var times = residentIds.Distinct().Count() + head;
        records.Add(
        [
            id, on, station.StationId, station.RegionCode, category.ToString(), method.ToString(), channel.ToString(), minutes, head, times,
            null, source.ToString(), content, on.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        ]);
        Count(category, times);
        Name(id, workerIds, residentIds);
        return id;
    }

    public DemoStationStaff PickStation()
    {
        var index = Array.BinarySearch(cumulativeWeight, random.NextDouble() * cumulativeWeight[^1]);
        return Stations[Math.Min(index < 0 ? ~index : index, Stations.Count - 1)];
    }

    /// <summary>A day of the year on the seasonal curve, on or after the station had its first resident worker.</summary>
    public DateOnly PickDate(DemoStationStaff station)
    {
        while (true)
        {
            var pick = random.NextDouble() * MonthWeights.Sum();
            var month = 0;
            while (pick > MonthWeights[month] && month < 11)
            {
                pick -= MonthWeights[month++];
            }
            var day = new DateOnly(Year, month + 1, 1).AddDays(random.Next(DateTime.DaysInMonth(Year, month + 1)));
            if (day >= station.StaffedFrom)
            {
                return day;
            }
        }
    }

    private int Times(ServiceCategory category) => categoryTimes.GetValueOrDefault(category);

    private void Count(ServiceCategory category, int times)
    {
        personTimes += times;
        categoryTimes[category] = Times(category) + times;
    }

    /// <summary>A casework contact's record: one resident once (person-times 1), named with its worker when its case is made.</summary>
    private void Contact(ServiceCategory category, string[] texts)
    {
        var station = PickStation();
        var servedOn = PickDate(station);
        var id = nextId++;
        var channel = random.NextDouble() switch { < 0.55 => ServiceChannel.HomeVisit, < 0.85 => ServiceChannel.WalkIn, < 0.97 => ServiceChannel.Phone, _ => ServiceChannel.Online };
        records.Add(
        [
            id, servedOn, station.StationId, station.RegionCode, category.ToString(), ServiceMethod.Casework.ToString(), channel.ToString(),
            random.Next(2, 9) * 15, 0, 1, null, ServiceSource.CaseContact.ToString(), texts[random.Next(texts.Length)],
            servedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        ]);
        Count(category, 1);
        ContactSlots.Add(new DemoSlot(id, station, servedOn, category));
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
        var pool = Residents[station.StationId];
        var chosen = new HashSet<int>();
        for (var tries = 0; chosen.Count < named && tries < named * 4; tries++)
        {
            var resident = pool[random.Next(pool.Count)];
            if (!careOnly || resident.Group != DemoAgeGroup.Adult)
            {
                chosen.Add(resident.Id);
            }
        }
        var servedOn = PickDate(station);
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
        Count(category, chosen.Count + head);
        var givers = station.WorkersOn(servedOn).OrderBy(_ => random.Next()).Take(workerCount).ToList();
        workers.AddRange(givers.Select(w => new object?[] { id, w }));
        beneficiaries.AddRange(chosen.Select(r => new object?[] { id, r }));
        if (method == ServiceMethod.Other && source == ServiceSource.Direct && chosen.Count == 1 && head == 0 && givers.Count == 1
            && category is ServiceCategory.SocialAssistance or ServiceCategory.ElderlyAndChildCare or ServiceCategory.IndustryDevelopment)
        {
            RequestCandidates.Add(new DemoServed(id, station, servedOn, category, chosen.First(), givers[0]));
        }
        return id;
    }
}
