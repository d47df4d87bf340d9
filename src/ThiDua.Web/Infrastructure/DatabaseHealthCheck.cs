using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ThiDua.Web.Infrastructure;

/// <summary><c>/healthz</c> answers 200 only when the database answers.</summary>
public sealed class DatabaseHealthCheck(ThiDuaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
