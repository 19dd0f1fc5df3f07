using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Common.Input;

/// <summary>
/// Every API write runs in one transaction that commits only when its handler has finished
/// without an error, so an error response never follows a commit (a read-back that fails after
/// the save, or a second save that is refused, undoes the first).
/// </summary>
public static class WriteTransaction
{
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next) =>
        async invocation =>
        {
            if (HttpMethods.IsGet(invocation.HttpContext.Request.Method) || HttpMethods.IsHead(invocation.HttpContext.Request.Method))
            {
                return await next(invocation);
            }
            var db = invocation.HttpContext.RequestServices.GetRequiredService<ShegongDb>();
            if (db.Database.CurrentTransaction is not null)
            {
                return await next(invocation);
            }
            var strategy = db.Database.CreateExecutionStrategy();
            var attempt = 0;
            return await strategy.ExecuteAsync(async () =>
            {
                if (attempt++ > 0)
                {
                    // A retry starts from what the database holds, not from the failed attempt's changes.
                    db.ChangeTracker.Clear();
                }
                await using var transaction = await db.Database.BeginTransactionAsync(invocation.HttpContext.RequestAborted);
                var result = await next(invocation);
                if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
                {
                    return result;
                }
                await transaction.CommitAsync(invocation.HttpContext.RequestAborted);
                return result;
            });
        };
}
