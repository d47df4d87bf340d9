using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Inspections;
using ThiDua.Data.Accounts;
using ThiDua.Data.Units;

namespace ThiDua.Data.Inspections;

/// <summary>A yearly inspection plan (R15): its team of inspectors, the units it visits, its dates and scope.</summary>
public class InspectionPlan : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Scope { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<InspectionUnit> Units { get; set; } = [];
    public List<InspectionMember> Members { get; set; } = [];
    public List<InspectionVisit> Visits { get; set; } = [];
    public List<InspectionFinding> Findings { get; set; } = [];
}

public class InspectionUnit
{
    public int PlanId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
}

/// <summary>An inspector on the plan's team: a user with the Inspector role when the plan was made.</summary>
public class InspectionMember
{
    public int PlanId { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
}

/// <summary>A visit of the team to one unit of the plan.</summary>
public class InspectionVisit
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>What the team found at one unit, and what it checked against.</summary>
public class InspectionFinding
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public FindingSubject Subject { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<InspectionRecommendation> Recommendations { get; set; } = [];
}

/// <summary>A recommendation of a finding with its due date, and the unit's latest answer to it.</summary>
public class InspectionRecommendation : IVersioned
{
    public int Id { get; set; }
    public int FindingId { get; set; }
    public InspectionFinding Finding { get; set; } = null!;
    public required string Text { get; set; }
    public DateOnly DueDate { get; set; }
    public RecommendationStatus Status { get; set; }
    public string? Response { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? RespondedBy { get; set; }
    public int Version { get; set; }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(512);
        builder.Property(p => p.Scope).HasMaxLength(4000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Year);
        builder.HasMany(p => p.Units).WithOne().HasForeignKey(u => u.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Visits).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Findings).WithOne().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionUnitConfiguration : IEntityTypeConfiguration<InspectionUnit>
{
    public void Configure(EntityTypeBuilder<InspectionUnit> builder)
    {
        builder.HasKey(u => new { u.PlanId, u.UnitId });
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionMemberConfiguration : IEntityTypeConfiguration<InspectionMember>
{
    public void Configure(EntityTypeBuilder<InspectionMember> builder)
    {
        builder.HasKey(m => new { m.PlanId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionVisitConfiguration : IEntityTypeConfiguration<InspectionVisit>
{
    public void Configure(EntityTypeBuilder<InspectionVisit> builder)
    {
        builder.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Note).HasMaxLength(4000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> builder)
    {
        builder.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Subject).HasMaxLength(16);
        builder.Property(f => f.Text).HasMaxLength(8000);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.HasIndex(f => new { f.PlanId, f.UnitId });
        builder.HasMany(f => f.Recommendations).WithOne(r => r.Finding).HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionRecommendationConfiguration : IEntityTypeConfiguration<InspectionRecommendation>
{
    public void Configure(EntityTypeBuilder<InspectionRecommendation> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.Response).HasMaxLength(8000);
        builder.Property(r => r.RespondedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The dashboard counts overdue recommendations: not done and past due.
        builder.HasIndex(r => new { r.Status, r.DueDate });
    }
}
