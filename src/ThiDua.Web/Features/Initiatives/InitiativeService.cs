using System.Text;
using ThiDua.Core.Initiatives;
using ThiDua.Core.Text;
using ThiDua.Data.Initiatives;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>
/// What units do with their initiatives and models (R14): submit one, correct and resubmit it while it waits or after
/// it came back, read their own. A unit's reporter or leader acts for that unit, the Secretariat (and Admin) for any;
/// province-wide roles read every one; another unit's record answers as a missing one.
/// </summary>
public sealed class InitiativeService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    public static string NotFound(int id) => $"Không có sáng kiến, mô hình số {id}.";

    public async Task<InitiativeCreated> CreateAsync(InitiativeRequest request, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == request.UnitCode.Trim(), cancellationToken)
            ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {request.UnitCode}.");
        await user.EnsureAsync(unit.Id, UnitScope.Act, "Chỉ cán bộ, lãnh đạo của đơn vị hoặc cơ quan thường trực được gửi sáng kiến, mô hình của đơn vị.");
        var initiative = new Initiative
        {
            UnitId = unit.Id,
            Title = "",
            Description = "",
            Status = InitiativeStatus.Submitted,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            SubmittedBy = user.UserName,
        };
        Apply(initiative, request);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(cancellationToken);
        return new InitiativeCreated(initiative.Id, initiative.Status, initiative.Version);
    }

    /// <summary>
    /// The unit corrects what it sent (the Secretariat may too) until it is accepted; a returned one is thereby submitted
    /// again. The version read must be the current one (409 otherwise).
    /// </summary>
    public async Task<InitiativeDto> UpdateAsync(int id, InitiativeRequest request, int version, CancellationToken cancellationToken = default)
    {
        var initiative = await db.Initiatives.Include(i => i.Authors).Include(i => i.Unit).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
        await user.EnsureOnRecordAsync(initiative.UnitId, UnitScope.Act, NotFound(id));
        InitiativeWorkflow.EnsureUnitCanEdit(initiative.Status);
        Versions.EnsureCurrent(initiative.Version, version);
        if (!string.Equals(initiative.Unit.Code, request.UnitCode.Trim(), StringComparison.Ordinal))
        {
            throw DomainException.ForField("unitCode", "Không đổi được đơn vị của sáng kiến, mô hình đã gửi.");
        }
        Apply(initiative, request);
        if (initiative.Status == InitiativeStatus.Returned)
        {
            initiative.Status = InitiativeStatus.Submitted;
            initiative.ReturnReason = null;
        }
        initiative.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        initiative.SubmittedBy = user.UserName;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<InitiativeDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var initiative = await Whole(db.Initiatives).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
        await user.EnsureVisibleAsync(initiative.UnitId, NotFound(id));
        return ToDto(initiative);
    }

    /// <summary>Whether the user acts for the record's unit (its staff, the Secretariat, Admin): what a page offers them.</summary>
    public async Task<bool> ActsOnAsync(int id, CancellationToken cancellationToken = default)
    {
        var unitId = await db.Initiatives.Where(i => i.Id == id).Select(i => (int?)i.UnitId).FirstOrDefaultAsync(cancellationToken);
        return unitId is int unit && await user.CanAsync(unit, UnitScope.Act);
    }

    /// <summary>The staff list, filtered and paged in SQL: a unit's staff see their unit's only.</summary>
    public async Task<PagedList<InitiativeSummary>> ListAsync(InitiativeQuery filter, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.Initiatives.AsNoTracking();
        if (user.ListScope is int own)
        {
            query = query.Where(i => i.UnitId == own);
        }
        if (!string.IsNullOrWhiteSpace(filter.UnitCode))
        {
            var code = filter.UnitCode.Trim();
            query = query.Where(i => i.Unit.Code == code);
        }
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var status = ApiCodes.Parse<InitiativeStatus>(filter.Status, "status");
            query = query.Where(i => i.Status == status);
        }
        query = Filter(query, filter.Kind, filter.Sector, filter.Q);
        return await query.OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id).ToPagedListAsync(paging, rows => rows.Select(i =>
            new InitiativeSummary(i.Id, i.Unit.Code, i.Unit.Name, i.Kind, i.Title, i.Sector, i.Status, i.Featured, i.SubmittedAt, i.PublishedAt)), cancellationToken);
    }

    /// <summary>
    /// The published initiatives and models of one unit, newest first, as the public reads them: for the unit's public
    /// profile (R14 "appear on the unit's public profile"). Empty for an unknown code.
    /// </summary>
    public Task<IReadOnlyList<OpenInitiativeDto>> PublishedForUnitAsync(string unitCode, CancellationToken cancellationToken = default) =>
        PublishedInitiatives.ForUnitAsync(db, unitCode, cancellationToken);

    /// <summary>Kind, sector and words of the title or description (without diacritics), shared with the public list.</summary>
    internal static IQueryable<Initiative> Filter(IQueryable<Initiative> query, string? kind, string? sector, string? q)
    {
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var parsed = ApiCodes.Parse<InitiativeKind>(kind, "kind");
            query = query.Where(i => i.Kind == parsed);
        }
        if (!string.IsNullOrWhiteSpace(sector))
        {
            var parsed = ApiCodes.Parse<InitiativeSector>(sector, "sector");
            query = query.Where(i => i.Sector == parsed);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = TextSearch.Fold(q.Trim());
            query = query.Where(i => i.SearchText.Contains(folded));
        }
        return query;
    }

    internal static IQueryable<Initiative> Whole(IQueryable<Initiative> query) => query.AsNoTracking()
        .Include(i => i.Unit).Include(i => i.Authors)
        .Include(i => i.Files).ThenInclude(f => f.File)
        .AsSplitQuery();

    private static void Apply(Initiative initiative, InitiativeRequest request)
    {
        initiative.Kind = request.Kind!.Value;
        initiative.Sector = request.Sector!.Value;
        initiative.Title = Clean(request.Title);
        initiative.Description = Clean(request.Description);
        initiative.Results = string.IsNullOrWhiteSpace(request.Results) ? null : Clean(request.Results);
        var authors = (request.Authors ?? []).Where(a => !string.IsNullOrWhiteSpace(a.FullName)).ToList();
        initiative.Authors.Clear();
        for (var n = 0; n < authors.Count; n++)
        {
            initiative.Authors.Add(new InitiativeAuthor
            {
                Ordinal = n + 1,
                FullName = Clean(authors[n].FullName),
                Position = string.IsNullOrWhiteSpace(authors[n].Position) ? null : Clean(authors[n].Position!),
            });
        }
    }

    private static string Clean(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    internal static InitiativeDto ToDto(Initiative i) => new(i.Id, i.Unit.Code, i.Unit.Name, i.Kind, i.Title, i.Description, i.Sector,
        i.Authors.OrderBy(a => a.Ordinal).Select(a => new AuthorDto(a.FullName, a.Position)).ToList(), i.Results, i.Status, i.Featured, i.ReturnReason,
        i.SubmittedAt, i.SubmittedBy, i.ReviewedAt, i.ReviewedBy, i.PublishedAt, i.PublishedBy, i.FeaturedAt,
        i.Files.OrderBy(f => f.Id).Select(f => new InitiativeFileDto(f.Id, f.FileId, f.File.FileName, f.File.ContentType, f.File.Size, f.IsImage, f.Width, f.Height,
            f.ThumbnailFileId, f.Caption, f.AddedAt, f.AddedBy)).ToList(),
        i.Version);
}
