namespace ThiDua.Web.Infrastructure.Audit;

/// <summary>The audit log's "who": the signed-in user of the current request, or "system" outside a request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserName => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
}
