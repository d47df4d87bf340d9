using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Core.Audit;

namespace ThiDua.Web.Features.Admin;

/// <summary>The audit log (every write: who, when, what, before/after) and its chain check.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Admin").RequireAuthorization(Policies.ViewAudit);
        audit.MapGet("/", List);
        audit.MapGet("/verify", Verify).WithSummary("Recomputes every hash of the chain; valid=false names the first broken entry.");
        return app;
    }

    private static async Task<Ok<PagedList<AuditEntryDto>>> List(AuditService service, string? entityType, string? entityKey, string? userName, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(entityType, entityKey, userName, Paging.From(page, pageSize), ct));

    private static async Task<Ok<ChainCheck>> Verify(AuditService service, CancellationToken ct) =>
        TypedResults.Ok(await service.VerifyAsync(ct));
}
