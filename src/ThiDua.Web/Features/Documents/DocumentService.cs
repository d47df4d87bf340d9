using ThiDua.Data.Documents;
using ThiDua.Data.Files;
using ThiDua.Web.Infrastructure.Documents;
using ThiDua.Web.Infrastructure.Files;
using ThiDua.Web.Infrastructure.Signing;

namespace ThiDua.Web.Features.Documents;

/// <summary>
/// Official documents (R5, R12, R13, R18): a DOCX drafted from the record's data by its template, corrected by upload
/// as new versions while it is a draft, then issued — the PDF rendered by the queue from the last DOCX, signed, with a
/// QR code to its verification page — and frozen. Who reads a document: <see cref="EnsureReadableAsync"/>.
/// </summary>
public sealed class DocumentService(
    ThiDuaDbContext db,
    DocxRenderer renderer,
    FileService files,
    IFileStore store,
    DocumentJobRunner runner,
    ISignatureVerifier verifier,
    IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<DocumentOptions> options,
    CurrentUser user,
    TimeProvider clock)
{
    private static readonly IReadOnlySet<string> DocxOnly = new HashSet<string> { FileTypes.Docx };

    /// <summary>How long a request waits for its PDF before answering with the document still pending (the queue finishes it).</summary>
    private TimeSpan WaitLimit => TimeSpan.FromSeconds(options.Value.WaitSeconds);

    /// <summary>The public page a printed copy's QR code leads to.</summary>
    public string VerificationUrl(Guid documentId) =>
        $"{(configuration["PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/')}/cong-khai/xac-thuc/{documentId}";

    /// <summary>
    /// The draft DOCX of a record, made from its data the first time it is asked for; afterwards its latest version (a
    /// corrected upload is kept, not drafted over).
    /// </summary>
    public async Task<OfficialDocument> DraftAsync(OfficialDocumentKind kind, string sourceKey, int? ownerUnitId,
        Func<CancellationToken, Task<OfficialDocumentContent>> compose, CancellationToken cancellationToken = default)
    {
        var existing = await db.Documents.FirstOrDefaultAsync(d => d.SourceKey == sourceKey && !d.IsPdf, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var content = await compose(cancellationToken);
        var document = NewDocument(kind, sourceKey, content, isPdf: false, ownerUnitId);
        await AddVersionAsync(document, renderer.Render(content, verificationUrl: null), content.Title, cancellationToken);
        db.Documents.Add(document);
        await SaveOnceAsync(cancellationToken);
        return await db.Documents.FirstAsync(d => d.SourceKey == sourceKey && !d.IsPdf, cancellationToken);
    }

    /// <summary>
    /// Issues a record's document at once (a decision, a proposal to the central level, a published ranking): the DOCX with
    /// the QR code of the PDF to come, frozen, and the PDF rendered and signed. Returns (DOCX, PDF); the PDF may still be
    /// pending or have failed (its <see cref="OfficialDocument.Error"/> says why).
    /// </summary>
    public async Task<(OfficialDocument Docx, OfficialDocument Pdf)> IssueNewAsync(OfficialDocumentKind kind, string sourceKey, int? ownerUnitId,
        OfficialDocumentContent content, bool sign, CancellationToken cancellationToken = default)
    {
        var existingPdf = await db.Documents.FirstOrDefaultAsync(d => d.SourceKey == sourceKey && d.IsPdf, cancellationToken);
        if (existingPdf is not null)
        {
            var existingDocx = await db.Documents.FirstAsync(d => d.Id == existingPdf.SourceDocumentId, cancellationToken);
            return (existingDocx, await FinishAsync(existingPdf, cancellationToken));
        }
        var pdf = NewDocument(kind, sourceKey, content, isPdf: true, ownerUnitId);
        var docx = NewDocument(kind, sourceKey, content, isPdf: false, ownerUnitId);
        docx.State = OfficialDocumentState.Issued;
        docx.IssuedAt = pdf.CreatedAt;
        docx.IssuedBy = user.UserName;
        await AddVersionAsync(docx, renderer.Render(content, VerificationUrl(pdf.Id)), content.Title, cancellationToken);
        Queue(pdf, docx, sign);
        db.Documents.AddRange(docx, pdf);
        await SaveOnceAsync(cancellationToken);
        pdf = await db.Documents.FirstAsync(d => d.SourceKey == sourceKey && d.IsPdf, cancellationToken);
        docx = await db.Documents.FirstAsync(d => d.SourceKey == sourceKey && !d.IsPdf, cancellationToken);
        return (docx, await FinishAsync(pdf, cancellationToken));
    }

    /// <summary>
    /// Issues a draft: the PDF to come is rendered from it and signed, and its DOCX — with the QR code of that PDF — is
    /// frozen. A draft nobody corrected is drafted again from today's data (<paramref name="redraft"/>) with the signer
    /// given, so the printed name is the one who signs; a corrected one is kept as its author left it, the QR code added.
    /// Only a draft can be issued (409 otherwise).
    /// </summary>
    public async Task<OfficialDocument> IssueAsync(Guid draftId, IssueRequest request, Func<CancellationToken, Task<OfficialDocumentContent>>? redraft,
        CancellationToken cancellationToken = default)
    {
        var docx = await FindAsync(draftId, cancellationToken);
        await EnsureMayChangeAsync(docx);
        if (docx.IsPdf || docx.State != OfficialDocumentState.Draft)
        {
            throw new ConflictException("Văn bản này đã ban hành, hoặc không phải bản dự thảo Word.");
        }
        if (docx.Kind != OfficialDocumentKind.ConsolidatedReport)
        {
            throw new ConflictException("Loại văn bản này được ban hành cùng hồ sơ của nó (quyết định, tờ trình), không ban hành riêng.");
        }
        if (!string.IsNullOrWhiteSpace(request.SignerName))
        {
            docx.SignerName = request.SignerName.Trim();
        }
        if (!string.IsNullOrWhiteSpace(request.SignerTitle))
        {
            docx.SignerTitle = request.SignerTitle.Trim();
        }
        var pdf = NewDocument(docx.Kind, docx.SourceKey, docx, isPdf: true);
        var versions = await db.DocumentVersions.CountAsync(v => v.DocumentId == docx.Id, cancellationToken);
        byte[] issued;
        if (versions <= 1 && redraft is not null)
        {
            var content = await redraft(cancellationToken);
            content = content with { Signature = Signed(content.Signature, request) };
            (docx.Title, docx.Number, docx.Date, pdf.Title, pdf.Number, pdf.Date) = (content.Title, content.Number, content.Date, content.Title, content.Number, content.Date);
            issued = renderer.Render(content, VerificationUrl(pdf.Id));
        }
        else
        {
            issued = renderer.AddVerificationCode(await ReadAsync(docx, cancellationToken), docx.Date, VerificationUrl(pdf.Id));
        }
        await AddVersionAsync(docx, issued, docx.Title, cancellationToken);
        docx.State = OfficialDocumentState.Issued;
        docx.IssuedAt = pdf.CreatedAt;
        docx.IssuedBy = user.UserName;
        Queue(pdf, docx, sign: true);
        db.Documents.Add(pdf);
        await SaveOnceAsync(cancellationToken);
        return await FinishAsync(pdf, cancellationToken);
    }

    /// <summary>The signature block with the signer named at issue: a title given is read as the block's title ("PHÓ GIÁM ĐỐC" → "KT. GIÁM ĐỐC").</summary>
    private static SignatureBlock Signed(SignatureBlock drafted, IssueRequest request)
    {
        var name = string.IsNullOrWhiteSpace(request.SignerName) ? drafted.Name : request.SignerName.Trim();
        return string.IsNullOrWhiteSpace(request.SignerTitle) ? drafted with { Name = name } : SignatureBlock.FromTitle(request.SignerTitle, name);
    }

    /// <summary>
    /// An unsigned PDF of a draft's current version, to read it before it is issued (the council's minutes, the report
    /// before signing); made once per version.
    /// </summary>
    public async Task<OfficialDocument> PreviewAsync(OfficialDocument docx, CancellationToken cancellationToken = default)
    {
        var latest = await db.DocumentVersions.Where(v => v.DocumentId == docx.Id).MaxAsync(v => v.Number, cancellationToken);
        var key = $"{docx.SourceKey}#v{latest}";
        var pdf = await db.Documents.FirstOrDefaultAsync(d => d.SourceKey == key && d.IsPdf, cancellationToken);
        if (pdf is null)
        {
            pdf = NewDocument(docx.Kind, key, docx, isPdf: true);
            Queue(pdf, docx, sign: false);
            db.Documents.Add(pdf);
            await SaveOnceAsync(cancellationToken);
            pdf = await db.Documents.FirstAsync(d => d.SourceKey == key && d.IsPdf, cancellationToken);
        }
        return await FinishAsync(pdf, cancellationToken);
    }

    /// <summary>A corrected DOCX of a draft (by content, never by its name): the next version. Send the version read (If-Match) to avoid overwriting another's.</summary>
    public async Task<DocumentDto> AddVersionAsync(Guid id, IFormFile? upload, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var document = await FindAsync(id, cancellationToken);
        await EnsureMayChangeAsync(document);
        if (document.IsPdf || document.State != OfficialDocumentState.Draft)
        {
            throw new ConflictException("Chỉ bản dự thảo Word chưa ban hành mới nhận phiên bản mới; văn bản đã ban hành không sửa được.");
        }
        if (expectedVersion is int expected && expected != document.Version)
        {
            throw new ConflictException("Văn bản vừa có phiên bản mới của người khác; hãy tải lại rồi gửi.");
        }
        var stored = await files.SaveAsync(upload, DocxOnly, cancellationToken);
        await AttachVersionAsync(document, stored, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The issued PDF of a record's document, if it has been issued.</summary>
    public Task<OfficialDocument?> IssuedAsync(string sourceKey, CancellationToken cancellationToken = default) =>
        db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.SourceKey == sourceKey && d.IsPdf && d.State == OfficialDocumentState.Issued, cancellationToken);

    public async Task<DocumentDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException(Missing);
        await EnsureReadableAsync(document);
        return DocumentDto.From(document, VerificationUrl(document.Id));
    }

    /// <summary>The current file of a document the caller may read; a PDF not made yet answers 409 with the reason.</summary>
    public async Task<(OfficialDocument Document, StoredFile File, Stream Content)> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException(Missing);
        await EnsureReadableAsync(document);
        return await OpenFileAsync(document, cancellationToken);
    }

    /// <summary>An issued, signed PDF for everyone (the verification page's download); anything else does not exist here.</summary>
    public async Task<(OfficialDocument Document, StoredFile File, Stream Content)> OpenPublicAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !IsPublic(document))
        {
            throw new NotFoundException(Missing);
        }
        return await OpenFileAsync(document, cancellationToken);
    }

    public async Task<(OfficialDocument Document, StoredFile File, Stream Content)> OpenFileAsync(OfficialDocument document, CancellationToken cancellationToken)
    {
        EnsureReady(document);
        var file = await db.Files.AsNoTracking().FirstAsync(f => f.Id == document.FileId, cancellationToken);
        return (document, file, await store.OpenAsync(file.StorageKey, cancellationToken));
    }

    /// <summary>The stored file checked again: its signature, and that its bytes still hash to what was recorded at issue.</summary>
    public async Task<VerificationDto> VerifyAsync(Guid id, bool publicOnly, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || (publicOnly && !IsPublic(document)))
        {
            throw new NotFoundException(Missing);
        }
        if (!publicOnly)
        {
            await EnsureReadableAsync(document);
        }
        EnsureReady(document);
        var bytes = await ReadAsync(document, cancellationToken);
        var check = document.IsPdf ? verifier.VerifyPdf(bytes) : null;
        return VerificationDto.From(check, bytes, document, VerificationUrl(document.Id));
    }

    /// <summary>Any PDF someone holds: its signature checked, and the issued document it is, when its SHA-256 is one of ours.</summary>
    public async Task<VerificationDto> VerifyUploadAsync(IFormFile? upload, CancellationToken cancellationToken = default)
    {
        var bytes = await files.ReadUploadAsync(upload, cancellationToken);
        if (FileTypes.Detect(bytes) != FileTypes.Pdf)
        {
            throw new FileRejectedException(StatusCodes.Status415UnsupportedMediaType, "Tệp không phải PDF: chỉ kiểm tra được văn bản PDF có chữ ký số.");
        }
        var check = verifier.VerifyPdf(bytes);
        var issued = await db.Documents.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Sha256 == check.Sha256 && d.IsPdf && d.State == OfficialDocumentState.Issued && d.Signed, cancellationToken);
        return VerificationDto.From(check, bytes, issued, issued is null ? null : VerificationUrl(issued.Id));
    }

    /// <summary>
    /// Drafts and Word files belong to who makes them: the Reward Board, the Secretariat and Admin, and the staff of the
    /// unit that owns the draft. Another unit's staff meet a missing document (404); other roles are refused (403).
    /// An issued, signed PDF is readable by everyone signed in (and by the public at its verification address).
    /// </summary>
    public async Task EnsureReadableAsync(OfficialDocument document)
    {
        if (IsPublic(document) || user.KeepsDossiers)
        {
            return;
        }
        if (user.IsUnitStaff)
        {
            if (document.OwnerUnitId is int unitId && unitId == user.UnitId)
            {
                return;
            }
            throw new NotFoundException(Missing);
        }
        await Task.CompletedTask;
        throw new ForbiddenException("Bản dự thảo và bản Word của văn bản chỉ dành cho người soạn: Ban Thi đua – Khen thưởng, cơ quan thường trực và đơn vị đề nghị.");
    }

    private async Task EnsureMayChangeAsync(OfficialDocument document)
    {
        await EnsureReadableAsync(document);
        if (!user.KeepsDossiers && !(user.IsUnitStaff && document.OwnerUnitId == user.UnitId))
        {
            throw new ForbiddenException("Chỉ người soạn văn bản mới sửa hoặc ban hành được.");
        }
    }

    public static bool IsPublic(OfficialDocument document) => document is { IsPdf: true, Signed: true, State: OfficialDocumentState.Issued };

    private static void EnsureReady(OfficialDocument document)
    {
        switch (document.State)
        {
            case OfficialDocumentState.Pending:
                throw new ConflictException("Bản PDF của văn bản đang được tạo; hãy thử lại sau ít giây.");
            case OfficialDocumentState.Failed:
                throw new ConflictException($"Chưa tạo được bản PDF của văn bản: {document.Error}");
        }
    }

    private async Task<OfficialDocument> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException(Missing);

    private Task<byte[]> ReadAsync(OfficialDocument document, CancellationToken cancellationToken) =>
        files.ContentAsync(document.FileId!.Value, cancellationToken);

    private OfficialDocument NewDocument(OfficialDocumentKind kind, string sourceKey, OfficialDocumentContent content, bool isPdf, int? ownerUnitId) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        SourceKey = sourceKey,
        IsPdf = isPdf,
        Title = content.Title,
        Number = content.Number,
        Date = content.Date,
        SignerName = content.SignerName,
        SignerTitle = content.SignerTitle,
        OwnerUnitId = ownerUnitId,
        State = isPdf ? OfficialDocumentState.Pending : OfficialDocumentState.Draft,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedBy = user.UserName,
    };

    private OfficialDocument NewDocument(OfficialDocumentKind kind, string sourceKey, OfficialDocument like, bool isPdf) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        SourceKey = sourceKey,
        IsPdf = isPdf,
        Title = like.Title,
        Number = like.Number,
        Date = like.Date,
        SignerName = like.SignerName,
        SignerTitle = like.SignerTitle,
        OwnerUnitId = like.OwnerUnitId,
        State = OfficialDocumentState.Pending,
        SourceDocumentId = like.Id,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedBy = user.UserName,
    };

    private void Queue(OfficialDocument pdf, OfficialDocument docx, bool sign)
    {
        pdf.SourceDocumentId = docx.Id;
        pdf.Signed = sign;
        db.DocumentJobs.Add(new DocumentJob { DocumentId = pdf.Id, State = DocumentJobState.Pending, CreatedAt = pdf.CreatedAt });
    }

    /// <summary>Runs the PDF's job in this request when nobody else has (one conversion at a time), and waits for it up to the limit.</summary>
    private async Task<OfficialDocument> FinishAsync(OfficialDocument pdf, CancellationToken cancellationToken)
    {
        if (pdf.State == OfficialDocumentState.Pending && options.Value.RenderInline)
        {
            await runner.RunPendingForAsync(pdf.Id, WaitLimit, cancellationToken);
            await db.Entry(pdf).ReloadAsync(cancellationToken);
        }
        return pdf;
    }

    private async Task AddVersionAsync(OfficialDocument document, byte[] docx, string title, CancellationToken cancellationToken)
    {
        var stored = await files.SaveAsync(docx, FileNames.For(title), DocxOnly, cancellationToken);
        await AttachVersionAsync(document, stored, cancellationToken);
    }

    private async Task AttachVersionAsync(OfficialDocument document, StoredFile stored, CancellationToken cancellationToken)
    {
        var number = document.Versions.Count > 0 ? document.Versions.Max(v => v.Number) + 1
            : (await db.DocumentVersions.Where(v => v.DocumentId == document.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        document.Versions.Add(new DocumentVersion
        {
            DocumentId = document.Id,
            Number = number,
            FileId = stored.Id,
            Sha256 = stored.Sha256,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        });
        document.FileId = stored.Id;
        document.Sha256 = stored.Sha256;
    }

    /// <summary>Two requests making the same document at once: the unique (source, format) index lets one win; the other reads it.</summary>
    private async Task SaveOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private const string Missing = "Không có văn bản này.";
}

/// <summary>File names of generated documents: their title without characters a file system or a header would refuse.</summary>
public static class FileNames
{
    public static string For(string title)
    {
        var name = new string(title.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or '"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        return name.Length == 0 ? "van-ban" : name.Length > 100 ? name[..100] : name;
    }
}
