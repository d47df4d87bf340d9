using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThiDua.Data.Documents;

/// <summary>What an official document is (R5, R12, R13, R18): each has one template (docs/decisions/020).</summary>
public enum OfficialDocumentKind
{
    /// <summary>Quyết định khen thưởng with its attached list.</summary>
    Decision,
    /// <summary>Tờ trình to the central level for state awards.</summary>
    StateProposal,
    /// <summary>Tờ trình đề nghị khen thưởng of a nomination.</summary>
    Proposal,
    /// <summary>Biên bản of a council session (tallies only).</summary>
    Minutes,
    /// <summary>The province's consolidated annual report of the movement.</summary>
    ConsolidatedReport,
    /// <summary>The published DTI ranking of a framework.</summary>
    Ranking,
}

/// <summary>A draft is edited (new DOCX versions); a PDF is pending while the queue renders it; issued is frozen.</summary>
public enum OfficialDocumentState
{
    Draft,
    Pending,
    Issued,
    Failed,
}

/// <summary>
/// One official document in one format: the editable DOCX or the PDF rendered from it. A DOCX is a draft until it is
/// issued; its PDF is then rendered by the queue (<see cref="DocumentJob"/>), signed when <see cref="Signed"/>, and
/// never changes again. The id is known before the PDF exists, so the QR code printed on it can name its own
/// verification page.
/// </summary>
public class OfficialDocument : IVersioned
{
    public Guid Id { get; set; }
    public OfficialDocumentKind Kind { get; set; }
    /// <summary>What it is for, one per (kind, record) and format: "decision:12", "report:CDS-2022-2025:2026", "ranking:7".</summary>
    public required string SourceKey { get; set; }
    public bool IsPdf { get; set; }
    public required string Title { get; set; }
    public string? Number { get; set; }
    public DateOnly Date { get; set; }
    public required string SignerName { get; set; }
    public required string SignerTitle { get; set; }
    public OfficialDocumentState State { get; set; }
    /// <summary>The file of the current version (null while a PDF is pending or failed).</summary>
    public Guid? FileId { get; set; }
    public string? Sha256 { get; set; }
    /// <summary>For a PDF: the DOCX it is rendered from.</summary>
    public Guid? SourceDocumentId { get; set; }
    /// <summary>For a PDF: whether it carries a digital signature (issued decisions, reports, rankings do; a draft's preview does not).</summary>
    public bool Signed { get; set; }
    public DateTime? SignedAt { get; set; }
    /// <summary>Why a PDF could not be made, in Vietnamese (LibreOffice missing, a time limit, a signing fault).</summary>
    public string? Error { get; set; }
    /// <summary>The unit that owns a draft (the proposing unit of a Tờ trình); null for the province's own documents.</summary>
    public int? OwnerUnitId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public int Version { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
}

/// <summary>A version of a document's file: the generated draft is 1, each corrected DOCX uploaded the next.</summary>
public class DocumentVersion
{
    public int Id { get; set; }
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public Guid FileId { get; set; }
    public required string Sha256 { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public enum DocumentJobState
{
    Pending,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A PDF to render (and sign) from a DOCX: the queue is this table, so a job survives a restart, and several app
/// instances share it (a job is claimed by one update that only one of them wins). Machinery, not a record people
/// change: the document it produces is audited, the queue is not.
/// </summary>
public class DocumentJob : INotAudited
{
    public int Id { get; set; }
    public Guid DocumentId { get; set; }
    public DocumentJobState State { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The instance working on it and until when; a claim whose time has passed (a crash) may be taken again.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>A detached signature (.p7s) made once for one content (by its SHA-256): open-data downloads are signed once, not per request.</summary>
public class DetachedSignature : INotAudited
{
    public required string Sha256 { get; set; }
    public required byte[] Signature { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class OfficialDocumentConfiguration : IEntityTypeConfiguration<OfficialDocument>
{
    public void Configure(EntityTypeBuilder<OfficialDocument> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.State).HasMaxLength(16);
        builder.Property(d => d.SourceKey).HasMaxLength(128);
        builder.Property(d => d.Title).HasMaxLength(512);
        builder.Property(d => d.Number).HasMaxLength(64);
        builder.Property(d => d.SignerName).HasMaxLength(256);
        builder.Property(d => d.SignerTitle).HasMaxLength(256);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Error).HasMaxLength(1000);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.IssuedBy).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // One DOCX and one PDF per record: two people generating the same document at once get one of them.
        builder.HasIndex(d => new { d.SourceKey, d.IsPdf }).IsUnique();
        builder.HasIndex(d => d.Sha256);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
    }
}

internal sealed class DocumentJobConfiguration : IEntityTypeConfiguration<DocumentJob>
{
    public void Configure(EntityTypeBuilder<DocumentJob> builder)
    {
        builder.Property(j => j.State).HasMaxLength(16);
        builder.Property(j => j.Error).HasMaxLength(1000);
        builder.Property(j => j.ClaimedBy).HasMaxLength(128);
        builder.HasIndex(j => j.State);
        builder.HasIndex(j => j.DocumentId);
    }
}

internal sealed class DetachedSignatureConfiguration : IEntityTypeConfiguration<DetachedSignature>
{
    public void Configure(EntityTypeBuilder<DetachedSignature> builder)
    {
        builder.HasKey(s => s.Sha256);
        builder.Property(s => s.Sha256).HasMaxLength(64);
    }
}
