using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Data.Files;
using ThiDua.Data.Units;

namespace ThiDua.Data.Tasks;

/// <summary>A task assigned by Decision 1488/QĐ-UBND, Plan 59/KH-UBND or Plan 60/KH-UBND (or a later document) to one or more units (R9).</summary>
public class AssignedTask : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>The assigning document, as its number reads: "1488/QĐ-UBND", "59/KH-UBND", "60/KH-UBND".</summary>
    public required string SourceDocument { get; set; }
    public string? Description { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>Entered as an example until the Secretariat imports the real tasks.</summary>
    public bool Illustrative { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<TaskAssignee> Assignees { get; set; } = [];
    public List<TaskProgressReport> Progress { get; set; } = [];
}

public class TaskAssignee
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
}

/// <summary>One progress report of one assignee; all are kept, the latest counts.</summary>
public class TaskProgressReport
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public double Percent { get; set; }
    public bool Completed { get; set; }
    public string? Note { get; set; }
    public Guid? EvidenceFileId { get; set; }
    public StoredFile? EvidenceFile { get; set; }
    public DateTime ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
}

internal sealed class AssignedTaskConfiguration : IEntityTypeConfiguration<AssignedTask>
{
    public void Configure(EntityTypeBuilder<AssignedTask> builder)
    {
        builder.ToTable("Tasks");
        builder.HasIndex(t => new { t.SourceDocument, t.Code }).IsUnique();
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.Property(t => t.Title).HasMaxLength(1000);
        builder.Property(t => t.SourceDocument).HasMaxLength(64);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.DueDate);
        builder.HasMany(t => t.Assignees).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Progress).WithOne().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskAssigneeConfiguration : IEntityTypeConfiguration<TaskAssignee>
{
    public void Configure(EntityTypeBuilder<TaskAssignee> builder)
    {
        builder.HasKey(a => new { a.TaskId, a.UnitId });
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskProgressConfiguration : IEntityTypeConfiguration<TaskProgressReport>
{
    public void Configure(EntityTypeBuilder<TaskProgressReport> builder)
    {
        builder.ToTable("TaskProgress");
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.EvidenceFile).WithMany().HasForeignKey(p => p.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Note).HasMaxLength(4000);
        builder.Property(p => p.ReportedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.TaskId, p.UnitId, p.ReportedAt });
    }
}
