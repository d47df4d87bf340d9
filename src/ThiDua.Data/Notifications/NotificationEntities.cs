using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Data.Accounts;

namespace ThiDua.Data.Notifications;

/// <summary>An in-app notification (the bell): a reminder, a reply, a step of a workflow.</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string? Link { get; set; }
    public DateTime? ReadAt { get; set; }
}

public enum OutboxState
{
    /// <summary>SMTP is not configured: the message waits here for the admin to read.</summary>
    NotSent,
    Sent,
    Failed,
}

/// <summary>An e-mail: sent through SMTP when it is configured, otherwise kept here (the outbox the admin reads).</summary>
public class OutboxEmail
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public OutboxState State { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// A reminder already sent (or passed) for one deadline, recipient unit and offset: the unique key is what keeps a
/// reminder from being sent twice, also across restarts and app instances.
/// </summary>
public class SentReminder
{
    public long Id { get; set; }
    /// <summary>The deadline: "report:CDS-2022-2025:2025".</summary>
    public required string DeadlineKey { get; set; }
    /// <summary>The unit reminded, or 0 for province-wide recipients (the Secretariat).</summary>
    public int UnitId { get; set; }
    /// <summary>Days before the deadline (14, 7, 3, 1), 0 for the overdue notice.</summary>
    public int DaysBefore { get; set; }
    public bool Sent { get; set; }
    public DateTime At { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Title).HasMaxLength(512);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(512);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.To).HasMaxLength(512);
        builder.Property(o => o.Subject).HasMaxLength(512);
        builder.Property(o => o.Body).HasMaxLength(8000);
        builder.Property(o => o.State).HasMaxLength(16);
        builder.Property(o => o.Error).HasMaxLength(2000);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.DeadlineKey).HasMaxLength(128);
        builder.HasIndex(r => new { r.DeadlineKey, r.UnitId, r.DaysBefore }).IsUnique();
    }
}
