using ThiDua.Core.Initiatives;
using ThiDua.Data.Initiatives;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// Files of an initiative or model: documents (PDF, DOCX) stored as uploaded, images (JPEG, PNG, WebP) re-encoded at a
/// bounded size with a thumbnail (<see cref="InitiativeImages"/>). Everything goes through <see cref="FileService"/>
/// (size limit, type by content, SHA-256, audit).
/// </summary>
public sealed class InitiativeFileService(ThiDuaDbContext db, FileService files, CurrentUser user, TimeProvider clock)
{
    public const int MaxFiles = 20;

    public async Task<InitiativeFileDto> AddAsync(int id, IFormFile? upload, string? caption, CancellationToken cancellationToken = default)
    {
        var initiative = await db.Initiatives.Include(i => i.Files).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException(InitiativeService.NotFound(id));
        await user.EnsureOnRecordAsync(initiative.UnitId, UnitScope.Act, InitiativeService.NotFound(id));
        // The Secretariat may add a picture at any step (for the media centre); the unit while the record is its own to edit.
        if (!user.ActsForEveryUnit)
        {
            InitiativeWorkflow.EnsureUnitCanEdit(initiative.Status);
        }
        if (initiative.Files.Count >= MaxFiles)
        {
            throw DomainException.ForField("file", $"Mỗi sáng kiến, mô hình có tối đa {MaxFiles} tệp.");
        }
        var content = await files.ReadUploadAsync(upload, cancellationToken);
        var type = FileTypes.Detect(content);
        var name = upload!.FileName;
        var entry = new InitiativeFile
        {
            Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim().Normalize(System.Text.NormalizationForm.FormC),
            AddedAt = clock.GetUtcNow().UtcDateTime,
            AddedBy = user.UserName,
        };
        if (entry.Caption?.Length > 512)
        {
            throw DomainException.ForField("caption", "Chú thích ảnh dài tối đa 512 ký tự.");
        }
        if (type is not null && FileTypes.Images.Contains(type))
        {
            var image = InitiativeImages.Process(content, type);
            var stored = await files.SaveAsync(image.Content, name, FileTypes.Images, cancellationToken);
            var thumbnail = await files.SaveAsync(image.Thumbnail, "anh-thu-nho-" + Path.GetFileNameWithoutExtension(name), new HashSet<string> { FileTypes.Jpeg }, cancellationToken);
            (entry.FileId, entry.ThumbnailFileId, entry.IsImage, entry.Width, entry.Height) = (stored.Id, thumbnail.Id, true, image.Width, image.Height);
        }
        else
        {
            // Not an image by its bytes: a document kept as it is, or refused (415) when it is none of the accepted kinds.
            var stored = await files.SaveAsync(content, name, FileTypes.InitiativeFiles, cancellationToken);
            entry.FileId = stored.Id;
        }
        initiative.Files.Add(entry);
        db.Entry(initiative).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        var file = await db.Files.AsNoTracking().FirstAsync(f => f.Id == entry.FileId, cancellationToken);
        return new InitiativeFileDto(entry.Id, entry.FileId, file.FileName, file.ContentType, file.Size, entry.IsImage, entry.Width, entry.Height,
            entry.ThumbnailFileId, entry.Caption, entry.AddedAt, entry.AddedBy);
    }
}
