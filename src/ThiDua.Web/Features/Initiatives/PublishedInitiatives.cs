using ThiDua.Core.Initiatives;
using ThiDua.Data.Initiatives;
using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// Initiatives and models as the public sees them (R14, R16): published ones only — never one waiting for review,
/// returned or merely accepted — with their images (never their documents), for the open data and the public pages.
/// </summary>
public sealed class PublishedInitiatives([FromKeyedServices(DatabaseSetup.ReadsKey)] ThiDuaDbContext db, FileService files)
{
    public static string NotFound(int id) => $"Không có sáng kiến, mô hình đã công bố số {id}.";

    /// <summary>Featured ones first, then the newest published.</summary>
    public async Task<PagedList<OpenInitiativeDto>> ListAsync(string? kind, string? sector, string? unitCode, string? q, bool? featured, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = InitiativeService.Filter(Published(db), kind, sector, q);
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var code = unitCode.Trim();
            query = query.Where(i => i.Unit.Code == code);
        }
        if (featured is bool f)
        {
            query = query.Where(i => i.Featured == f);
        }
        var page = await query.OrderByDescending(i => i.Featured).ThenByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .ToPagedListAsync(paging, cancellationToken);
        return await ToOpenAsync(db, page, cancellationToken);
    }

    public async Task<OpenInitiativeDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var initiative = await Published(db).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException(NotFound(id));
        return (await ToOpenAsync(db, [initiative], cancellationToken))[0];
    }

    /// <summary>An image of a published initiative, or its thumbnail; anything else (a document, an unpublished one) is not there.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> ImageAsync(int id, int fileId, bool thumbnail, CancellationToken cancellationToken = default)
    {
        var image = await db.InitiativeFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.InitiativeId == id && f.IsImage
                && db.Initiatives.Any(i => i.Id == f.InitiativeId && i.Status == InitiativeStatus.Published))
            .Select(f => new { f.FileId, f.ThumbnailFileId })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Không có ảnh này.");
        var fileGuid = thumbnail ? image.ThumbnailFileId ?? image.FileId : image.FileId;
        var file = await db.Files.AsNoTracking().FirstAsync(f => f.Id == fileGuid, cancellationToken);
        return (await files.ContentAsync(fileGuid, cancellationToken), file.ContentType, file.FileName);
    }

    internal static async Task<IReadOnlyList<OpenInitiativeDto>> ForUnitAsync(ThiDuaDbContext db, string unitCode, CancellationToken cancellationToken)
    {
        var code = unitCode.Trim();
        var rows = await Published(db).Where(i => i.Unit.Code == code).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        return await ToOpenAsync(db, rows, cancellationToken);
    }

    private static IQueryable<Initiative> Published(ThiDuaDbContext db) =>
        db.Initiatives.AsNoTracking().Where(i => i.Status == InitiativeStatus.Published && i.PublishedAt != null).Include(i => i.Unit);

    private static async Task<PagedList<OpenInitiativeDto>> ToOpenAsync(ThiDuaDbContext db, PagedList<Initiative> page, CancellationToken cancellationToken) =>
        new(await ToOpenAsync(db, page.Items, cancellationToken), page.Total, page.Page, page.PageSize);

    /// <summary>Authors and images of the page's rows in two more queries (no collection inside a paged query).</summary>
    private static async Task<IReadOnlyList<OpenInitiativeDto>> ToOpenAsync(ThiDuaDbContext db, IReadOnlyList<Initiative> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(i => i.Id).ToList();
        var authors = (await db.InitiativeAuthors.AsNoTracking().Where(a => ids.Contains(a.InitiativeId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.InitiativeId);
        var images = (await db.InitiativeFiles.AsNoTracking().Where(f => ids.Contains(f.InitiativeId) && f.IsImage).OrderBy(f => f.Id).ToListAsync(cancellationToken))
            .ToLookup(f => f.InitiativeId);
        return rows.Select(i => new OpenInitiativeDto(i.Id, i.Kind, i.Title, i.Description, i.Sector, i.Unit.Code, i.Unit.Name,
            authors[i.Id].OrderBy(a => a.Ordinal).Select(a => new AuthorDto(a.FullName, a.Position)).ToList(), i.Results, i.PublishedAt!.Value, i.Featured,
            images[i.Id].Select(f => new OpenImageDto(f.Id, ImageUrl(i.Id, f.Id), ImageUrl(i.Id, f.Id) + "/thumbnail", f.Width, f.Height, f.Caption ?? i.Title)).ToList()))
            .ToList();
    }

    public static string ImageUrl(int initiativeId, int fileId) => $"/api/open/v1/initiatives/{initiativeId}/files/{fileId}";
}
