using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Movements;
using ThiDua.Data.Units;

namespace ThiDua.Data.Feedback;

/// <summary>A problem ("vướng mắc") a unit raises with the Department of Home Affairs (R17), and its thread.</summary>
public class FeedbackThread : IVersioned
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public FeedbackStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
    public List<FeedbackReply> Replies { get; set; } = [];
}

public class FeedbackReply
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public required string Body { get; set; }
    /// <summary>True when the Reward Board (Department of Home Affairs), the Secretariat or Admin answered; false for the unit.</summary>
    public bool FromBoard { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class FeedbackThreadConfiguration : IEntityTypeConfiguration<FeedbackThread>
{
    public void Configure(EntityTypeBuilder<FeedbackThread> builder)
    {
        builder.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Subject).HasMaxLength(512);
        builder.Property(t => t.Body).HasMaxLength(8000);
        builder.Property(t => t.Status).HasMaxLength(16);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Replies).WithOne().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackReplyConfiguration : IEntityTypeConfiguration<FeedbackReply>
{
    public void Configure(EntityTypeBuilder<FeedbackReply> builder)
    {
        builder.Property(r => r.Body).HasMaxLength(8000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
    }
}
