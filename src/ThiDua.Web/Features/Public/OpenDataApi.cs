using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ThiDua.Web.Features.Documents;
using ThiDua.Core.Units;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Infrastructure.Security;
using ThiDua.Web.Features.Targets;
using ThiDua.Web.Features.Initiatives;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// Open data without login (R16): every <c>/api/open/v1</c> endpoint lives here, whatever area its data comes from,
/// and serves only what was published — rankings (JSON, CSV, a signed PDF, detached signatures), notices open for
/// comment, rewards decided (no birth dates). The public verification of documents lives with them (<see cref="DocumentsApi"/>).
/// </summary>
public static class OpenDataApi
{
    public sealed record PublishedFramework(string Code, string Name, int Year, string UnitType, DateTime PublishedAt, string Results, string Csv);

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/open/v1").WithTags("Open data").RequireAuthorization(Policies.Public);
        open.MapGet("/frameworks", Frameworks).WithSummary("Frameworks whose results are published, with links to their data.");
        open.MapGet("/results", Results).WithSummary("The published ranking of a framework (JSON). With page or pageSize (at most 500), one page of it with total, page and pageSize; without, the whole ranking, the bytes of /results.json.");
        open.MapGet("/results.json", WholeResults).WithSummary("The published ranking of a framework (JSON), the same as /results: the name its signature's follows.");
        open.MapGet("/results.csv", ResultsCsv).WithSummary("The published ranking of a framework (CSV, UTF-8).");
        open.MapGet("/results.pdf", ResultsPdf).Answers(StatusCodes.Status409Conflict).WithSummary("The published ranking of a framework as a signed PDF (PAdES), with a QR code to its verification page.");
        open.MapGet("/results.json.p7s", ResultsJsonSignature).WithSummary("Detached CMS signature (DER) of the bytes of /results.json of the same framework.");
        open.MapGet("/results.csv.p7s", ResultsCsvSignature).WithSummary("Detached CMS signature (DER) of the bytes of /results.csv of the same framework.");
        open.MapGet("/notices", Notices).WithSummary("Nominations on public notice now, with the last day for comments.");
        open.MapPost("/notices/{id:int}/comments", Comment).DisableAntiforgery().RequireRateLimiting(RateLimits.PublicComment)
            .WithSummary("A comment of the public on a nomination under notice {name?, contact?, body}.");
        open.MapGet("/rewards", Rewards).WithSummary("Rewards decided (no birth dates): ?year=&unitCode=&q=.");
        open.MapGet("/targets", Targets).WithSummary("The targets with their measurements and status, for everyone.");
        open.MapOpenInitiatives();
        open.MapGet("/catalog", Catalog).Produces(StatusCodes.Status200OK, contentType: JsonLd)
            .WithSummary("The DCAT-AP catalogue of the open datasets (JSON-LD, application/ld+json).");
        open.MapGet("/datapackage.json", DataPackage).Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("The same datasets as a Frictionless data package, with the CSV columns' schema.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PublishedFramework>>> Frameworks(ThiDuaDbContext db, CancellationToken ct)
    {
        var published = await db.ResultPublications.AsNoTracking()
            .GroupBy(p => p.FrameworkId)
            .Select(g => new { FrameworkId = g.Key, PublishedAt = g.Max(p => p.PublishedAt) })
            .Join(db.Frameworks, p => p.FrameworkId, f => f.Id, (p, f) => new { f.Code, f.Name, f.Year, f.UnitType, p.PublishedAt })
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<PublishedFramework>>(published
            .OrderByDescending(p => p.Year).ThenBy(p => p.Code)
            .Select(p => new PublishedFramework(p.Code, p.Name, p.Year, p.UnitType.Code(), p.PublishedAt,
                $"/api/open/v1/results?frameworkCode={Uri.EscapeDataString(p.Code)}", $"/api/open/v1/results.csv?frameworkCode={Uri.EscapeDataString(p.Code)}"))
            .ToList());
    }

    private static async Task<Results<Ok<ResultsDto>, Ok<ResultsPage>>> Results(FrameworkService frameworks, ResultsService results, string frameworkCode,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (page is null && pageSize is null)
        {
            return await WholeResults(frameworks, results, frameworkCode, ct);
        }
        // A page is read from the publication's rows in SQL, not from the whole snapshot (ADR 025).
        var paging = Paging.From(page, pageSize);
        var framework = await PublishedFrameworkAsync(frameworks, frameworkCode, ct);
        return TypedResults.Ok(await results.PublishedPageAsync(framework, paging, ct)
            ?? throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố."));
    }

    private static async Task<Ok<ResultsDto>> WholeResults(FrameworkService frameworks, ResultsService results, string frameworkCode, CancellationToken ct) =>
        TypedResults.Ok(await PublishedAsync(frameworks, results, frameworkCode, ct));

    private static async Task<FileContentHttpResult> ResultsCsv(FrameworkService frameworks, ResultsService results, string frameworkCode, CancellationToken ct)
    {
        var published = await PublishedAsync(frameworks, results, frameworkCode, ct);
        return TypedResults.File(ResultsExport.Csv(published), ContentTypes.CsvUtf8, $"ket-qua-{published.FrameworkCode}.csv");
    }

    private static async Task<FileStreamHttpResult> ResultsPdf(RecordDocuments records, DocumentService documents, string? frameworkCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(frameworkCode))
        {
            throw DomainException.ForField("frameworkCode", "Cần frameworkCode; danh sách ở /api/open/v1/frameworks.");
        }
        var pdf = await records.RankingAsync(frameworkCode, ct);
        var (_, file, content) = await documents.OpenFileAsync(pdf, ct);
        return TypedResults.File(content, file.ContentType, $"xep-hang-{frameworkCode.Trim()}.pdf");
    }

    private static async Task<FileContentHttpResult> ResultsJsonSignature(FrameworkService frameworks, ResultsService results, DetachedSignatures signatures,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, string frameworkCode, CancellationToken ct)
    {
        var published = await PublishedAsync(frameworks, results, frameworkCode, ct);
        // The same serializer and options as the JSON answer itself, so the signature covers exactly the bytes served.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(published, json.Value.SerializerOptions);
        return TypedResults.File(await signatures.ForAsync(bytes, ct), SignatureType, $"ket-qua-{published.FrameworkCode}.json.p7s");
    }

    private static async Task<FileContentHttpResult> ResultsCsvSignature(FrameworkService frameworks, ResultsService results, DetachedSignatures signatures,
        string frameworkCode, CancellationToken ct)
    {
        var published = await PublishedAsync(frameworks, results, frameworkCode, ct);
        return TypedResults.File(await signatures.ForAsync(ResultsExport.Csv(published), ct), SignatureType, $"ket-qua-{published.FrameworkCode}.csv.p7s");
    }

    private const string SignatureType = "application/pkcs7-signature";

    private static async Task<Ok<IReadOnlyList<NoticeDto>>> Notices(PublicNoticeService service, CancellationToken ct) =>
        TypedResults.Ok(await service.OpenAsync(ct));

    private static async Task<Created<PublicCommentReceipt>> Comment(PublicNoticeService service, int id, PublicCommentRequest request, CancellationToken ct)
    {
        var comment = await service.CommentAsync(id, request, ct);
        // The public gets a receipt, not the stored comment: names and contacts are for the Board only.
        return TypedResults.Created($"/api/open/v1/notices/{id}", new PublicCommentReceipt(comment.Id, id, comment.CreatedAt));
    }

    // Who typed a measurement in is the staff's business; the public gets the value, its year and its source.
    private static async Task<Ok<IReadOnlyList<TargetDto>>> Targets(TargetService service, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<TargetDto>>((await service.AllAsync(cancellationToken: ct))
            .Select(t => t with { Measurements = t.Measurements.Select(m => m with { RecordedBy = null }).ToList() }).ToList());

    private const string JsonLd = "application/ld+json";

    // Vietnamese letters as themselves, not \u escapes: the files are read by people too, and never embedded in HTML.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<ContentHttpResult> Catalog(OpenDataCatalog catalog, HttpRequest request, CancellationToken ct) =>
        TypedResults.Text((await catalog.CatalogAsync(BaseUrl(request), ct)).ToJsonString(Readable), JsonLd + "; charset=utf-8");

    private static async Task<ContentHttpResult> DataPackage(OpenDataCatalog catalog, HttpRequest request, CancellationToken ct) =>
        TypedResults.Text((await catalog.DataPackageAsync(BaseUrl(request), ct)).ToJsonString(Readable), "application/json; charset=utf-8");

    /// <summary>The absolute address of the site as the caller reached it, for the catalogue's links.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<Ok<PagedList<OpenRewardDto>>> Rewards(RewardHistoryService service, string? q, int? year, string? unitCode, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok((await service.SearchAsync(new RewardQuery(q, year, unitCode, null, null), Paging.From(page, pageSize), ct)).Select(OpenRewardDto.From));

    private static async Task<ThiDua.Data.Assessment.Framework> PublishedFrameworkAsync(FrameworkService frameworks, string? frameworkCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(frameworkCode))
        {
            throw DomainException.ForField("frameworkCode", "Cần frameworkCode; danh sách ở /api/open/v1/frameworks.");
        }
        return await frameworks.FindAsync(frameworkCode, ct);
    }

    private static async Task<ResultsDto> PublishedAsync(FrameworkService frameworks, ResultsService results, string? frameworkCode, CancellationToken ct)
    {
        var framework = await PublishedFrameworkAsync(frameworks, frameworkCode, ct);
        return await results.PublishedAsync(framework, ct)
            ?? throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố.");
    }
}
