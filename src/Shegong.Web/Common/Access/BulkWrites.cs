using Shegong.Web.Data;

namespace Shegong.Web.Common.Access;

/// <summary>
/// Bulk statements (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL) bypass the change
/// tracker, so neither the write guard nor the audit sees them. Only system work may run them;
/// every use calls <see cref="RequireSystem"/> first (a test checks the source for it).
/// </summary>
public static class BulkWrites
{
    public static ShegongDb RequireSystem(this ShegongDb db, string what) => db.Scope.IsSystem
        ? db
        : throw RequestProblem.Forbidden(Problems.Format(ProblemText.BulkWritesSystemOnly, what));
}
