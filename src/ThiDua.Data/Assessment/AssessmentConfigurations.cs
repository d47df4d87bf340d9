using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThiDua.Data.Assessment;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.HasIndex(f => f.Code).IsUnique();
        builder.HasIndex(f => new { f.Year, f.UnitType });
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.Property(f => f.Name).HasMaxLength(256);
        builder.Property(f => f.UnitType).HasMaxLength(32);
        builder.Property(f => f.Supersedes).HasMaxLength(64);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class ResultPublicationConfiguration : IEntityTypeConfiguration<ResultPublication>
{
    public void Configure(EntityTypeBuilder<ResultPublication> builder)
    {
        builder.HasOne(p => p.Framework).WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.FrameworkId, p.PublishedAt });
    }
}

internal sealed class UnitAssessmentConfiguration : IEntityTypeConfiguration<UnitAssessment>
{
    public void Configure(EntityTypeBuilder<UnitAssessment> builder)
    {
        builder.ToTable("Assessments");
        builder.HasOne(a => a.Framework).WithMany().HasForeignKey(a => a.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.FrameworkId, a.UnitId }).IsUnique();
        builder.Property(a => a.Status).HasMaxLength(16);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.AppraisedBy).HasMaxLength(256);
        builder.Property(a => a.ReturnMessage).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class AssessmentValueConfiguration : IEntityTypeConfiguration<AssessmentValue>
{
    public void Configure(EntityTypeBuilder<AssessmentValue> builder)
    {
        builder.HasOne(v => v.Assessment).WithMany(a => a.Values).HasForeignKey(v => v.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.AssessmentId, v.IndicatorCode }).IsUnique();
        builder.Property(v => v.IndicatorCode).HasMaxLength(64);
        builder.Property(v => v.SelfValue).HasMaxLength(1000);
        builder.Property(v => v.AppraisedValue).HasMaxLength(1000);
        builder.Property(v => v.Note).HasMaxLength(4000);
        builder.Property(v => v.UnitResponse).HasMaxLength(4000);
        builder.Property(v => v.AppraisalReason).HasMaxLength(4000);
        builder.Property(v => v.ReturnMessage).HasMaxLength(4000);
        builder.Property(v => v.Decision).HasMaxLength(16);
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);
        builder.Property(v => v.Version).IsConcurrencyToken();
    }
}

internal sealed class AssessmentEvidenceConfiguration : IEntityTypeConfiguration<AssessmentEvidence>
{
    public void Configure(EntityTypeBuilder<AssessmentEvidence> builder)
    {
        builder.HasKey(e => new { e.AssessmentValueId, e.FileId });
        builder.HasOne(e => e.Value).WithMany(v => v.Evidence).HasForeignKey(e => e.AssessmentValueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.File).WithMany().HasForeignKey(e => e.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentEventConfiguration : IEntityTypeConfiguration<AssessmentEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentEvent> builder)
    {
        builder.HasOne<UnitAssessment>().WithMany(a => a.Events).HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.From).HasMaxLength(16);
        builder.Property(e => e.To).HasMaxLength(16);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Message).HasMaxLength(4000);
    }
}

internal sealed class CohortComputationConfiguration : IEntityTypeConfiguration<CohortComputation>
{
    public void Configure(EntityTypeBuilder<CohortComputation> builder)
    {
        builder.Property(c => c.InputsKey).HasMaxLength(64);
        builder.Property(c => c.Instance).HasMaxLength(128);
        // The claim: one computation per framework and inputs, whichever instance inserts it first.
        builder.HasIndex(c => new { c.FrameworkId, c.InputsKey }).IsUnique();
    }
}

internal sealed class StoredCohortConfiguration : IEntityTypeConfiguration<StoredCohort>
{
    public void Configure(EntityTypeBuilder<StoredCohort> builder)
    {
        builder.Property(c => c.InputsKey).HasMaxLength(64);
        builder.HasIndex(c => c.FrameworkId).IsUnique();
        builder.HasMany(c => c.Rows).WithOne().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResultRowConfiguration : IEntityTypeConfiguration<ResultRow>
{
    public void Configure(EntityTypeBuilder<ResultRow> builder)
    {
        builder.Property(r => r.UnitCode).HasMaxLength(64);
        builder.Property(r => r.UnitType).HasMaxLength(32);
        builder.Property(r => r.Band).HasMaxLength(128);
        builder.HasOne<ResultPublication>().WithMany().HasForeignKey(r => r.PublicationId).OnDelete(DeleteBehavior.Cascade);
        // Pages of a ranking in its order; a unit's rows of a year (the public profile, reward eligibility).
        builder.HasIndex(r => new { r.CohortId, r.Position });
        builder.HasIndex(r => new { r.PublicationId, r.Position });
        builder.HasIndex(r => new { r.UnitCode, r.Year });
        builder.HasIndex(r => new { r.UnitId, r.Year });
    }
}
