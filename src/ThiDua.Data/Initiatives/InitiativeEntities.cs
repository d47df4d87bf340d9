using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThiDua.Core.Initiatives;
using ThiDua.Data.Files;
using ThiDua.Data.Rewards;
using ThiDua.Data.Units;

namespace ThiDua.Data.Initiatives;

/// <summary>
/// An initiative or solution ("sáng kiến, giải pháp") or a model ("mô hình hay, cách làm mới, điển hình tiên tiến")
/// a unit submits (R14). The Secretariat returns it with a reason, accepts and publishes it, and may feature a published
/// one for the provincial media centre. Only published ones are public.
/// </summary>
public class Initiative : IVersioned, ISearchable
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public InitiativeKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public InitiativeSector Sector { get; set; }
    /// <summary>What it achieved, in the unit's words (figures, people served, time saved).</summary>
    public string? Results { get; set; }
    public InitiativeStatus Status { get; set; }
    /// <summary>Chosen by the Secretariat for the provincial media centre; only a published one can be.</summary>
    public bool Featured { get; set; }
    public string? ReturnReason { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? FeaturedAt { get; set; }
    /// <summary>Title and description folded (no diacritics, lower case) for search in SQL.</summary>
    public string SearchText { get; set; } = "";
    public int Version { get; set; }
    public List<InitiativeAuthor> Authors { get; set; } = [];
    public List<InitiativeFile> Files { get; set; } = [];

    public void RefreshSearch()
    {
        var text = Core.Text.TextSearch.Fold(Title + " " + Description);
        SearchText = text.Length > MaxSearchText ? text[..MaxSearchText] : text;
    }

    public const int MaxSearchText = 4000;
}

/// <summary>An author of an initiative or model: a person's name and, when given, their position.</summary>
public class InitiativeAuthor
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    /// <summary>The author's place in the list as submitted (first author first).</summary>
    public int Ordinal { get; set; }
    public required string FullName { get; set; }
    /// <summary>The author's position ("chức vụ"), as the API names it.</summary>
    public string? Position { get; set; }
}

/// <summary>
/// A file of an initiative: a document (PDF, DOCX) as uploaded, or an image re-encoded to a bounded size with a
/// thumbnail beside it (docs/decisions/021).
/// </summary>
public class InitiativeFile
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
    public Guid? ThumbnailFileId { get; set; }
    public StoredFile? ThumbnailFile { get; set; }
    public bool IsImage { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>What the image shows, read aloud by screen readers (its alt text).</summary>
    public string? Caption { get; set; }
    public DateTime AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>A published initiative offered as evidence in a nomination's dossier (R14 → R12).</summary>
public class NominationInitiative
{
    public int NominationId { get; set; }
    public Nomination Nomination { get; set; } = null!;
    public int InitiativeId { get; set; }
    public Initiative Initiative { get; set; } = null!;
    public DateTime LinkedAt { get; set; }
    public string? LinkedBy { get; set; }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Kind).HasMaxLength(16);
        builder.Property(i => i.Sector).HasMaxLength(32);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.Title).HasMaxLength(512);
        builder.Property(i => i.Description).HasMaxLength(8000);
        builder.Property(i => i.Results).HasMaxLength(8000);
        builder.Property(i => i.ReturnReason).HasMaxLength(2000);
        builder.Property(i => i.SubmittedBy).HasMaxLength(256);
        builder.Property(i => i.ReviewedBy).HasMaxLength(256);
        builder.Property(i => i.PublishedBy).HasMaxLength(256);
        builder.Property(i => i.SearchText).HasMaxLength(Initiative.MaxSearchText);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.Status, i.PublishedAt });
        builder.HasIndex(i => i.UnitId);
        builder.HasMany(i => i.Authors).WithOne().HasForeignKey(a => a.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeAuthorConfiguration : IEntityTypeConfiguration<InitiativeAuthor>
{
    public void Configure(EntityTypeBuilder<InitiativeAuthor> builder)
    {
        builder.Property(a => a.FullName).HasMaxLength(256);
        builder.Property(a => a.Position).HasMaxLength(256);
    }
}

internal sealed class InitiativeFileConfiguration : IEntityTypeConfiguration<InitiativeFile>
{
    public void Configure(EntityTypeBuilder<InitiativeFile> builder)
    {
        builder.HasOne(f => f.File).WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.ThumbnailFile).WithMany().HasForeignKey(f => f.ThumbnailFileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Caption).HasMaxLength(512);
        builder.Property(f => f.AddedBy).HasMaxLength(256);
    }
}

internal sealed class NominationInitiativeConfiguration : IEntityTypeConfiguration<NominationInitiative>
{
    public void Configure(EntityTypeBuilder<NominationInitiative> builder)
    {
        builder.HasKey(l => new { l.NominationId, l.InitiativeId });
        builder.HasOne(l => l.Nomination).WithMany().HasForeignKey(l => l.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Initiative).WithMany().HasForeignKey(l => l.InitiativeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.LinkedBy).HasMaxLength(256);
    }
}
