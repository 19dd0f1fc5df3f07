using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shegong.Web.Data;

/// <summary>Healthy when the database answers a query; /health then says 200, else 503.</summary>
public sealed class DatabaseHealthCheck(ShegongDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
