using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Web.Features.Reports;
using ThiDua.Web.Infrastructure.Api;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Movements;

/// <summary>Movements, phases, milestones, launch and registration, reports and their status (R3–R5) — API.md.</summary>
public static class MovementsApi
{
    public static IEndpointRouteBuilder MapMovementsApi(this IEndpointRouteBuilder app)
    {
        var movements = app.MapGroup("/api/v1/movements").WithTags("Movements");
        movements.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        movements.MapGet("/{code}", Get).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Phases and milestones with dates, where today stands, and the report deadlines.");
        movements.MapPost("/", Create).RequireAuthorization(Policies.Secretariat);
        movements.MapPut("/{code}", Update).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Changes the movement; reportDeadline (\"12-15\") is the annual report deadline. Send version or If-Match.");
        movements.MapPost("/{code}/milestones", AddMilestone).RequireAuthorization(Policies.Secretariat);
        movements.MapPut("/{code}/milestones/{milestoneCode}", UpdateMilestone).RequireAuthorization(Policies.Secretariat);
        movements.MapPost("/{code}/launches", Launch).RequireAuthorization(Policies.UnitWork)
            .WithSummary("A unit records that it launched the movement in its own scope (date, launching document, optional file).");
        movements.MapPost("/{code}/registrations", Register).RequireAuthorization(Policies.UnitWork)
            .WithSummary("A unit registers with its commitments; a future date, an unknown unit or a second registration is refused.");
        movements.MapGet("/{code}/registrations", Registrations).RequireAuthorization(Policies.SignedIn);
        movements.MapGet("/{code}/registration-status", RegistrationStatus).RequireAuthorization(Policies.SignedIn)
            .WithSummary("{total, launched, registered, missing} of the units expected to take part (valid on ?asOf=), by unit type.");
        movements.MapGet("/{code}/report-status", ReportStatus).RequireAuthorization(Policies.SignedIn)
            .WithSummary("{deadline, onTime, late, missing} of the annual reports of ?year=; on time means before 00:00 of the deadline day, Vietnam time.");
        movements.MapGet("/{code}/consolidated", Consolidated).RequireAuthorization(Policies.ProvinceReader)
            .WithSummary("The consolidated report of ?year= for the Provincial People's Committee; ?format=xlsx for the workbook.");

        var reports = app.MapGroup("/api/v1/reports").WithTags("Movements");
        reports.MapPost("/", CreateReport).RequireAuthorization(Policies.UnitWork);
        reports.MapGet("/", ListReports).RequireAuthorization(Policies.SignedIn);
        reports.MapGet("/{id:int}", GetReport).RequireAuthorization(Policies.SignedIn);
        reports.MapPut("/{id:int}", UpdateReport).RequireAuthorization(Policies.UnitWork);
        reports.MapPost("/{id:int}/attachments", Attach).RequireAuthorization(Policies.UnitWork).DisableAntiforgery();
        reports.MapPost("/{id:int}/submit", Submit).RequireAuthorization(Policies.UnitWork)
            .WithSummary("The unit leader submits; late reports are accepted and marked late.");
        reports.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Secretariat);
        return app;
    }

    private static async Task<Ok<PagedList<MovementDto>>> List(MovementService service, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(Paging.From(page, pageSize).Apply(await service.ListAsync(ct)));

    private static async Task<Ok<MovementDto>> Get(MovementService service, string code, HttpResponse response, CancellationToken ct)
    {
        var movement = await service.GetAsync(code, ct);
        response.SetETag(movement.Version);
        return TypedResults.Ok(movement);
    }

    private static async Task<Created<MovementDto>> Create(MovementService service, MovementRequest request, CancellationToken ct)
    {
        var movement = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/movements/{Uri.EscapeDataString(movement.Code)}", movement);
    }

    private static async Task<Ok<MovementDto>> Update(MovementService service, string code, MovementRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(code, request, Versions.Required(http, request.Version), ct));

    private static async Task<Created<MilestoneDto>> AddMilestone(MovementService service, string code, MilestoneRequest request, CancellationToken ct)
    {
        var milestone = await service.SaveMilestoneAsync(code, request, create: true, ct);
        return TypedResults.Created($"/api/v1/movements/{Uri.EscapeDataString(code)}", milestone);
    }

    private static async Task<Ok<MilestoneDto>> UpdateMilestone(MovementService service, string code, string milestoneCode, MilestoneRequest request, CancellationToken ct)
    {
        if (!string.Equals(request.Code, milestoneCode, StringComparison.OrdinalIgnoreCase))
        {
            throw Core.Errors.DomainException.ForField("code", "Mã mốc trong nội dung khác mã trên đường dẫn.");
        }
        return TypedResults.Ok(await service.SaveMilestoneAsync(code, request, create: false, ct));
    }

    private static async Task<Ok<ParticipationDto>> Launch(MovementService service, string code, LaunchRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.LaunchAsync(code, request, user, ct));

    private static async Task<Created<ParticipationDto>> Register(MovementService service, string code, RegistrationRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var participation = await service.RegisterAsync(code, request, user, ct);
        return TypedResults.Created($"/api/v1/movements/{Uri.EscapeDataString(code)}/registrations", participation);
    }

    private static async Task<Ok<PagedList<ParticipationDto>>> Registrations(MovementService service, string code, int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(Paging.From(page, pageSize).Apply(await service.ParticipationsAsync(code, user, ct)));

    private static async Task<Ok<RegistrationStatus>> RegistrationStatus(MovementService service, string code, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await service.StatusAsync(code, asOf, ct));

    private static async Task<Ok<ReportStatusDto>> ReportStatus(ReportService service, string code, int? year, CancellationToken ct) =>
        TypedResults.Ok(await service.StatusAsync(code, year, ct));

    private static async Task<Results<Ok<ConsolidatedReportDto>, FileContentHttpResult>> Consolidated(ConsolidatedReportBuilder builder, string code, int? year, string? format, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var report = await builder.BuildAsync(code, year ?? Core.Calendar.VietnamTime.Today(clock).Year, user, ct);
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(ConsolidatedReportBuilder.Xlsx(report), Assessment.AssessmentApi.XlsxType, $"bao-cao-tong-hop-{report.Year}.xlsx")
            : TypedResults.Ok(report);
    }

    private static async Task<Created<ReportDto>> CreateReport(ReportService service, CreateReportRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await service.CreateAsync(request, user, ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", report);
    }

    private static async Task<Ok<PagedList<ReportDto>>> ListReports(ReportService service, string? movementCode, int? year, string? unitCode, string? status, int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(Paging.From(page, pageSize).Apply(await service.ListAsync(movementCode, year, unitCode, status, user, ct)));

    private static async Task<Ok<ReportDto>> GetReport(ReportService service, int id, ClaimsPrincipal user, HttpResponse response, CancellationToken ct)
    {
        var report = await service.GetAsync(id, user, ct);
        response.SetETag(report.Version);
        return TypedResults.Ok(report);
    }

    private static async Task<Ok<ReportDto>> UpdateReport(ReportService service, int id, UpdateReportRequest request, HttpRequest http, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, Versions.Required(http, request.Version), user, ct));

    private static async Task<Ok<ReportDto>> Attach(ReportService service, Infrastructure.Files.FileService files, int id, IFormFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        await service.GetAsync(id, user, ct);
        var stored = await files.SaveAsync(file, Infrastructure.Files.FileTypes.Evidence, user, ct);
        return TypedResults.Ok(await service.AddAttachmentAsync(id, stored.Id, user, ct));
    }

    private static async Task<Ok<ReportDto>> Submit(ReportService service, int id, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.SubmitAsync(id, user, ct));

    private static async Task<Ok<ReportDto>> Return(ReportService service, int id, ReturnReportRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await service.ReturnAsync(id, request.Reason, user, ct));
}
