using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Targets;
using ThiDua.Data.Files;
using ThiDua.Data.Units;

namespace ThiDua.Data.Targets;

/// <summary>A quantified target of Resolution 09-NQ/TU (section II.6 of the plan) or of a later phase (R8).</summary>
public class Target : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    /// <summary>The target in the words of the source document.</summary>
    public required string Text { get; set; }
    public TargetArea Area { get; set; }
    public TargetUnit Unit { get; set; }
    public TargetDirection Direction { get; set; }
    public TargetQualifier Qualifier { get; set; }
    /// <summary>Where the figure comes from: "QĐ 2025/QĐ-UBND, mục II.6.a" …</summary>
    public string? SourceReference { get; set; }
    public int? BaselineYear { get; set; }
    public double? BaselineValue { get; set; }
    public string? BaselineSource { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public List<TargetGoalRow> Goals { get; set; } = [];
    public List<TargetMeasurement> Measurements { get; set; } = [];
    public List<TargetResponsible> Responsible { get; set; } = [];
}

public class TargetGoalRow
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }
    /// <summary>Upper end of a range goal ("47–50 %").</summary>
    public double? Max { get; set; }
    /// <summary>An intermediate milestone the text gives ("năm 2023 hoàn thành 08 CSDL").</summary>
    public bool Milestone { get; set; }
}

/// <summary>A measured value of a year with its source; every record is kept, the latest of a year counts.</summary>
public class TargetMeasurement
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }
    public required string Source { get; set; }
    /// <summary>Where the source can be read (a published page), so that anyone can check the figure.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>The date the source was published (or the figure announced); null when the source shows none.</summary>
    public DateOnly? SourceDate { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>An agency the Secretariat names for a target: its reporters may record the target's measurements.</summary>
public class TargetResponsible
{
    public int TargetId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.Property(t => t.Text).HasMaxLength(2000);
        builder.Property(t => t.Area).HasMaxLength(32);
        builder.Property(t => t.Unit).HasMaxLength(16);
        builder.Property(t => t.Direction).HasMaxLength(8);
        builder.Property(t => t.Qualifier).HasMaxLength(16);
        builder.Property(t => t.SourceReference).HasMaxLength(512);
        builder.Property(t => t.BaselineSource).HasMaxLength(512);
        builder.Property(t => t.Note).HasMaxLength(2000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Goals).WithOne().HasForeignKey(g => g.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Measurements).WithOne().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Responsible).WithOne().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TargetGoalConfiguration : IEntityTypeConfiguration<TargetGoalRow>
{
    public void Configure(EntityTypeBuilder<TargetGoalRow> builder)
    {
        builder.ToTable("TargetGoals");
        builder.HasIndex(g => new { g.TargetId, g.Year, g.Milestone });
    }
}

internal sealed class TargetMeasurementConfiguration : IEntityTypeConfiguration<TargetMeasurement>
{
    public void Configure(EntityTypeBuilder<TargetMeasurement> builder)
    {
        builder.Property(m => m.Source).HasMaxLength(1000);
        builder.Property(m => m.SourceUrl).HasMaxLength(1000);
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.Property(m => m.RecordedBy).HasMaxLength(256);
        builder.HasIndex(m => new { m.TargetId, m.Year });
    }
}

internal sealed class TargetResponsibleConfiguration : IEntityTypeConfiguration<TargetResponsible>
{
    public void Configure(EntityTypeBuilder<TargetResponsible> builder)
    {
        builder.HasKey(r => new { r.TargetId, r.UnitId });
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
