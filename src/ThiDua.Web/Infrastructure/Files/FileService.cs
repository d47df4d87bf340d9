using System.Security.Cryptography;
using ThiDua.Data.Files;

namespace ThiDua.Web.Infrastructure.Files;

/// <summary>A file refused at upload: too large (413) or not of an accepted type by its content (415).</summary>
public sealed class FileRejectedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

public sealed record FileDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string? UploadedBy);

/// <summary>
/// Stores uploads: checks the size, detects the type from the bytes, hashes them (SHA-256), keeps the bytes once
/// per hash in the file store and a row per upload with who, when and which unit.
/// </summary>
public sealed class FileService(ThiDuaDbContext db, IFileStore store, IConfiguration configuration, CurrentUser user, TimeProvider clock)
{
    public long MaxBytes => configuration.GetValue<long?>("Storage:MaxFileBytes") ?? 20 * 1024 * 1024;

    public async Task<StoredFile> SaveAsync(IFormFile? upload, IReadOnlySet<string> accepted, CancellationToken cancellationToken) =>
        await SaveAsync(await ReadUploadAsync(upload, cancellationToken), upload!.FileName, accepted, cancellationToken);

    /// <summary>The bytes of an upload, refused when there is none, it is empty (400) or over the limit (413).</summary>
    public async Task<byte[]> ReadUploadAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            throw DomainException.ForField("file", "Chưa chọn tệp, hoặc tệp rỗng.");
        }
        if (upload.Length > MaxBytes)
        {
            throw new FileRejectedException(StatusCodes.Status413PayloadTooLarge, $"Tệp lớn hơn giới hạn {MaxBytes / (1024 * 1024)} MB.");
        }
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The bytes of a stored file, for the server's own work on it (the caller has checked who may read it).</summary>
    public async Task<byte[]> ContentAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.Files.Where(f => f.Id == id).Select(f => f.StorageKey).FirstAsync(cancellationToken);
        await using var stream = await store.OpenAsync(key, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// The SHA-256 an upload will be stored under, read before storing it (to compare with files already in a record);
    /// null for no file, an empty one or one over the limit, which <see cref="SaveAsync(IFormFile?, IReadOnlySet{string}, CancellationToken)"/> refuses.
    /// </summary>
    public async Task<string?> Sha256Async(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0 || upload.Length > MaxBytes)
        {
            return null;
        }
        await using var stream = upload.OpenReadStream();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public async Task<StoredFile> SaveAsync(byte[] content, string? fileName, IReadOnlySet<string> accepted, CancellationToken cancellationToken)
    {
        if (content.Length > MaxBytes)
        {
            throw new FileRejectedException(StatusCodes.Status413PayloadTooLarge, $"Tệp lớn hơn giới hạn {MaxBytes / (1024 * 1024)} MB.");
        }
        var contentType = FileTypes.Detect(content);
        if (contentType is null || !accepted.Contains(contentType))
        {
            throw new FileRejectedException(StatusCodes.Status415UnsupportedMediaType,
                $"Nội dung tệp không phải định dạng được nhận ({string.Join(", ", accepted.Select(FileTypes.VietnameseName))}).");
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        await store.SaveAsync(sha256, content, cancellationToken);
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            FileName = SafeName(fileName, contentType),
            ContentType = contentType,
            Size = content.Length,
            Sha256 = sha256,
            StorageKey = sha256,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = user.UserName,
            // A unit's upload belongs to it; one by the Secretariat or Admin (or a seed) to nobody in particular.
            UnitId = user.ActsForEveryUnit ? null : user.UnitId,
        };
        db.Files.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>A unit's file is read by that unit and by province-wide readers; to anyone else it does not exist.</summary>
    public async Task<(StoredFile File, Stream Content)> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.Files.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Không có tệp này.");
        if (file.UnitId is int unitId)
        {
            await user.EnsureVisibleAsync(unitId, "Không có tệp này.");
        }
        return (file, await store.OpenAsync(file.StorageKey, cancellationToken));
    }

    public static FileDto ToDto(StoredFile file) => new(file.Id, file.FileName, file.ContentType, file.Size, file.Sha256, file.UploadedAt, file.UploadedBy);

    /// <summary>The uploaded name is kept for display only: path parts and control characters are removed, the extension follows the content.</summary>
    private static string SafeName(string? fileName, string contentType)
    {
        var name = Path.GetFileNameWithoutExtension((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "tep";
        }
        if (name.Length > 120)
        {
            name = name[..120];
        }
        return name.Normalize(System.Text.NormalizationForm.FormC) + FileTypes.Extension(contentType);
    }
}
