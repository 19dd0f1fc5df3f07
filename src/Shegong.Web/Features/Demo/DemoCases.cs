using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Demo;

/// <summary>Names the demo's cases need: social workers (a transfer's note) and stations (a referral's sides).</summary>
internal sealed record DemoNames(Dictionary<int, string> Workers, Dictionary<int, string> Stations);

/// <summary>
/// Demo cases (个案): a station's casework records, in date order, are cut into cases of three to
/// twelve contacts; each case is of one resident of the station (an elderly person or a child when
/// it gives care), held by one of its workers, and each contact holds its record (Source
/// CaseContact, the case's worker and resident named, person-times 1), as the real service makes
/// it. A case passes its stages in order, leaving each stage's record (intake, assessment summary,
/// plan with goals, evaluation of every goal, closing report and reason) and an event per move.
/// Cases whose last contact is long past are mostly closed; recent ones are in intervention or
/// evaluation. A few hundred more, opened in November and December, have no contact yet (intake,
/// assessment, planning). About a third start from a needs assessment of their resident; a few are
/// transferred, referred (accepted, declined, waiting) or reopened.
/// </summary>
internal sealed class DemoCases(DemoServiceYear year, Random random, DemoAssessments assessments, DemoWorkerPlace? demoWorker, DemoNames names)
{
    private static readonly DateOnly YearStart = new(2025, 1, 1);
    private static readonly DateOnly YearEnd = new(2025, 12, 31);

    private static readonly string[] CaseColumns =
    [
        "Id", "ResidentId", "StationId", "RegionCode", "WorkerId", "Stage", "OpenedOn", "IntakeSource", "PresentingProblem", "AssessmentSummary",
        "PlanSummary", "EvaluationSummary", "CloseReason", "ClosingReport", "ClosedOn", "NeedsAssessmentId", "CreatedAt",
    ];

    private static readonly string[] ContactColumns = ["Id", "CaseId", "ContactedOn", "Channel", "DurationMinutes", "Category", "Content", "ServiceRecordId", "CreatedAt"];
    private static readonly string[] EventColumns = ["Id", "CaseId", "Kind", "From", "To", "On", "By", "Note", "RecordedAt"];
    private static readonly string[] GoalColumns = ["Id", "CaseId", "Description", "DueOn", "Outcome", "OutcomeNote"];

    private static readonly string[] ReferralColumns =
        ["Id", "CaseId", "Target", "TargetStationId", "TargetName", "FromStationName", "ResidentName", "Reason", "ReferredOn", "ReferredBy", "RecordedAt"];

    private static readonly string[] AnswerColumns = ["Id", "ReferralId", "RegionCode", "SenderRegionCode", "Accepted", "AnsweredOn", "AnsweredBy", "Note", "RecordedAt"];

    private static readonly string[] PresentingProblems =
    [
        "老人独居，行动不便，日常生活缺乏照料", "家庭收入微薄，医疗支出大，生活困难", "儿童父母外出务工，隔代监护，学习和情绪出现问题",
        "残疾人家庭缺乏就业渠道，生活依赖救助", "低保家庭子女面临辍学风险", "老人近期丧偶，情绪低落，与外界来往减少",
        "困境儿童监护缺失，需要关爱保护", "家庭成员患重病，照护压力大",
    ];

    private static readonly string[] AssessmentSummaries =
    [
        "经入户评估，服务对象经济与照料需求突出，家庭支持网络薄弱，具备改变意愿", "评估显示服务对象情绪困扰明显，社会交往少，亲属支持有限",
        "服务对象符合救助条件但未申请，对政策了解不足，需要协助链接资源", "儿童学业与情绪问题并存，监护人教育方法欠缺",
    ];

    private static readonly string[] PlanSummaries =
    [
        "以三个月为期，每两周走访一次，链接救助政策与社区志愿资源", "先稳定情绪，再重建社会支持网络，每周电话关怀并定期入户",
        "协助申请相关救助，同步开展家庭关系辅导，每月评估进展",
    ];

    private static readonly string[] Goals =
    [
        "协助完成救助申请并获批", "每周至少参加一次社区活动", "建立稳定的邻里互助关系", "改善情绪状况，焦虑自评分下降",
        "链接志愿者定期上门照料", "学业成绩与作业完成情况改善", "监护人掌握与孩子沟通的方法",
    ];

    private static readonly string[] Evaluations =
    [
        "服务目标基本达成，服务对象生活状况明显改善，已建立稳定支持网络", "多数目标达成，服务对象情绪稳定，能主动参与社区活动",
        "部分目标达成，救助已获批，后续由村委会持续关注",
    ];

    private static readonly string[] ClosingReports =
    [
        "经过阶段性介入，服务对象的主要需求已得到回应，经双方同意结案，转入常规探访", "服务对象已能独立应对当前困难，结案并告知有需要可再次求助",
        "服务对象已转介至专业机构继续服务，本站结案并保持联系",
    ];

    private static readonly string[] TransferReasons = ["原负责社工调岗", "原负责社工休产假", "按服务对象意愿更换社工"];
    private static readonly string[] ReopenReasons = ["服务对象病情反复，生活再次陷入困难", "家庭出现新的变故，需要重新介入", "监护情况变化，需重新评估"];
    private static readonly string[] ReferralReasons = ["需要专业康复服务", "需要法律援助", "需申请残疾人专项补贴", "需要心理咨询服务", "服务对象迁居，转由当地社工站跟进"];
    private static readonly string[] Agencies = ["四川省心理卫生协会", "成都市同行社会工作服务中心", "县残疾人康复中心", "县法律援助中心"];
    private static readonly string[] Departments = ["县民政局社会救助股", "县残疾人联合会", "县医疗保障局", "县人力资源和社会保障局", "乡镇卫生院"];
    private static readonly string[] DeclineNotes = ["不符合本单位服务条件", "服务对象所在地不在本单位服务范围", "名额已满，建议转介其他机构"];

    private readonly List<object?[]> cases = [];
    private readonly List<object?[]> contacts = [];
    private readonly List<object?[]> events = [];
    private readonly List<object?[]> goals = [];
    private readonly List<object?[]> referrals = [];
    private readonly List<object?[]> answers = [];
    private ILookup<string, DemoStationStaff> byCounty = null!;

    public DemoCases Build()
    {
        byCounty = year.Stations.ToLookup(s => s.RegionCode[..6]);
        foreach (var station in year.ContactSlots.GroupBy(s => s.Station))
        {
            var list = station.OrderBy(s => s.Date).ThenBy(s => s.RecordId).ToList();
            for (var i = 0; i < list.Count;)
            {
                var take = Math.Min(random.Next(3, 13), list.Count - i);
                WithContacts(station.Key, list.GetRange(i, take));
                i += take;
            }
        }
        for (var i = 0; i < 300; i++)
        {
            Early(year.PickStation(), null, (CaseStage)random.Next(0, 3));
        }
        // The demo worker's today page lists cases due: four newly opened ones, due for their follow-up.
        if (demoWorker is not null && year.StationsById.TryGetValue(demoWorker.StationId, out var home))
        {
            Early(home, demoWorker.WorkerId, CaseStage.Intake);
            Early(home, demoWorker.WorkerId, CaseStage.Assessment);
            Early(home, demoWorker.WorkerId, CaseStage.Planning);
            Early(home, demoWorker.WorkerId, CaseStage.Intervention);
        }
        return this;
    }

    public async Task InsertAsync(DemoBulk bulk, CancellationToken cancellationToken)
    {
        await bulk.InsertAsync("Cases", CaseColumns, cases, versioned: true, cancellationToken);
        await bulk.InsertAsync("CaseContacts", ContactColumns, contacts, versioned: false, cancellationToken);
        await bulk.InsertAsync("CaseEvents", EventColumns, events, versioned: false, cancellationToken);
        await bulk.InsertAsync("CaseGoals", GoalColumns, goals, versioned: false, cancellationToken);
        await bulk.InsertAsync("CaseReferrals", ReferralColumns, referrals, versioned: false, cancellationToken);
        await bulk.InsertAsync("ReferralAnswers", AnswerColumns, answers, versioned: false, cancellationToken);
    }

    /// <summary>A case whose contacts are <paramref name="slots"/> (date order), held from before the first to its last stage.</summary>
    private void WithContacts(DemoStationStaff station, List<DemoSlot> slots)
    {
        var first = slots[0].Date;
        var last = slots[^1].Date;
        var care = slots.Any(s => s.Category == ServiceCategory.ElderlyAndChildCare);
        var assessment = random.NextDouble() < 0.35 ? FreeAssessment(station, first, care) : null;
        var resident = assessment?.Resident ?? PickResident(station, care);
        var opened = assessment is not null
            ? assessment.On.AddDays(Math.Min(random.Next(0, 8), first.DayNumber - assessment.On.DayNumber))
            : Later(first.AddDays(-random.Next(5, 31)), Later(YearStart, station.StaffedFrom));
        // Held by a worker already at the station the day it opened (so at every contact after).
        var c = new DemoCase(cases.Count + 1, station, resident, station.WorkerOn(opened, random), opened);
        Open(c, assessment);
        var gap = first.DayNumber - opened.DayNumber;
        Move(c, CaseStage.Assessment, opened.AddDays(gap / 4));
        c.AssessmentSummary = Pick(AssessmentSummaries);
        Move(c, CaseStage.Planning, opened.AddDays(gap / 2));
        c.PlanSummary = Pick(PlanSummaries);
        var planned = opened.AddDays(gap * 3 / 4);
        AddGoals(c, planned);
        Move(c, CaseStage.Intervention, planned);

        // A few change hands part-way: the contacts from then on are the new worker's.
        var transferAt = slots.Count >= 2 && station.Posts.Count >= 2 && random.NextDouble() < 0.05 ? random.Next(1, slots.Count) : -1;
        for (var i = 0; i < slots.Count; i++)
        {
            // Handed to another worker already at the station that day, if there is one.
            var others = i == transferAt ? station.WorkersOn(slots[i].Date).Where(w => w != c.Worker).ToList() : [];
            if (others.Count > 0)
            {
                var to = others[random.Next(others.Count)];
                Event(c, CaseEventKind.Transferred, null, null, slots[i].Date, $"→ {names.Workers.GetValueOrDefault(to, "")}: {Pick(TransferReasons)}");
                c.Worker = to;
            }
            AddContact(c, slots[i]);
        }

        var closing = random.NextDouble() < (last < new DateOnly(2025, 10, 1) ? 0.85 : last < new DateOnly(2025, 12, 1) ? 0.45 : 0.1);
        var referred = random.NextDouble() < 0.05 ? Refer(c, Earlier(last.AddDays(random.Next(0, 6)), YearEnd), closing) : (bool?)null;
        if (closing || random.NextDouble() < 0.15)
        {
            var evaluated = Earlier(Later(last.AddDays(random.Next(3, 21)), c.LastOn), YearEnd);
            Move(c, CaseStage.Evaluation, evaluated);
            if (closing)
            {
                Close(c, Earlier(evaluated.AddDays(random.Next(0, 11)), YearEnd), referred == true);
                if (c.ClosedOn <= new DateOnly(2025, 11, 30) && random.NextDouble() < 0.04)
                {
                    Event(c, CaseEventKind.Reopened, CaseStage.Closed, CaseStage.Assessment, c.ClosedOn.Value.AddDays(random.Next(5, 31)), Pick(ReopenReasons));
                    c.Stage = CaseStage.Assessment;
                    c.CloseReason = null;
                    c.ClosedOn = null;
                }
            }
        }
        cases.Add(c.Row());
    }

    /// <summary>
    /// A case opened in the last two months of the year (not before the station was staffed) that has reached
    /// <paramref name="stage"/> (up to intervention) without a contact, held by <paramref name="worker"/> or a worker at the station that day.
    /// </summary>
    private void Early(DemoStationStaff station, int? worker, CaseStage stage)
    {
        var opened = Later(new DateOnly(2025, 11, 1).AddDays(random.Next(0, 50)), station.StaffedFrom);
        var c = new DemoCase(cases.Count + 1, station, PickResident(station, care: random.NextDouble() < 0.6), worker ?? station.WorkerOn(opened, random), opened);
        Open(c, null);
        if (stage >= CaseStage.Assessment)
        {
            Move(c, CaseStage.Assessment, Earlier(opened.AddDays(random.Next(1, 6)), YearEnd));
        }
        if (stage >= CaseStage.Planning)
        {
            c.AssessmentSummary = Pick(AssessmentSummaries);
            Move(c, CaseStage.Planning, Earlier(c.LastOn.AddDays(random.Next(1, 6)), YearEnd));
        }
        if (stage >= CaseStage.Intervention)
        {
            c.PlanSummary = Pick(PlanSummaries);
            var planned = Earlier(c.LastOn.AddDays(random.Next(1, 6)), YearEnd);
            AddGoals(c, planned);
            Move(c, CaseStage.Intervention, planned);
        }
        cases.Add(c.Row());
    }

    private void Open(DemoCase c, DemoAssessment? assessment)
    {
        c.Intake(assessment, PickIntakeSource(assessment));
        Event(c, CaseEventKind.Opened, null, CaseStage.Intake, c.LastOn, null);
    }

    private void AddGoals(DemoCase c, DateOnly planned)
    {
        foreach (var goal in Goals.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            // A goal's row: outcome filled when the case closes.
            var row = new object?[] { goals.Count + 1, c.Id, goal, planned.AddDays(random.Next(30, 121)), null, null };
            goals.Add(row);
            c.Goals.Add(row);
        }
    }

    private void AddContact(DemoCase c, DemoSlot slot)
    {
        var record = year.Record(slot.RecordId);
        contacts.Add([contacts.Count + 1, c.Id, slot.Date, record[6], record[7], record[4], record[12], slot.RecordId, record[13]]);
        year.Name(slot.RecordId, [c.Worker], [c.Resident.Id]);
        c.LastOn = Later(c.LastOn, slot.Date);
    }

    /// <summary>Refers the case out; answers whether the other side accepted (null: no answer yet, only on a case still open).</summary>
    private bool? Refer(DemoCase c, DateOnly on, bool closing)
    {
        var target = (ReferralTarget)random.Next(0, 3);
        var peer = target == ReferralTarget.Station
            ? byCounty[c.Station.RegionCode[..6]].Where(s => s.StationId != c.Station.StationId && s.StaffedFrom <= on).OrderBy(_ => random.Next()).FirstOrDefault()
            : null;
        if (peer is null && target == ReferralTarget.Station)
        {
            target = ReferralTarget.GovernmentDepartment;
        }
        var name = target switch
        {
            ReferralTarget.Station => names.Stations.GetValueOrDefault(peer!.StationId, ""),
            ReferralTarget.Agency => Pick(Agencies),
            _ => Pick(Departments),
        };
        var reason = Pick(ReferralReasons);
        var id = referrals.Count + 1;
        referrals.Add([id, c.Id, target.ToString(), peer?.StationId, name, names.Stations.GetValueOrDefault(c.Station.StationId, ""), c.Resident.Name,
            reason, on, By(c.Worker), At(on, 11)]);
        Event(c, CaseEventKind.Referred, null, null, on, $"→ {name}: {reason}");
        bool? accepted = random.NextDouble() switch { < 0.6 => true, < 0.85 => false, _ => closing ? true : null };
        if (accepted is { } yes)
        {
            var answered = Earlier(on.AddDays(random.Next(1, 15)), YearEnd);
            answers.Add([answers.Count + 1, id, peer?.RegionCode ?? c.Station.RegionCode, c.Station.RegionCode, yes, answered,
                target == ReferralTarget.Station ? $"station-{peer!.StationId}" : By(c.Worker), yes ? "同意接收，已安排跟进" : Pick(DeclineNotes), At(answered, 15)]);
            c.LastOn = Later(c.LastOn, answered);
        }
        return accepted;
    }

    private void Close(DemoCase c, DateOnly on, bool referredAway)
    {
        foreach (var goal in c.Goals)
        {
            goal[4] = (random.NextDouble() switch { < 0.6 => GoalOutcome.Achieved, < 0.9 => GoalOutcome.PartlyAchieved, _ => GoalOutcome.NotAchieved }).ToString();
        }
        c.EvaluationSummary = Pick(Evaluations);
        c.CloseReason = referredAway ? CloseReason.ReferredElsewhere : random.NextDouble() switch
        {
            < 0.8 => CloseReason.GoalsAchieved,
            < 0.88 => CloseReason.ResidentWithdrew,
            < 0.95 => CloseReason.ResidentMovedAway,
            < 0.98 => CloseReason.ResidentDied,
            _ => CloseReason.Other,
        };
        c.ClosingReport = Pick(ClosingReports);
        Move(c, CaseStage.Closed, Later(on, c.LastOn));
        c.ClosedOn = c.LastOn;
    }

    private void Move(DemoCase c, CaseStage to, DateOnly on) => Event(c, CaseEventKind.StageMoved, c.Stage, to, on, null, () => c.Stage = to);

    private void Event(DemoCase c, CaseEventKind kind, CaseStage? from, CaseStage? to, DateOnly on, string? note, Action? then = null)
    {
        // Moves never go back in time (the stage rules refuse a date before the last move).
        on = Later(on, c.LastOn);
        c.LastOn = on;
        events.Add([events.Count + 1, c.Id, kind.ToString(), from?.ToString(), to?.ToString(), on, By(c.Worker), note, At(on, 9).AddMinutes(c.Events++)]);
        then?.Invoke();
    }

    private DemoAssessment? FreeAssessment(DemoStationStaff station, DateOnly before, bool care) =>
        assessments.ByStation.TryGetValue(station.StationId, out var list)
            ? list.LastOrDefault(a => !a.Used && a.On <= before && a.On >= before.AddDays(-60) && (!care || a.Resident.Group != DemoAgeGroup.Adult)) is { } found
                ? Use(found) : null
            : null;

    private static DemoAssessment Use(DemoAssessment a)
    {
        a.Used = true;
        return a;
    }

    private DemoResident PickResident(DemoStationStaff station, bool care)
    {
        var pool = year.Residents[station.StationId];
        for (var tries = 0; tries < 8; tries++)
        {
            var resident = pool[random.Next(pool.Count)];
            if (!care || resident.Group != DemoAgeGroup.Adult)
            {
                return resident;
            }
        }
        return pool[random.Next(pool.Count)];
    }

    private IntakeSource PickIntakeSource(DemoAssessment? assessment) => assessment is not null ? IntakeSource.NeedsAssessment : random.NextDouble() switch
    {
        < 0.45 => IntakeSource.Outreach,
        < 0.8 => IntakeSource.WalkIn,
        < 0.92 => IntakeSource.Referral,
        _ => IntakeSource.Other,
    };

    /// <summary>Who wrote a move, as an account's user name would show it (the real service keeps the user name).</summary>
    private string By(int worker) => demoWorker?.WorkerId == worker ? "demo-worker" : $"worker-{worker}";

    private string Pick(string[] texts) => texts[random.Next(texts.Length)];

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTime At(DateOnly on, int hour) => on.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    /// <summary>A case being built: what its row will say.</summary>
    private sealed class DemoCase(int id, DemoStationStaff station, DemoResident resident, int worker, DateOnly opened)
    {
        public int Id => id;
        public DemoStationStaff Station => station;
        public DemoResident Resident => resident;
        public int Worker { get; set; } = worker;
        public CaseStage Stage { get; set; } = CaseStage.Intake;
        public DateOnly LastOn { get; set; } = opened;
        public DateOnly OpenedOn { get; } = opened;
        public int Events { get; set; }
        public List<object?[]> Goals { get; } = [];
        public string? AssessmentSummary { get; set; }
        public string? PlanSummary { get; set; }
        public string? EvaluationSummary { get; set; }
        public CloseReason? CloseReason { get; set; }
        public string? ClosingReport { get; set; }
        public DateOnly? ClosedOn { get; set; }
        private IntakeSource source;
        private int? assessmentId;
        private string problem = "";

        public void Intake(DemoAssessment? assessment, IntakeSource from)
        {
            source = from;
            assessmentId = assessment?.Id;
            problem = PresentingProblems[(id * 7 + resident.Id) % PresentingProblems.Length];
        }

        public object?[] Row() =>
        [
            id, resident.Id, station.StationId, station.RegionCode, Worker, Stage.ToString(), OpenedOn, source.ToString(), problem, AssessmentSummary,
            PlanSummary, EvaluationSummary, CloseReason?.ToString(), ClosingReport, ClosedOn, assessmentId, At(OpenedOn, 8),
        ];
    }
}
