using Shegong.Web.Common;

namespace Shegong.Web.Features.Pilots;

/// <summary>The batch list's filters, as the page's URL, the API and the export link carry them.</summary>
public sealed record PilotBatchFilter(int? Year = null, PilotBatchStatus? Status = null, string? Search = null) : IQueryFilter<PilotBatchFilter>
{
    public static PilotBatchFilter FromQuery(QueryValues q) => new(q.Int("year"), q.Enum<PilotBatchStatus>("status"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("year", Year), ("status", Status), ("search", Search));
}

/// <summary>The application list's filters: batch, status, the applying county's region, and a county or township name.</summary>
public sealed record PilotApplicationFilter(int? BatchId = null, PilotApplicationStatus? Status = null, string? Region = null, string? Search = null)
    : IQueryFilter<PilotApplicationFilter>
{
    public static PilotApplicationFilter FromQuery(QueryValues q) =>
        new(q.Int("batchId"), q.Enum<PilotApplicationStatus>("status"), q.String("region"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("batchId", BatchId), ("status", Status), ("region", Region), ("search", Search));
}

/// <summary>
/// The project list's filters: batch, region, a township or station name, and "only projects with problems"
/// (compliance is computed live, so that one filter is applied after the database has filtered the rest).
/// </summary>
public sealed record PilotProjectFilter(int? BatchId = null, string? Region = null, string? Search = null, bool? Problems = null)
    : IQueryFilter<PilotProjectFilter>
{
    public static PilotProjectFilter FromQuery(QueryValues q) => new(q.Int("batchId"), q.String("region"), q.String("search"), q.Bool("problems"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("batchId", BatchId), ("region", Region), ("search", Search), ("problems", Problems == true ? true : null));
}

/// <summary>The Excel files of the three lists: the list's own pages, same filters and sort, headers in the reader's language.</summary>
public static class PilotExport
{
    public static Task<IResult> BatchesAsync(Func<PageRequest, CancellationToken, Task<PagedResult<PilotBatchRow>>> list, string? sort,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("PilotBatch", "Year"), r => r.Year),
        (Names.Field("PilotBatch", "Name"), r => r.Name),
        (Names.Field("PilotBatch", "Status"), r => Names.Of(r.Status)),
        (Names.Field("PilotBatch", "Budget"), r => r.Budget),
        (Names.Field("PilotBatch", "TargetCounties"), r => r.TargetCounties),
        (Names.Field("PilotBatch", "TargetTownships"), r => r.TargetTownships),
        (Names.Field("PilotBatch", "OpensOn"), r => r.OpensOn.ToString(DateFormat.Iso)),
        (Names.Field("PilotBatch", "ClosesOn"), r => r.ClosesOn.ToString(DateFormat.Iso)),
        (Names.Field("PilotBatch", "StandardSubsidy"), r => r.StandardSubsidy),
        (Names.Field("PilotBatch", "Applications"), r => r.Applications));

    public static Task<IResult> ApplicationsAsync(Func<PageRequest, CancellationToken, Task<PagedResult<PilotApplicationRow>>> list, string? sort,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("PilotApplication", "Id"), r => r.Id),
        (Names.Field("PilotApplication", "PilotBatchId"), r => r.BatchName),
        (Names.Field("PilotApplication", "RegionCode"), r => r.CountyPath),
        (Names.Field("PilotApplication", "Status"), r => Names.Of(r.Status)),
        (Names.Field("PilotApplication", "Townships"), r => r.Townships),
        (Names.Field("PilotApplication", "Confirmed"), r => r.Confirmed),
        (Names.Field("PilotApplication", "CreatedAt"), r => r.CreatedAt.ToString("yyyy-MM-dd HH:mm")));

    public static Task<IResult> ProjectsAsync(Func<PageRequest, CancellationToken, Task<PagedResult<PilotProjectRow>>> list, string? sort,
        string fileName, CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("PilotProject", "Id"), r => r.Id),
        (Names.Field("PilotProject", "PilotBatchId"), r => r.BatchName),
        (Names.Field("PilotProject", "RegionCode"), r => r.RegionPath),
        (Names.Field("PilotProject", "GrantedSubsidy"), r => r.GrantedSubsidy),
        (Names.Field("PilotProject", "AwardedSubsidy"), r => r.AwardedSubsidy),
        (Names.Field("PilotProject", "Paid"), r => r.Paid),
        (Names.Field("PilotProject", "Balance"), r => r.Balance),
        (Names.Field("PilotProject", "StationId"), r => r.StationName));
}
