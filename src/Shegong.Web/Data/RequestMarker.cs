using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Shegong.Web.Data;

/// <summary>
/// The <see cref="DataVersion"/> marker, read once per API request instead of once per cache it serves (the account and
/// the summary). On PostgreSQL each read is a query to the server, so a request answered from the caches would otherwise
/// cost two round trips besides its own.
/// <para>
/// An answer given at the marker read first in the request reflects every commit made before the request was being
/// answered; one made by another process while it is answered is concurrent with it, and the next request sees it.
/// A command run by the request itself (which may write) forgets the marker, so what the request reads after its own
/// writes is read at a new one.
/// </para>
/// Only for plain API requests (<see cref="Attach"/>): a Blazor circuit keeps its HTTP context for as long as it is open.
/// </summary>
public sealed class RequestMarker
{
    public string? Marker { get; set; }

    /// <summary>Gives API requests a marker to share; other requests (pages, the Blazor hub) read it each time.</summary>
    public static WebApplication Attach(WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Features.Set(new RequestMarker());
            }
            return next(context);
        });
        return app;
    }

    public static RequestMarker? Of(IHttpContextAccessor accessor) => accessor.HttpContext?.Features.Get<RequestMarker>();
}

/// <summary>
/// Forgets the request's marker whenever the request runs a command or commits (<see cref="RequestMarker"/>). EF creates
/// a command for every execution, whatever its kind (query, non-query, scalar; sync or async), so one hook sees them all.
/// </summary>
public sealed class RequestMarkerReset(IHttpContextAccessor accessor) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private void Forget()
    {
        if (RequestMarker.Of(accessor) is { } request)
        {
            request.Marker = null;
        }
    }

    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        Forget();
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }
}
