using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Data.Documents;
using ThiDua.Web.Infrastructure.Files;
using ThiDua.Web.Infrastructure.Security;

namespace ThiDua.Web.Features.Documents;

/// <summary>Official documents and their signatures (R18) — API.md "Documents and signatures".</summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/v1/documents").WithTags("Documents");
        documents.MapGet("/{id:guid}", Download).Answers(StatusCodes.Status409Conflict).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The file (DOCX or PDF). Drafts and Word files only for who makes them; 409 while a PDF is being made or when it could not be.");
        documents.MapGet("/{id:guid}/info", Info).RequireAuthorization(Policies.SignedIn)
            .WithSummary("What the document is: kind, title, number, date, signer, state, SHA-256, versions, its public verification address.");
        documents.MapGet("/{id:guid}/verify", Verify).Answers(StatusCodes.Status409Conflict).RequireAuthorization(Policies.SignedIn)
            .WithSummary("{valid, signer, signedAt, sha256, certificate, changedAfterSigning, trusted, message} of the stored file.");
        documents.MapPost("/{id:guid}/versions", AddVersion).RequireAuthorization(Policies.Upload).DisableAntiforgery()
            .WithSummary("Multipart file: a corrected DOCX of a draft becomes its next version (If-Match: the version read). 409 once issued.");
        documents.MapPost("/{id:guid}/issue", Issue).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Issues a draft report {signerName?, signerTitle?}: the PDF is rendered from its last version, signed and frozen.");

        app.MapGet("/api/v1/nominations/{id:int}/proposal-document", Proposal).Answers(StatusCodes.Status409Conflict).WithTags("Documents").RequireAuthorization(Policies.Nominate)
            .WithSummary("The Tờ trình đề nghị khen thưởng of a nomination (DOCX draft; header X-Document-Id names it for POST …/versions).");
        app.MapGet("/api/v1/council-sessions/{id:int}/minutes", Minutes).Answers(StatusCodes.Status409Conflict).WithTags("Documents").RequireAuthorization(Policies.Council)
            .WithSummary("The Biên bản of a closed session, ?format=docx|pdf: members present and absent, tallies — never a ballot.");
        app.MapGet("/api/v1/movements/{code}/consolidated-report", ConsolidatedReport).Answers(StatusCodes.Status409Conflict).WithTags("Documents").RequireAuthorization(Policies.DraftDocuments)
            .WithSummary("The consolidated annual report (R5) of ?year=, ?format=docx|pdf: the draft, or the signed PDF once issued.");

        var open = app.MapGroup("/api/open/v1").WithTags("Open data").RequireAuthorization(Policies.Public);
        open.MapPost("/verify", VerifyUpload).DisableAntiforgery().RequireRateLimiting(RateLimits.PublicVerify)
            .WithSummary("Multipart file: any PDF checked — {valid, signer, signedAt, sha256, …, document} (the issued document it is, when it is one).");
        open.MapGet("/documents/{id:guid}", PublicDownload).WithSummary("An issued, signed document (PDF), as its verification page offers it.");
        return app;
    }

    private static async Task<FileStreamHttpResult> Download(DocumentService service, Guid id, CancellationToken ct)
    {
        var (_, file, content) = await service.OpenAsync(id, ct);
        return TypedResults.File(content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<DocumentDto>> Info(DocumentService service, Guid id, HttpResponse response, CancellationToken ct)
    {
        var document = await service.GetAsync(id, ct);
        response.SetETag(document.Version);
        return TypedResults.Ok(document);
    }

    private static async Task<Ok<VerificationDto>> Verify(DocumentService service, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await service.VerifyAsync(id, publicOnly: false, ct));

    private static async Task<Created<DocumentDto>> AddVersion(DocumentService service, Guid id, IFormFile? file, HttpRequest request, CancellationToken ct)
    {
        var document = await service.AddVersionAsync(id, file, request.IfMatchVersion(), ct);
        return TypedResults.Created($"/api/v1/documents/{id}", document);
    }

    private static async Task<Created<DocumentDto>> Issue(RecordDocuments records, DocumentService service, Guid id, IssueRequest? request, CancellationToken ct)
    {
        var pdf = await records.IssueAsync(id, request ?? new IssueRequest(), ct);
        return TypedResults.Created($"/api/v1/documents/{pdf.Id}", await service.GetAsync(pdf.Id, ct));
    }

    private static async Task<FileStreamHttpResult> Proposal(RecordDocuments records, DocumentService service, int id, HttpResponse response, CancellationToken ct)
    {
        var draft = await records.ProposalAsync(id, ct);
        return await FileOf(service, draft, response, ct);
    }

    private static async Task<FileStreamHttpResult> Minutes(RecordDocuments records, DocumentService service, int id, string? format, HttpResponse response, CancellationToken ct)
    {
        var document = await records.MinutesAsync(id, Pdf(format), ct);
        return await FileOf(service, document, response, ct);
    }

    private static async Task<FileStreamHttpResult> ConsolidatedReport(RecordDocuments records, DocumentService service, string code, int? year, string? format,
        HttpResponse response, TimeProvider clock, CancellationToken ct)
    {
        var document = await records.ConsolidatedReportAsync(code, year ?? VietnamTime.Today(clock).Year, Pdf(format), ct);
        return await FileOf(service, document, response, ct);
    }

    private static async Task<Ok<VerificationDto>> VerifyUpload(DocumentService service, IFormFile? file, CancellationToken ct) =>
        TypedResults.Ok(await service.VerifyUploadAsync(file, ct));

    private static async Task<FileStreamHttpResult> PublicDownload(DocumentService service, Guid id, CancellationToken ct)
    {
        var (_, file, content) = await service.OpenPublicAsync(id, ct);
        return TypedResults.File(content, file.ContentType, file.FileName);
    }

    /// <summary>The document's current file, with its id in X-Document-Id (to send a corrected version or check it).</summary>
    private static async Task<FileStreamHttpResult> FileOf(DocumentService service, OfficialDocument document, HttpResponse response, CancellationToken ct)
    {
        var (_, file, content) = await service.OpenFileAsync(document, ct);
        response.Headers["X-Document-Id"] = document.Id.ToString();
        return TypedResults.File(content, file.ContentType, file.FileName);
    }

    private static bool Pdf(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "docx" => false,
        "pdf" => true,
        _ => throw DomainException.ForField("format", "format là docx hoặc pdf."),
    };
}
