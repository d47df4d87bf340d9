using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Movements;
using ThiDua.Data.Files;
using ThiDua.Data.Units;

namespace ThiDua.Data.Movements;

/// <summary>An emulation movement with its plan's dates (R3): CDS-2022-2025 is seeded from Decision 2025/QĐ-UBND.</summary>
public class Movement : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Units' annual reports are due before this day of each year (section VI.8: 15/12), "MM-dd".</summary>
    public string ReportDeadline { get; set; } = "12-15";
    /// <summary>The Secretariat's consolidated report to the Provincial People's Committee (section VI.6: 31/12), "MM-dd".</summary>
    public string ConsolidatedDeadline { get; set; } = "12-31";
    /// <summary>What "before 15 December" means when the day is not a working day: strict (the plan's words) or the next working day.</summary>
    public DeadlineRule ReportDeadlineRule { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; }
    public List<MovementPhase> Phases { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<ReviewRound> Rounds { get; set; } = [];
}

/// <summary>A review round of a movement (Core's <see cref="Core.Rewards.ReviewRound"/>): annual, mid-term or final, with what it judges.</summary>
public class ReviewRound
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public required string Code { get; set; }
    public Core.Rewards.NominationRound Kind { get; set; }
    public int Year { get; set; }
    public DateOnly ReviewDate { get; set; }
    /// <summary>"2022,2023,2024" when the round names its DTI years; empty for the default (the year before the review's).</summary>
    public string DtiYears { get; set; } = "";
    /// <summary>The movement phase whose tasks count, when the round names one.</summary>
    public string? TaskPhaseCode { get; set; }
}

public class MovementPhase
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

public class Milestone : IVersioned
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly DueDate { get; set; }
    public string? PhaseCode { get; set; }
    public int Version { get; set; }
}

/// <summary>A unit's part in a movement (R4): the day it launched the movement in its own scope, and its registration with commitments.</summary>
public class Participation : IVersioned
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public DateOnly? LaunchedOn { get; set; }
    /// <summary>The launching document: "Kế hoạch số 45/KH-SYT ngày 02/08/2022".</summary>
    public string? LaunchDocument { get; set; }
    public Guid? LaunchFileId { get; set; }
    public StoredFile? LaunchFile { get; set; }
    public DateTime? RegisteredAt { get; set; }
    public string? RegisteredBy { get; set; }
    public List<Commitment> Commitments { get; set; } = [];
    public int Version { get; set; }
}

public class Commitment
{
    public int Id { get; set; }
    public int ParticipationId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}

/// <summary>A unit's yearly movement report to the Secretariat (R5), due before 15 December.</summary>
public class AnnualReport : IVersioned
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public Movement Movement { get; set; } = null!;
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public int Year { get; set; }
    public string? Summary { get; set; }
    public string? Results { get; set; }
    /// <summary>The DTI result and the assigned tasks of the year, in the unit's words.</summary>
    public string? DtiAndTasks { get; set; }
    public string? Proposals { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>The first submission decides whether the report was on time; a later resubmission after a return does not make it late.</summary>
    public DateTime? FirstSubmittedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public string? ReturnReason { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<ReportAttachment> Attachments { get; set; } = [];
}

public class ReportAttachment
{
    public int ReportId { get; set; }
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
}

internal sealed class MovementConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> builder)
    {
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.Name).HasMaxLength(512);
        builder.Property(m => m.DecisionNumber).HasMaxLength(64);
        builder.Property(m => m.ReportDeadline).HasMaxLength(5);
        builder.Property(m => m.ConsolidatedDeadline).HasMaxLength(5);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Phases).WithOne().HasForeignKey(p => p.MovementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Milestones).WithOne().HasForeignKey(p => p.MovementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Rounds).WithOne().HasForeignKey(r => r.MovementId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.ReportDeadlineRule).HasMaxLength(16);
    }
}

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> builder)
    {
        builder.HasIndex(r => new { r.MovementId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.MovementId, r.Kind, r.Year }).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.DtiYears).HasMaxLength(256);
        builder.Property(r => r.TaskPhaseCode).HasMaxLength(64);
    }
}

internal sealed class MovementPhaseConfiguration : IEntityTypeConfiguration<MovementPhase>
{
    public void Configure(EntityTypeBuilder<MovementPhase> builder)
    {
        builder.HasIndex(p => new { p.MovementId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(256);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasIndex(m => new { m.MovementId, m.Code }).IsUnique();
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.Title).HasMaxLength(1000);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.PhaseCode).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> builder)
    {
        builder.HasIndex(p => new { p.MovementId, p.UnitId }).IsUnique();
        builder.HasOne<Movement>().WithMany().HasForeignKey(p => p.MovementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.LaunchFile).WithMany().HasForeignKey(p => p.LaunchFileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.LaunchDocument).HasMaxLength(512);
        builder.Property(p => p.RegisteredBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Commitments).WithOne().HasForeignKey(c => c.ParticipationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder) => builder.Property(c => c.Text).HasMaxLength(2000);
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.HasIndex(r => new { r.MovementId, r.UnitId, r.Year }).IsUnique();
        builder.HasOne(r => r.Movement).WithMany().HasForeignKey(r => r.MovementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Summary).HasMaxLength(20000);
        builder.Property(r => r.Results).HasMaxLength(20000);
        builder.Property(r => r.DtiAndTasks).HasMaxLength(20000);
        builder.Property(r => r.Proposals).HasMaxLength(20000);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.ReturnReason).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> builder)
    {
        builder.HasKey(a => new { a.ReportId, a.FileId });
        builder.HasOne(a => a.File).WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
