using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThiDua.Data.Units;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(256);
        builder.Property(u => u.SearchName).HasMaxLength(256);
        builder.HasIndex(u => u.SearchName);
        builder.Property(u => u.Subtype).HasMaxLength(32);
        builder.Property(u => u.Type).HasMaxLength(32);
        builder.Property(u => u.Source).HasMaxLength(2000);
        builder.Property(u => u.FocalPersonName).HasMaxLength(256);
        builder.Property(u => u.FocalPersonEmail).HasMaxLength(256);
        builder.Property(u => u.FocalPersonPhone).HasMaxLength(32);
        builder.Property(u => u.Abbreviation).HasMaxLength(32);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.Type, u.ValidFrom, u.ValidTo });
        builder.Ignore(u => u.Validity);
    }
}

internal sealed class UnitLineageConfiguration : IEntityTypeConfiguration<UnitLineage>
{
    public void Configure(EntityTypeBuilder<UnitLineage> builder)
    {
        builder.HasOne(l => l.Predecessor).WithMany(u => u.SuccessorLinks).HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Successor).WithMany(u => u.PredecessorLinks).HasForeignKey(l => l.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Reorganization).WithMany(r => r.Links).HasForeignKey(l => l.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.PredecessorId, l.SuccessorId }).IsUnique();
    }
}

internal sealed class ReorganizationConfiguration : IEntityTypeConfiguration<Reorganization>
{
    public void Configure(EntityTypeBuilder<Reorganization> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.HasIndex(c => new { c.Code, c.Year }).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(256);
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class ClusterMemberConfiguration : IEntityTypeConfiguration<ClusterMember>
{
    public void Configure(EntityTypeBuilder<ClusterMember> builder)
    {
        builder.HasKey(m => new { m.ClusterId, m.UnitId });
        builder.HasOne(m => m.Cluster).WithMany(c => c.Members).HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
