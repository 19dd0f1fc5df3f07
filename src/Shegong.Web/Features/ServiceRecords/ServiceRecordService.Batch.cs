using Shegong.Web.Common;

namespace Shegong.Web.Features.ServiceRecords;

public sealed partial class ServiceRecordService
{
    /// <summary>The most records one batch may carry: a week of a busy station's visits, kept offline on a phone.</summary>
    public const int MaxBatch = 1000;

    /// <summary>
    /// Enters direct records all together or not at all: a phone that recorded visits without a signal
    /// sends them when it has one, and a refused record names its place (<c>records[3].servedOn</c>) so the
    /// worker can fix it and send the batch again without any record entered twice.
    /// </summary>
    public async Task<ServiceRecordBatchResult> CreateBatchAsync(ServiceRecordBatchForm form, CancellationToken cancellationToken = default)
    {
        var forms = form.Records ?? [];
        if (forms.Count == 0)
        {
            throw RequestProblem.Invalid("records", ProblemText.ServiceRecordBatchEmpty);
        }
        if (forms.Count > MaxBatch)
        {
            throw RequestProblem.Invalid("records", Problems.Format(ProblemText.ServiceRecordBatchTooLarge, MaxBatch));
        }
        var records = new List<ServiceRecord>(forms.Count);
        for (var i = 0; i < forms.Count; i++)
        {
            try
            {
                var item = forms[i] ?? throw RequestProblem.Invalid("", ProblemText.ServiceRecordBatchItemMissing);
                var station = await ServiceRecordRules.CheckAsync(db, item, Today, creating: true, cancellationToken);
                records.Add(ServiceRecord.Create(ServiceSource.Direct, station.Id, station.RegionCode, Facts(item)));
            }
            catch (RequestProblem problem) when (problem.Status == StatusCodes.Status400BadRequest)
            {
                throw RequestProblem.Invalid(problem.Errors.ToDictionary(
                    e => e.Key.Length == 0 ? $"records[{i}]" : $"records[{i}].{e.Key}", e => e.Value));
            }
        }
        db.ServiceRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        return new ServiceRecordBatchResult(records.Count, [.. records.Select(r => r.Id)]);
    }
}

/// <summary>Direct records entered together (at most <see cref="ServiceRecordService.MaxBatch"/>).</summary>
public sealed class ServiceRecordBatchForm
{
    public List<ServiceRecordForm>? Records { get; set; }
}

/// <summary>How many records were entered and their ids, in the order sent.</summary>
public sealed record ServiceRecordBatchResult(int Count, IReadOnlyList<int> Ids);
