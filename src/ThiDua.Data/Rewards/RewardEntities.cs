using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Rewards;
using ThiDua.Data.Accounts;
using ThiDua.Data.Files;
using ThiDua.Data.Units;

namespace ThiDua.Data.Rewards;

/// <summary>A proposal to reward a unit, an enterprise, a person or another contributor (R10, R11).</summary>
public class Nomination : IVersioned
{
    public int Id { get; set; }
    public int MovementId { get; set; }
    public Movements.Movement Movement { get; set; } = null!;
    /// <summary>The movement's review round the nomination belongs to (its kind and year are copied in Round and Year).</summary>
    public int? ReviewRoundId { get; set; }
    public Movements.ReviewRound? ReviewRound { get; set; }
    public NominationRound Round { get; set; }
    public int Year { get; set; }
    public NomineeKind NomineeKind { get; set; }
    /// <summary>The nominee itself when it is a unit or an enterprise.</summary>
    public int? NomineeUnitId { get; set; }
    public Unit? NomineeUnit { get; set; }
    /// <summary>The unit that proposes (and whose leader submits): the nominee itself, or the person's unit.</summary>
    public int ProposingUnitId { get; set; }
    public Unit ProposingUnit { get; set; } = null!;
    public string? PersonFullName { get; set; }
    public string? PersonPosition { get; set; }
    public string? PersonOrganization { get; set; }
    public DateOnly? PersonBirthDate { get; set; }
    public string? PersonGender { get; set; }
    public AwardLevel Award { get; set; }
    public required string Achievements { get; set; }
    public NominationStatus Status { get; set; }
    public int? CouncilSessionId { get; set; }
    public DateOnly? NoticeStart { get; set; }
    public DateOnly? NoticeEnd { get; set; }
    public int? DecisionId { get; set; }
    /// <summary>The province's Tờ trình that proposed this state award to the central level.</summary>
    public int? StateProposalId { get; set; }
    public StateProposal? StateProposal { get; set; }
    public string? RejectionReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<NominationStep> Steps { get; set; } = [];
    public List<NominationDocument> Documents { get; set; } = [];
    public List<NominationCriterion> Criteria { get; set; } = [];

    /// <summary>"Nguyễn Văn Bình, Phó Giám đốc, Sở Y tế", or the nominee unit's name (loaded with it).</summary>
    public string NomineeName => NominationRules.NomineeName(NomineeKind, NomineeUnit?.Name, PersonFullName, PersonPosition, PersonOrganization);

    /// <summary>A new draft with the first step of its route; its checklist comes from the award's rule set (<see cref="SetChecklist"/>).</summary>
    public static Nomination Draft(int movementId, NomineeKind kind, string? userName, DateTime at)
    {
        var nomination = new Nomination
        {
            MovementId = movementId,
            NomineeKind = kind,
            Achievements = "",
            Status = NominationStatus.Draft,
            CreatedAt = at,
            CreatedBy = userName,
        };
        nomination.Steps.Add(new NominationStep { At = at, UserName = userName, From = null, To = NominationStatus.Draft, Reason = "Lập hồ sơ" });
        return nomination;
    }

    /// <summary>The checklist of the award's rule set for this kind of nominee: items already ticked stay, new ones are added, dropped ones go.</summary>
    public void SetChecklist(IReadOnlyList<RewardCriteria.Item> items)
    {
        Criteria.RemoveAll(c => !items.Any(i => i.Code == c.Code));
        foreach (var item in items.Where(i => !Criteria.Any(c => c.Code == i.Code)))
        {
            Criteria.Add(new NominationCriterion { Code = item.Code, Text = item.Text, Mandatory = item.Mandatory });
        }
    }

    /// <summary>Moves the dossier one step along its route and records who, when and why; a step out of order is a conflict (409).</summary>
    public void MoveTo(NominationStatus to, string? userName, DateTime at, string? reason = null)
    {
        NominationWorkflow.EnsureCanMove(Status, to);
        Steps.Add(new NominationStep { At = at, UserName = userName, From = Status, To = to, Reason = reason });
        Status = to;
        if (to == NominationStatus.Rejected)
        {
            RejectionReason = reason;
        }
    }

    /// <summary>Records what the council's closed session did to this nomination.</summary>
    public void Apply(CouncilOutcome outcome, string? userName, DateTime at)
    {
        MoveTo(outcome.To, userName, at, outcome.Reason);
        if (outcome.RejectionReason is not null)
        {
            RejectionReason = outcome.RejectionReason;
        }
        if (outcome.LeavesSession)
        {
            CouncilSessionId = null;
        }
    }

    /// <summary>Adds a typed document: a second one of a kind becomes its next version, and the earlier stays.</summary>
    public NominationDocument AddDocument(DocumentKind kind, Guid fileId, string? userName, DateTime at)
    {
        var document = new NominationDocument
        {
            Kind = kind,
            VersionNumber = Documents.Where(d => d.Kind == kind).Select(d => d.VersionNumber).DefaultIfEmpty(0).Max() + 1,
            FileId = fileId,
            UploadedAt = at,
            UploadedBy = userName,
        };
        Documents.Add(document);
        return document;
    }
}

/// <summary>One step of the route: who, when, from which status to which, and why.</summary>
public class NominationStep
{
    public long Id { get; set; }
    public int NominationId { get; set; }
    public DateTime At { get; set; }
    public string? UserName { get; set; }
    public NominationStatus? From { get; set; }
    public NominationStatus To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A typed dossier document; a new upload of a kind is a new version and the old one is kept.</summary>
public class NominationDocument
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public DocumentKind Kind { get; set; }
    public int VersionNumber { get; set; }
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

/// <summary>An item of an award's criteria for enterprises and people, ticked by the Reward Board with a note.</summary>
public class NominationCriterion
{
    public int NominationId { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public bool Mandatory { get; set; }
    public bool Checked { get; set; }
    public string? Note { get; set; }
    public string? CheckedBy { get; set; }
    public DateTime? CheckedAt { get; set; }
}

/// <summary>A meeting of the Emulation-Reward Council (R13) with its members, nominations and rules.</summary>
public class CouncilSession : IVersioned
{
    public int Id { get; set; }
    /// <summary>The standing council the session belongs to: its members are the council's, and they all count.</summary>
    public int? CouncilId { get; set; }
    public Council? Council { get; set; }
    public DateOnly Date { get; set; }
    public string? Title { get; set; }
    public double QuorumFraction { get; set; }
    public double PassFraction { get; set; }
    public bool PassOfMembers { get; set; }
    public bool Closed { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>The result at closing (members, present, quorum, tallies) as JSON — the minutes' data. No voter appears in it.</summary>
    public string? ResultJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<CouncilSessionMember> Members { get; set; } = [];
    public List<Nomination> Nominations { get; set; } = [];
}

public class CouncilSessionMember
{
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
}

/// <summary>That a member voted, and when — never what. Unique per member and session: a member votes once.</summary>
public class BallotReceipt
{
    public int SessionId { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// The anonymous choices, kept only as counts per nomination: there is no row per voter that a query, an export or
/// the audit log could tie to a member (counts are incremented atomically and left out of the audit log, which
/// records the receipt instead).
/// </summary>
public class BallotTally : INotAudited
{
    public int SessionId { get; set; }
    public int NominationId { get; set; }
    public int Yes { get; set; }
    public int No { get; set; }
    public int Abstain { get; set; }
}

/// <summary>A comment of the public on a nomination under public notice, read by the Reward Board.</summary>
public class PublicComment
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}

/// <summary>A reward decision ("Quyết định khen thưởng"): numbered per issuing body and year, dated, signed.</summary>
public class RewardDecision
{
    public int Id { get; set; }
    /// <summary>"UBND" for the Chairman of the Provincial People's Committee, otherwise the issuing unit's code.</summary>
    public required string IssuingBody { get; set; }
    public int Year { get; set; }
    /// <summary>The number in the issuing body's register; null for a central decision, whose register is not ours.</summary>
    public int? Sequence { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public required string SignerName { get; set; }
    public required string SignerTitle { get; set; }
    public string? NoticeWaiverReason { get; set; }
    public Guid? DocumentId { get; set; }
    public Guid? DocxDocumentId { get; set; }
    /// <summary>The issuing unit (null for the Chairman of the province, and for a central decision).</summary>
    public int? IssuingUnitId { get; set; }
    /// <summary>Who decided, as the history shows it: "Chủ tịch UBND tỉnh Quảng Ninh", "Giám đốc Sở Y tế", "Chủ tịch nước".</summary>
    public string? Issuer { get; set; }
    /// <summary>True for the President's or the Prime Minister's decision, recorded after the province's proposal: numbered in their register, not ours.</summary>
    public bool Central { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<Reward> Rewards { get; set; } = [];
}

/// <summary>A reward given: the history that stays searchable (R13).</summary>
public class Reward
{
    public int Id { get; set; }
    public int DecisionId { get; set; }
    public RewardDecision Decision { get; set; } = null!;
    public int NominationId { get; set; }
    public AwardLevel Award { get; set; }
    public NominationRound Round { get; set; }
    public int Year { get; set; }
    public NomineeKind NomineeKind { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string? PersonFullName { get; set; }
    public string? PersonPosition { get; set; }
    public string? PersonOrganization { get; set; }
    public DateOnly? PersonBirthDate { get; set; }
    public string? PersonGender { get; set; }
    public required string Achievements { get; set; }
    /// <summary>The person's or the unit's name without diacritics, for search: "nguyen van a".</summary>
    public required string SearchName { get; set; }
    /// <summary>The person's organisation without diacritics, for search.</summary>
    public string? SearchOrganization { get; set; }
    /// <summary>The coefficient of the base salary the rule set in force on the decision's date gives; null when it gives none.</summary>
    public double? MoneyCoefficient { get; set; }
    /// <summary>The reward money in đồng: the coefficient × the base salary in force on the decision's date, rounded to the đồng.</summary>
    public decimal? MoneyAmount { get; set; }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.HasOne(n => n.Movement).WithMany().HasForeignKey(n => n.MovementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.NomineeUnit).WithMany().HasForeignKey(n => n.NomineeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.ProposingUnit).WithMany().HasForeignKey(n => n.ProposingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CouncilSession>().WithMany(s => s.Nominations).HasForeignKey(n => n.CouncilSessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RewardDecision>().WithMany().HasForeignKey(n => n.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.ReviewRound).WithMany().HasForeignKey(n => n.ReviewRoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.StateProposal).WithMany().HasForeignKey(n => n.StateProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Round).HasMaxLength(16);
        builder.Property(n => n.NomineeKind).HasMaxLength(16);
        builder.Property(n => n.Award).HasMaxLength(32);
        builder.Property(n => n.Status).HasMaxLength(32);
        builder.Property(n => n.PersonFullName).HasMaxLength(256);
        builder.Property(n => n.PersonPosition).HasMaxLength(256);
        builder.Property(n => n.PersonOrganization).HasMaxLength(256);
        builder.Property(n => n.PersonGender).HasMaxLength(16);
        builder.Property(n => n.Achievements).HasMaxLength(20000);
        builder.Property(n => n.RejectionReason).HasMaxLength(4000);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.Status, n.Award });
        builder.HasMany(n => n.Steps).WithOne().HasForeignKey(s => s.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Documents).WithOne().HasForeignKey(d => d.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Criteria).WithOne().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationStepConfiguration : IEntityTypeConfiguration<NominationStep>
{
    public void Configure(EntityTypeBuilder<NominationStep> builder)
    {
        builder.Property(s => s.From).HasMaxLength(32);
        builder.Property(s => s.To).HasMaxLength(32);
        builder.Property(s => s.UserName).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(4000);
    }
}

internal sealed class NominationDocumentConfiguration : IEntityTypeConfiguration<NominationDocument>
{
    public void Configure(EntityTypeBuilder<NominationDocument> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        builder.HasOne(d => d.File).WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.NominationId, d.Kind, d.VersionNumber }).IsUnique();
    }
}

internal sealed class NominationCriterionConfiguration : IEntityTypeConfiguration<NominationCriterion>
{
    public void Configure(EntityTypeBuilder<NominationCriterion> builder)
    {
        builder.HasKey(c => new { c.NominationId, c.Code });
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.Text).HasMaxLength(1000);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.CheckedBy).HasMaxLength(256);
    }
}

internal sealed class CouncilSessionConfiguration : IEntityTypeConfiguration<CouncilSession>
{
    public void Configure(EntityTypeBuilder<CouncilSession> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(512);
        builder.Property(s => s.ClosedBy).HasMaxLength(256);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Council).WithMany().HasForeignKey(s => s.CouncilId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouncilSessionMemberConfiguration : IEntityTypeConfiguration<CouncilSessionMember>
{
    public void Configure(EntityTypeBuilder<CouncilSessionMember> builder)
    {
        builder.HasKey(m => new { m.SessionId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotReceiptConfiguration : IEntityTypeConfiguration<BallotReceipt>
{
    public void Configure(EntityTypeBuilder<BallotReceipt> builder)
    {
        builder.HasKey(r => new { r.SessionId, r.UserId });
        builder.HasOne<CouncilSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotTallyConfiguration : IEntityTypeConfiguration<BallotTally>
{
    public void Configure(EntityTypeBuilder<BallotTally> builder)
    {
        builder.HasKey(t => new { t.SessionId, t.NominationId });
        builder.HasOne<CouncilSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicCommentConfiguration : IEntityTypeConfiguration<PublicComment>
{
    public void Configure(EntityTypeBuilder<PublicComment> builder)
    {
        builder.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(256);
        builder.Property(c => c.Contact).HasMaxLength(256);
        builder.Property(c => c.Body).HasMaxLength(4000);
        builder.Property(c => c.ReadBy).HasMaxLength(256);
    }
}

internal sealed class RewardDecisionConfiguration : IEntityTypeConfiguration<RewardDecision>
{
    public void Configure(EntityTypeBuilder<RewardDecision> builder)
    {
        builder.ToTable("Decisions");
        builder.HasIndex(d => new { d.IssuingBody, d.Year, d.Sequence }).IsUnique();
        builder.Property(d => d.IssuingBody).HasMaxLength(64);
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.SignerName).HasMaxLength(256);
        builder.Property(d => d.SignerTitle).HasMaxLength(256);
        builder.Property(d => d.NoticeWaiverReason).HasMaxLength(2000);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.Issuer).HasMaxLength(256);
        builder.HasOne<Unit>().WithMany().HasForeignKey(d => d.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Rewards).WithOne(r => r.Decision).HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RewardConfiguration : IEntityTypeConfiguration<Reward>
{
    public void Configure(EntityTypeBuilder<Reward> builder)
    {
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.NominationId).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Award });
        builder.HasIndex(r => r.SearchName);
        builder.Property(r => r.Award).HasMaxLength(32);
        builder.Property(r => r.Round).HasMaxLength(16);
        builder.Property(r => r.NomineeKind).HasMaxLength(16);
        builder.Property(r => r.MoneyAmount).HasPrecision(18, 0);
        builder.Property(r => r.PersonFullName).HasMaxLength(256);
        builder.Property(r => r.PersonPosition).HasMaxLength(256);
        builder.Property(r => r.PersonOrganization).HasMaxLength(256);
        builder.Property(r => r.PersonGender).HasMaxLength(16);
        builder.Property(r => r.Achievements).HasMaxLength(20000);
        builder.Property(r => r.SearchName).HasMaxLength(256);
        builder.Property(r => r.SearchOrganization).HasMaxLength(256);
    }
}
