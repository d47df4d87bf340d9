using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;
using ThiDua.Data.Notifications;

namespace ThiDua.Web.Features.Notifications;

public sealed record OutboxDto(long Id, DateTime CreatedAt, string To, string Subject, string Body, OutboxState State, DateTime? SentAt, string? Error);

/// <summary>The signed-in user's notifications, and the e-mail outbox for the admin.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", List);
        group.MapPost("/read", MarkAllRead);
        group.MapPost("/{id:long}/read", MarkRead);
        app.MapGet("/api/v1/outbox", Outbox).WithTags("Notifications").RequireAuthorization(Policies.Admin)
            .WithSummary("E-mails sent or, when SMTP is not configured, waiting here.");
        return app;
    }

    private static async Task<Ok<object>> List(NotificationService service, UserManager<ApplicationUser> users, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = users.GetUserId(user)!;
        return TypedResults.Ok<object>(new { unread = await service.UnreadAsync(id, ct), items = await service.ListAsync(id, cancellationToken: ct) });
    }

    private static async Task<NoContent> MarkAllRead(NotificationService service, UserManager<ApplicationUser> users, ClaimsPrincipal user, CancellationToken ct)
    {
        await service.MarkReadAsync(users.GetUserId(user)!, null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> MarkRead(NotificationService service, UserManager<ApplicationUser> users, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        await service.MarkReadAsync(users.GetUserId(user)!, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedList<OutboxDto>>> Outbox(ThiDuaDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var total = await db.Outbox.CountAsync(ct);
        var items = await db.Outbox.AsNoTracking().OrderByDescending(o => o.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(o => new OutboxDto(o.Id, o.CreatedAt, o.To, o.Subject, o.Body, o.State, o.SentAt, o.Error)).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<OutboxDto>(items, total, paging.Page, paging.PageSize));
    }
}
