using MimeKit;
using ThiDua.Data.Notifications;

namespace ThiDua.Web.Features.Notifications;

public sealed record NotificationDto(long Id, DateTime CreatedAt, string Title, string? Body, string? Link, bool Read);

/// <summary>
/// Who receives a message: every user of the given roles, optionally only those bound to one unit, or only the named
/// users (<see cref="UserIds"/>, e.g. the members who sit in one council session) among them.
/// </summary>
public sealed record Recipients(IReadOnlyList<string> Roles, int? UnitId = null)
{
    public IReadOnlyCollection<string>? UserIds { get; init; }
}

/// <summary>
/// In-app notifications (the bell) and e-mail. E-mail goes through SMTP with MailKit when <c>Smtp:Host</c> is
/// configured; otherwise it stays in the outbox for the admin to read. Either way every e-mail is recorded.
/// </summary>
public sealed class NotificationService(ThiDuaDbContext db, IConfiguration configuration, TimeProvider clock, ILogger<NotificationService> logger)
{
    public async Task<int> NotifyAsync(Recipients recipients, string title, string body, string? link, CancellationToken cancellationToken = default)
    {
        var roleIds = await db.Roles.Where(r => recipients.Roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var query = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        if (recipients.UnitId is int unitId)
        {
            query = query.Where(u => u.UnitId == unitId);
        }
        if (recipients.UserIds is { } ids)
        {
            query = query.Where(u => ids.Contains(u.Id));
        }
        var users = await query.Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification { UserId = user.Id, CreatedAt = now, Title = title, Body = body, Link = link });
        }
        var emails = users.Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.Count > 0)
        {
            db.Outbox.Add(await SendAsync(string.Join(", ", emails), title, body + (link is null ? "" : $"\n\n{BaseUrl()}{link}"), cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        return users.Count;
    }

    /// <summary>
    /// The same message to the staff (reporter and leader) of each of several units, found in one query; each unit gets
    /// its own e-mail, so no unit learns another's addresses.
    /// </summary>
    public async Task<int> NotifyUnitsAsync(IEnumerable<int> unitIds, string title, string body, string? link, CancellationToken cancellationToken = default)
    {
        var units = unitIds.Distinct().ToList();
        if (units.Count == 0)
        {
            return 0;
        }
        var roleIds = await db.Roles.Where(r => Roles.UnitScoped.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var users = await db.Users.Where(u => u.UnitId != null && units.Contains(u.UnitId.Value) && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.Email, UnitId = u.UnitId!.Value }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification { UserId = user.Id, CreatedAt = now, Title = title, Body = body, Link = link });
        }
        foreach (var unit in users.Where(u => !string.IsNullOrWhiteSpace(u.Email)).GroupBy(u => u.UnitId))
        {
            var emails = unit.Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase);
            db.Outbox.Add(await SendAsync(string.Join(", ", emails), title, body + (link is null ? "" : $"\n\n{BaseUrl()}{link}"), cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        return users.Count;
    }

    /// <summary>
    /// Each unit its own message (title and body name the unit), to its staff (reporter and leader): the users of all
    /// units are found in one query and everything is written in one SaveChanges — a round of reminders to thousands of
    /// units is one write, not one per unit.
    /// </summary>
    public async Task<int> NotifyEachUnitAsync(IReadOnlyList<(int UnitId, string Title, string Body)> messages, string? link, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return 0;
        }
        var units = messages.Select(m => m.UnitId).Distinct().ToList();
        string[] staff = [Roles.UnitReporter, Roles.UnitLeader];
        var roleIds = await db.Roles.Where(r => staff.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var users = (await db.Users.Where(u => u.UnitId != null && units.Contains(u.UnitId.Value) && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.Email, UnitId = u.UnitId!.Value }).ToListAsync(cancellationToken)).ToLookup(u => u.UnitId);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var (unitId, title, body) in messages)
        {
            foreach (var user in users[unitId])
            {
                db.Notifications.Add(new Notification { UserId = user.Id, CreatedAt = now, Title = title, Body = body, Link = link });
                count++;
            }
            var emails = users[unitId].Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (emails.Count > 0)
            {
                db.Outbox.Add(await SendAsync(string.Join(", ", emails), title, body + (link is null ? "" : $"\n\n{BaseUrl()}{link}"), cancellationToken));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    public async Task<IReadOnlyList<NotificationDto>> ListAsync(string userId, int take = 100, CancellationToken cancellationToken = default) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationDto(n.Id, n.CreatedAt, n.Title, n.Body, n.Link, n.ReadAt != null))
            .ToListAsync(cancellationToken);

    public Task<int> UnreadAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task MarkReadAsync(string userId, long? id, CancellationToken cancellationToken = default)
    {
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread)
        {
            n.ReadAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private string BaseUrl() => (configuration["PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');

    private async Task<OutboxEmail> SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var email = new OutboxEmail { CreatedAt = clock.GetUtcNow().UtcDateTime, To = to, Subject = subject, Body = body, State = OutboxState.NotSent };
        var host = configuration["Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            return email;
        }
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(configuration["Smtp:From"] ?? "thidua@quangninh.gov.vn"));
            foreach (var address in to.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                message.To.Add(MailboxAddress.Parse(address));
            }
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };
            using var smtp = new MailKit.Net.Smtp.SmtpClient();
            var port = configuration.GetValue<int?>("Smtp:Port") ?? 587;
            await smtp.ConnectAsync(host, port, configuration.GetValue<bool>("Smtp:UseSsl") ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (configuration["Smtp:UserName"] is { Length: > 0 } userName)
            {
                await smtp.AuthenticateAsync(userName, configuration["Smtp:Password"] ?? "", cancellationToken);
            }
            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(true, cancellationToken);
            email.State = OutboxState.Sent;
            email.SentAt = clock.GetUtcNow().UtcDateTime;
        }
        catch (Exception e) when (e is MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Security.AuthenticationException or IOException or System.Net.Sockets.SocketException or ParseException or OperationCanceledException)
        {
            // The addresses stay in the outbox (readable by the administrator), not in the log.
            logger.LogWarning("Sending an e-mail to {Count} recipient(s) failed: {Error}", to.Split(',').Length, e.GetType().Name);
            email.State = OutboxState.Failed;
            email.Error = e.Message;
        }
        return email;
    }

    /// <summary>The roles that look after a unit's obligations: its reporter and leader.</summary>
    public static Recipients UnitStaff(int unitId) => new([Roles.UnitReporter, Roles.UnitLeader], unitId);

    /// <summary>The unit's leader only: the one who submits what its staff prepared.</summary>
    public static Recipients UnitLeaders(int unitId) => new([Roles.UnitLeader], unitId);
}
