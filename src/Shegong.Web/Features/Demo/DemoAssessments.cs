using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Demo needs assessments: each NeedsAssessment record of the year becomes the record of an
/// assessment of its resident (Source Assessment, the assessor as worker, the resident as the one
/// served), scored in all eight domains with a priority each; the identified needs are those of the
/// domains of high priority. <see cref="DemoCases"/> opens some cases from them.
/// </summary>
internal sealed class DemoAssessments(DemoServiceYear year, Random random)
{
    private static readonly string[] Columns =
    [
        "Id", "StationId", "RegionCode", "Subject", "ResidentId", "HouseholdId", "VillageCode", "AssessorId", "AssessedOn", "Channel",
        "DurationMinutes", "IdentifiedNeeds", "ServiceRecordId", "CreatedAt",
    ];

    private static readonly Dictionary<NeedDomain, string> Needs = new()
    {
        [NeedDomain.Income] = "家庭收入低，需协助申请低保或临时救助",
        [NeedDomain.Health] = "患慢性病，需定期健康随访与就医陪同",
        [NeedDomain.DailyCare] = "生活自理能力下降，需助餐、助洁等照料服务",
        [NeedDomain.Education] = "子女课业困难，需学业辅导与助学资源",
        [NeedDomain.Employment] = "家中劳动力缺乏稳定就业，需技能培训与岗位对接",
        [NeedDomain.Housing] = "住房老旧存在安全隐患，需协助申请危房改造",
        [NeedDomain.FamilySupport] = "家庭支持薄弱、与亲属联系少，需增强社会支持网络",
        [NeedDomain.Safety] = "独自在家存在安全风险，需安全教育与定期探访",
    };

    private readonly List<object?[]> rows = [];
    private readonly List<object?[]> scores = [];

    /// <summary>The assessments by station, oldest first (for cases opened from them).</summary>
    public Dictionary<int, List<DemoAssessment>> ByStation { get; } = [];

    public DemoAssessments Build()
    {
        var residents = year.Residents.Values.SelectMany(r => r).ToDictionary(r => r.Id);
        var id = 1;
        foreach (var served in year.AssessmentRecords)
        {
            var resident = residents[served.ResidentId];
            var record = year.Record(served.RecordId);
            var high = new List<NeedDomain>();
            foreach (var domain in Enum.GetValues<NeedDomain>())
            {
                var score = random.NextDouble() switch { < 0.08 => 1, < 0.22 => 2, < 0.45 => 3, < 0.75 => 4, _ => 5 };
                var priority = score switch
                {
                    1 => NeedPriority.High,
                    2 => random.NextDouble() < 0.6 ? NeedPriority.High : NeedPriority.Medium,
                    3 => random.NextDouble() < 0.5 ? NeedPriority.Medium : NeedPriority.Low,
                    4 => NeedPriority.Low,
                    _ => NeedPriority.None,
                };
                if (priority == NeedPriority.High)
                {
                    high.Add(domain);
                }
                scores.Add([id, domain.ToString(), score, priority.ToString()]);
            }
            var needs = high.Count == 0 ? "各领域暂无紧迫需求，纳入常规探访" : string.Join("；", high.Select(d => Needs[d]));
            // The record says what the assessment says, as the assessment service writes it.
            record[11] = ServiceSource.Assessment.ToString();
            record[12] = needs;
            rows.Add([id, served.Station.StationId, served.Station.RegionCode, AssessmentSubject.Resident.ToString(), resident.Id, null, resident.Village,
                served.WorkerId, served.Date, record[6], record[7], needs, served.RecordId, record[13]]);
            if (!ByStation.TryGetValue(served.Station.StationId, out var list))
            {
                ByStation[served.Station.StationId] = list = [];
            }
            list.Add(new DemoAssessment(id, served.Date, resident, served.WorkerId));
            id++;
        }
        foreach (var list in ByStation.Values)
        {
            list.Sort((a, b) => a.On != b.On ? a.On.CompareTo(b.On) : a.Id.CompareTo(b.Id));
        }
        return this;
    }

    public async Task InsertAsync(DemoBulk bulk, CancellationToken cancellationToken)
    {
        await bulk.InsertAsync("NeedsAssessments", Columns, rows, versioned: true, cancellationToken);
        await bulk.InsertAsync("DomainScores", ["NeedsAssessmentId", "Domain", "Score", "Priority"], scores, versioned: false, cancellationToken);
    }
}

/// <summary>An assessment as a case opened from it needs it.</summary>
internal sealed record DemoAssessment(int Id, DateOnly On, DemoResident Resident, int AssessorId)
{
    public bool Used { get; set; }
}
