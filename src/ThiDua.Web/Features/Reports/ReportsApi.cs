using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Reports;

/// <summary>Annual reports, their status against the deadline, and the consolidated report of a year (R5) — API.md.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Movements");
        reports.MapPost("/", Create).RequireAuthorization(Policies.UnitWork);
        reports.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        reports.MapGet("/{id:int}", Get).RequireAuthorization(Policies.SignedIn);
        reports.MapPut("/{id:int}", Update).RequireAuthorization(Policies.UnitWork);
        reports.MapPost("/{id:int}/attachments", Attach).RequireAuthorization(Policies.UnitWork).DisableAntiforgery();
        reports.MapPost("/{id:int}/submit", Submit).RequireAuthorization(Policies.UnitWork)
            .WithSummary("The unit leader submits; late reports are accepted and marked late.");
        reports.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Secretariat);

        var movements = app.MapGroup("/api/v1/movements").WithTags("Movements");
        movements.MapGet("/{code}/report-status", Status).RequireAuthorization(Policies.SignedIn)
            .WithSummary("{deadline, onTime, late, missing} of the annual reports of ?year=; on time means before 00:00 of the deadline day, Vietnam time.");
        movements.MapGet("/{code}/consolidated", Consolidated).RequireAuthorization(Policies.ProvinceReader)
            .WithSummary("The consolidated report of ?year= for the Provincial People's Committee; ?format=xlsx for the workbook.");
        return app;
    }

    private static async Task<Created<ReportDto>> Create(ReportService service, CreateReportRequest request, CancellationToken ct)
    {
        var report = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", report);
    }

    private static async Task<Ok<PagedList<ReportDto>>> List(ReportService service, string? movementCode, int? year, string? unitCode, string? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(movementCode, year, unitCode, status, Paging.From(page, pageSize), ct));

    private static async Task<Ok<ReportDto>> Get(ReportService service, int id, HttpResponse response, CancellationToken ct)
    {
        var report = await service.GetAsync(id, ct);
        response.SetETag(report.Version);
        return TypedResults.Ok(report);
    }

    private static async Task<Ok<ReportDto>> Update(ReportService service, int id, UpdateReportRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, Versions.Required(http, request.Version), ct));

    private static async Task<Ok<ReportDto>> Attach(ReportService service, FileService files, int id, IFormFile file, CancellationToken ct)
    {
        await service.GetAsync(id, ct);
        var stored = await files.SaveAsync(file, FileTypes.Evidence, ct);
        return TypedResults.Ok(await service.AddAttachmentAsync(id, stored.Id, ct));
    }

    private static async Task<Ok<ReportDto>> Submit(ReportService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.SubmitAsync(id, ct));

    private static async Task<Ok<ReportDto>> Return(ReportService service, int id, ReturnReportRequest request, CancellationToken ct) =>
        TypedResults.Ok(await service.ReturnAsync(id, request.Reason, ct));

    private static async Task<Ok<ReportStatusDto>> Status(ReportService service, string code, int? year, CancellationToken ct) =>
        TypedResults.Ok(await service.StatusAsync(code, year, ct));

    private static async Task<Results<Ok<ConsolidatedReportDto>, FileContentHttpResult>> Consolidated(ConsolidatedReportBuilder builder, string code, int? year, string? format, TimeProvider clock, CancellationToken ct)
    {
        var report = await builder.BuildAsync(code, year ?? VietnamTime.Today(clock).Year, ct);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(ConsolidatedReportBuilder.Xlsx(report), ContentTypes.Xlsx, $"bao-cao-tong-hop-{report.Year}.xlsx")
            : TypedResults.Ok(report);
    }
}
