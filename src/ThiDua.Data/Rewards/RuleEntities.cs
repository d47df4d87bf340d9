using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Rewards;
using ThiDua.Data.Accounts;
using ThiDua.Data.Units;

namespace ThiDua.Data.Rewards;

/// <summary>
/// A dated rule set of one award (Core's <see cref="RewardRuleSet"/>): kept as rows so that the Admin and the Reward Board
/// add a new version when the law changes, and a decision applies the one valid on its date. Lists are JSON columns.
/// </summary>
public class RewardRule
{
    public int Id { get; set; }
    public AwardLevel Award { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Source { get; set; }
    public IssuerLevel Issuer { get; set; }
    public bool RequiresCouncil { get; set; }
    public NoticeTiming NoticeWhen { get; set; }
    public int NoticeWorkingDays { get; set; }
    public double QuorumFraction { get; set; }
    public double PassFraction { get; set; }
    public bool PassOfMembers { get; set; }
    /// <summary>["proposal","minutes","achievement_report"].</summary>
    public required string RequiredDocumentsJson { get; set; }
    /// <summary>[{code:"unit:chap-hanh", text, mandatory}] — the code's prefix names the kind of nominee ("*" for all).</summary>
    public required string CriteriaJson { get; set; }
    /// <summary>{"receive":5,"council":20,…} in working days.</summary>
    public required string StepTimeLimitsJson { get; set; }
    public double? PersonCoefficient { get; set; }
    public double? CollectiveCoefficient { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>The base salary (mức lương cơ sở) from a date, with the decree that set it: the unit of reward money.</summary>
public class BaseSalary
{
    public DateOnly ValidFrom { get; set; }
    public decimal Amount { get; set; }
    public required string Source { get; set; }
}

/// <summary>A standing Emulation–Reward Council (Hội đồng Thi đua – Khen thưởng) of an issuing level, set up by a decision, with a fixed membership.</summary>
public class Council : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int IssuingUnitId { get; set; }
    public Unit IssuingUnit { get; set; } = null!;
    public required string EstablishedByNumber { get; set; }
    public DateOnly EstablishedByDate { get; set; }
    public DateOnly TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<CouncilMember> Members { get; set; } = [];
}

public class CouncilMember
{
    public int CouncilId { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
}

/// <summary>The province's proposal (Tờ trình) of state awards to the central level: numbered in the province's register as TTr-UBND.</summary>
public class StateProposal
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public required string SignerName { get; set; }
    public required string SignerTitle { get; set; }
    /// <summary>The signed PDF of the Tờ trình and its Word source (docs/decisions/020).</summary>
    public Guid? DocumentId { get; set; }
    public Guid? DocxDocumentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class RewardRuleConfiguration : IEntityTypeConfiguration<RewardRule>
{
    public void Configure(EntityTypeBuilder<RewardRule> builder)
    {
        builder.Property(r => r.Award).HasMaxLength(32);
        builder.Property(r => r.Issuer).HasMaxLength(16);
        builder.Property(r => r.NoticeWhen).HasMaxLength(16);
        builder.Property(r => r.Source).HasMaxLength(2000);
        builder.Property(r => r.RequiredDocumentsJson).HasMaxLength(1000);
        builder.Property(r => r.CriteriaJson).HasMaxLength(20000);
        builder.Property(r => r.StepTimeLimitsJson).HasMaxLength(2000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.Award, r.ValidFrom }).IsUnique();
    }
}

internal sealed class BaseSalaryConfiguration : IEntityTypeConfiguration<BaseSalary>
{
    public void Configure(EntityTypeBuilder<BaseSalary> builder)
    {
        builder.HasKey(b => b.ValidFrom);
        builder.Property(b => b.Amount).HasPrecision(18, 0);
        builder.Property(b => b.Source).HasMaxLength(1000);
    }
}

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(512);
        builder.Property(c => c.EstablishedByNumber).HasMaxLength(64);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.IssuingUnit).WithMany().HasForeignKey(c => c.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CouncilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> builder)
    {
        builder.HasKey(m => new { m.CouncilId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StateProposalConfiguration : IEntityTypeConfiguration<StateProposal>
{
    public void Configure(EntityTypeBuilder<StateProposal> builder)
    {
        builder.HasIndex(p => new { p.Year, p.Sequence }).IsUnique();
        builder.Property(p => p.Number).HasMaxLength(64);
        builder.Property(p => p.SignerName).HasMaxLength(256);
        builder.Property(p => p.SignerTitle).HasMaxLength(256);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
    }
}
