using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Audit;

public sealed record AuditFilter(string? Entity = null, string? EntityId = null, string? User = null, DateOnly? From = null, DateOnly? To = null)
    : IQueryFilter<AuditFilter>
{
    public static AuditFilter FromQuery(QueryValues q) =>
        new(q.String("entity"), q.String("entityId"), q.String("user"), q.Date("from"), q.Date("to"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("entity", Entity), ("entityId", EntityId), ("user", User), ("from", From), ("to", To));
}

public sealed record AuditRow(long Id, DateTime At, string UserName, string? IpAddress, string Entity, string EntityId,
    AuditAction Action, string RegionCode, IReadOnlyList<AuditChange> Changes);

/// <summary>Reads the audit trail (scoped by the query filter). There is deliberately no way to change or delete entries.</summary>
public sealed class AuditService(ShegongDb db, CurrentUser user)
{
    /// <summary>The columns the audit trail may be sorted by.</summary>
    public static readonly SortFields<AuditEntry> Sorts = new SortFields<AuditEntry>()
        .Add("at", a => a.At).Add("user", a => a.UserName).Add("entity", a => a.Entity).Add("action", a => a.Action);

    public async Task<PagedResult<AuditRow>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var entries = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(a => a.Id), q => q.ThenByDescending(a => a.Id)).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(entries.Select(ToRow).ToList(), total);
    }

    /// <summary>
    /// Every entry the filter matches, newest first, for the Excel export (the evidence auditors
    /// keep): all of them, read as they are written out. Access and filters are checked now, before
    /// the answer starts.
    /// </summary>
    public IAsyncEnumerable<AuditRow> Export(AuditFilter filter) =>
        StreamedReads.Stream(db, Filtered(filter).OrderByDescending(a => a.Id)).Select(ToRow);

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        user.Require<AuditEntry>(AccessAction.Read);
        if (filter.From > filter.To)
        {
            throw RequestProblem.Invalid("to", ProblemText.SocialWorkerEndDateBeforeStartDate);
        }
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            query = query.Where(a => a.Entity == filter.Entity.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(a => a.UserName == filter.User.Trim());
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        return query;
    }

    private static AuditRow ToRow(AuditEntry e) => new(e.Id, e.At, e.UserName, e.IpAddress, e.Entity, e.EntityId,
        e.Action, e.RegionCode, JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, JsonSerializerOptions.Web) ?? []);
}

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", (string? entity, string? entityId, string? user, DateOnly? from, DateOnly? to, int? page, int? pageSize, string? sort,
                AuditService service, CancellationToken ct) =>
            service.ListAsync(new AuditFilter(entity, entityId, user, from, to), PageRequest.From(page, pageSize, sort), ct))
            .WithTags("Audit").WithSummary("The audit trail of the caller's scope, newest first; filters: entity, entityId, user, from, to")
            .RequirePermission<AuditEntry>(AccessAction.Read);
        app.MapGet("/api/audit/export", async (string? entity, string? entityId, string? user, DateOnly? from, DateOnly? to,
                AuditService service, IStringLocalizer<AccountText> t, TimeProvider clock) =>
                AuditExport.Stream(t, service.Export(new AuditFilter(entity, entityId, user, from, to)), ExcelExport.FileName("audit", clock.GetLocalNow())))
            .WithTags("Audit").WithSummary("The filtered audit trail as an Excel file").RequirePermission<AuditEntry>(AccessAction.Export);
        return app;
    }
}

/// <summary>
/// The columns of the audit trail's Excel export, in the words of the audit page (the request's language):
/// entities, actions, fields and values named as the page names them. Values are as stored, so personal
/// fields stay masked; times are UTC.
/// </summary>
public static class AuditExport
{
    public static IResult Stream(IStringLocalizer<AccountText> t, IAsyncEnumerable<AuditRow> rows, string fileName) => ExcelExport.Stream(rows, fileName,
        (t["EntryId"], r => r.Id),
        (t["AtUtc"], r => r.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
        (t["User"], r => AuditChangeText.User(r.UserName)),
        (t["Ip"], r => r.IpAddress),
        (t["Entity"], r => Names.Entity(r.Entity)),
        (t["EntityId"], r => r.EntityId),
        (t["Action"], r => Names.Of(r.Action)),
        (NameText.RegionCodeDigits, r => r.RegionCode),
        (t["Changes"], r => AuditChangeText.Text(r.Entity, r.Action, r.Changes)));
}
