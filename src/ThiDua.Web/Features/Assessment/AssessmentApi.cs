using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Core.Assessment;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

/// <summary>Frameworks, assessments, results and explanations (R6, R7) — API.md "Assessment".</summary>
public static class AssessmentApi
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var frameworks = app.MapGroup("/api/v1/frameworks").WithTags("Assessment");
        frameworks.MapGet("/", ListFrameworks).RequireAuthorization(Policies.SignedIn);
        frameworks.MapPost("/", CreateFramework).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Creates a framework from its whole tree; an invalid tree answers 400 naming each faulty node.");
        frameworks.MapGet("/{code}", GetFramework).RequireAuthorization(Policies.SignedIn);
        frameworks.MapPut("/{code}", UpdateFramework).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Replaces the tree (send version or If-Match). A framework already used by an assessment is frozen: the change becomes a new framework CODE-vN (201).");
        frameworks.MapPost("/import", ImportFrameworks).RequireAuthorization(Policies.Secretariat).DisableAntiforgery()
            .WithSummary("Creates frameworks from an XLSX workbook (multipart 'file'): one sheet a framework, one row a node.");
        frameworks.MapGet("/{code}/export", ExportFramework).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The framework as an XLSX workbook in the import format.");
        frameworks.MapPost("/{code}/publish", Publish).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Publishes the results of the appraised assessments: a snapshot with its SHA-256 becomes public. Units not appraised yet are left out and listed in 'unappraised' with a 'warning'; with requireAllAppraised=true their presence answers 409 listing them instead.");

        var assessments = app.MapGroup("/api/v1/assessments").WithTags("Assessment");
        assessments.MapPost("/", Create).RequireAuthorization(Policies.UnitWork);
        assessments.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        assessments.MapGet("/{id:int}", Get).RequireAuthorization(Policies.SignedIn);
        assessments.MapPut("/{id:int}/values", SaveValues).RequireAuthorization(Policies.UnitWork)
            .WithSummary("Saves the unit's values (draft or returned only; later edits 409). Optional If-Match guards against a concurrent editor.");
        assessments.MapPost("/{id:int}/submit", Submit).RequireAuthorization(Policies.UnitWork)
            .WithSummary("The unit leader submits: values lock. Refused (400) while evidence-required indicators lack evidence.");
        assessments.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Secretariat);
        assessments.MapPost("/{id:int}/appraisal", Appraise).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Accepts, adjusts (reason required) or returns (message) indicators of a submitted assessment.");
        assessments.MapPost("/{id:int}/finalize", FinalizeAppraisal).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Finalises the appraisal; indicators without an appraisal entry keep the unit's value.");
        assessments.MapPost("/import", Import).RequireAuthorization(Policies.UnitWork).DisableAntiforgery()
            .Answers(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Bulk entry from CSV frameworkCode,unitCode,indicatorCode,value (multipart 'file' or text/csv body). dryRun=true reports every row's fault and writes nothing.");

        var results = app.MapGroup("/api/v1/results").WithTags("Assessment");
        results.MapGet("/", GetResults).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The ranking of a framework; province-wide roles see live results, others the published ones.");
        results.MapGet("/export", ExportResults).RequireAuthorization(Policies.SignedIn).WithSummary("The ranking as XLSX.");
        results.MapGet("/{frameworkCode}/{unitCode}/explain", Explain).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Points lost per indicator (largest first) and the points needed for the next band and the next rank.");
        return app;
    }

    private static async Task<Ok<PagedList<FrameworkSummary>>> ListFrameworks(FrameworkService service, int? year, string? unitType, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(year, unitType, Paging.From(page, pageSize), ct));

    private static async Task<Created<FrameworkDto>> CreateFramework(FrameworkService service, FrameworkDefinition definition, CancellationToken ct)
    {
        var framework = await service.CreateAsync(definition, ct);
        return TypedResults.Created($"/api/v1/frameworks/{Uri.EscapeDataString(framework.Code)}", framework);
    }

    private static async Task<Ok<FrameworkDto>> GetFramework(FrameworkService service, string code, HttpResponse response, CancellationToken ct)
    {
        var framework = await service.GetAsync(code, ct);
        response.SetETag(framework.Version);
        return TypedResults.Ok(framework);
    }

    private static async Task<Results<Ok<FrameworkDto>, Created<FrameworkDto>>> UpdateFramework(FrameworkService service, string code, FrameworkUpdate body, HttpRequest http, CancellationToken ct)
    {
        var (framework, newVersion) = await service.UpdateAsync(code, body.ToDefinition(), Versions.Required(http, body.Version), ct);
        return newVersion
            ? TypedResults.Created($"/api/v1/frameworks/{Uri.EscapeDataString(framework.Code)}", framework)
            : TypedResults.Ok(framework);
    }

    private static async Task<Created<IReadOnlyList<FrameworkDto>>> ImportFrameworks(IFormFile file, FrameworkService service, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var created = await service.ImportAsync(stream, ct);
        return TypedResults.Created("/api/v1/frameworks", created);
    }

    private static async Task<FileContentHttpResult> ExportFramework(FrameworkService service, string code, CancellationToken ct) =>
        TypedResults.File(await service.ExportAsync(code, ct), ContentTypes.Xlsx, $"{code}.xlsx");

    private static async Task<Ok<PublicationDto>> Publish(ResultsService service, string code, bool? requireAllAppraised, CancellationToken ct) =>
        TypedResults.Ok(await service.PublishAsync(code, requireAllAppraised == true, cancellationToken: ct));

    private static async Task<Created<AssessmentCreated>> Create(SelfAssessmentService service, CreateAssessmentRequest request, CancellationToken ct)
    {
        var created = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/assessments/{created.Id}", created);
    }

    private static async Task<Ok<PagedList<AssessmentSummary>>> List(AssessmentService service, string? frameworkCode, string? unitCode, string? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(frameworkCode, unitCode, status, Paging.From(page, pageSize), ct));

    private static async Task<Ok<AssessmentDto>> Get(AssessmentService service, int id, HttpResponse response, CancellationToken ct)
    {
        var assessment = await service.GetAsync(id, ct);
        response.SetETag(assessment.Version);
        return TypedResults.Ok(assessment);
    }

    private static async Task<Ok<AssessmentDto>> SaveValues(SelfAssessmentService service, int id, List<ValueEntry> entries, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        int? expected = http.Headers.IfMatch.Count > 0 ? Versions.Required(http, null) : null;
        var assessment = await service.SaveValuesAsync(id, entries, expected, ct);
        response.SetETag(assessment.Version);
        return TypedResults.Ok(assessment);
    }

    private static async Task<Ok<AssessmentDto>> Submit(SelfAssessmentService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.SubmitAsync(id, ct));

    private static async Task<Ok<AssessmentDto>> Return(AppraisalService service, int id, ReturnRequest request, CancellationToken ct) =>
        TypedResults.Ok(await service.ReturnAsync(id, request.Message, ct));

    private static async Task<Ok<AssessmentDto>> Appraise(AppraisalService service, int id, List<AppraisalEntry> entries, CancellationToken ct) =>
        TypedResults.Ok(await service.AppraiseAsync(id, entries, ct));

    private static async Task<Ok<AssessmentDto>> FinalizeAppraisal(AppraisalService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.FinalizeAsync(id, ct));

    /// <summary>
    /// The import's own body limit (Assessment:ImportMaxBytes, 64 MB by default): a national file of 3,321 units × 300
    /// values is about 31 MB, over the 20 MB of other uploads and Kestrel's 30 MB, which stay as they are everywhere else.
    /// </summary>
    public static long ImportMaxBytes(IConfiguration configuration) => configuration.GetValue<long?>("Assessment:ImportMaxBytes") ?? 64L * 1024 * 1024;

    private static async Task<Results<Ok<ImportReport>, BadRequest<ImportReport>>> Import(AssessmentImportService service, HttpRequest request, IConfiguration configuration, CancellationToken ct, [FromQuery] bool dryRun = true)
    {
        // A multipart 'file' or the CSV as the body; it is buffered once (the reader reads it twice, row by row).
        using var buffer = await Uploads.BufferBodyAsync(request, ImportMaxBytes(configuration), ct);
        var report = await service.ImportAsync(buffer, dryRun, ct);
        return report.Errors.Count > 0 && !dryRun ? TypedResults.BadRequest(report) : TypedResults.Ok(report);
    }

    private static async Task<Ok<ResultsPage>> GetResults(ResultsService service, string frameworkCode, string? clusterCode, string? unitType, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        if (string.IsNullOrWhiteSpace(frameworkCode))
        {
            throw DomainException.ForField("frameworkCode", "Cần frameworkCode (mã bộ chỉ số).");
        }
        // The stored ranking, paged and filtered in SQL (ADR 025).
        return TypedResults.Ok(await service.PageForUserAsync(frameworkCode, clusterCode, unitType, paging, ct));
    }

    private static async Task<FileContentHttpResult> ExportResults(ResultsService service, string frameworkCode, string? clusterCode, string? unitType, CancellationToken ct)
    {
        var results = await Filtered(service, frameworkCode, clusterCode, unitType, ct);
        return TypedResults.File(ResultsExport.Xlsx(results), ContentTypes.Xlsx, $"ket-qua-{results.FrameworkCode}.xlsx");
    }

    private static async Task<Ok<ExplanationDto>> Explain(ResultsService service, string frameworkCode, string unitCode, CancellationToken ct) =>
        TypedResults.Ok(await service.ExplainAsync(frameworkCode, unitCode, ct));

    /// <summary>Filters a ranking to a cluster (with ranks within it) or a unit type.</summary>
    public static async Task<ResultsDto> Filtered(ResultsService service, string? frameworkCode, string? clusterCode, string? unitType, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(frameworkCode))
        {
            throw DomainException.ForField("frameworkCode", "Cần frameworkCode (mã bộ chỉ số).");
        }
        var results = await service.ForUserAsync(frameworkCode, ct);
        return results with { Items = ResultsService.Filter(results.Items, clusterCode, unitType) };
    }
}

/// <summary>The body of PUT /api/v1/frameworks/{code}: the framework document plus the version it was read at.</summary>
public sealed class FrameworkUpdate
{
    [System.ComponentModel.DataAnnotations.StringLength(ThiDua.Core.Assessment.FrameworkLimits.Name)]
    public string Name { get; init; } = "";
    public int Year { get; init; }
    [System.ComponentModel.DataAnnotations.StringLength(ThiDua.Core.Assessment.FrameworkLimits.Short)]
    public string UnitType { get; init; } = "";
    public double ScaleMax { get; init; }
    public List<BandDefinition> Bands { get; init; } = [];
    public List<GroupDefinition> Groups { get; init; } = [];
    public bool Illustrative { get; init; }
    [System.ComponentModel.DataAnnotations.StringLength(ThiDua.Core.Assessment.FrameworkLimits.LongText)]
    public string? Description { get; init; }
    public int? Version { get; init; }

    public FrameworkDefinition ToDefinition() => new()
    {
        Name = Name,
        Year = Year,
        UnitType = UnitType,
        ScaleMax = ScaleMax,
        Bands = Bands,
        Groups = Groups,
        Illustrative = Illustrative,
        Description = Description,
    };
}
