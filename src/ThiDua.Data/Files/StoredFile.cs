using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThiDua.Data.Files;

/// <summary>
/// A file someone uploaded or ThiDua generated. Its bytes live in the file store under <see cref="StorageKey"/>
/// (derived from the SHA-256, never from the uploaded name); <see cref="ContentType"/> is what the content is,
/// detected from its bytes, not what the browser claimed.
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; }
    /// <summary>The name it was uploaded with, for display and download only.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
    /// <summary>The unit of the uploader, when a unit's reporter or leader uploaded it: only that unit and province-wide roles may read it.</summary>
    public int? UnitId { get; set; }
}

/// <summary>File bytes kept in the database, for several app instances sharing PostgreSQL (Storage:Kind = Database).</summary>
public class FileBlob : INotAudited
{
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(256);
        builder.Property(f => f.ContentType).HasMaxLength(128);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageKey).HasMaxLength(128);
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
        builder.HasIndex(f => f.Sha256);
    }
}

internal sealed class FileBlobConfiguration : IEntityTypeConfiguration<FileBlob>
{
    public void Configure(EntityTypeBuilder<FileBlob> builder)
    {
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(64);
    }
}
