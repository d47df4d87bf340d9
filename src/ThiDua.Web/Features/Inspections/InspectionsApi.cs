using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Inspections;

/// <summary>Inspection plans, visits, findings and the units' answers (R15) — API.md "Initiatives and inspections".</summary>
public static class InspectionsApi
{
    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var inspections = app.MapGroup("/api/v1/inspections").WithTags("Inspections");
        inspections.MapPost("/", Create).RequireAuthorization(Policies.PlanInspections)
            .WithSummary("A yearly inspection plan: team of Inspector users, units, dates, scope (the Secretariat, the Reward Board, Admin).");
        inspections.MapGet("/", List).RequireAuthorization(Policies.Inspections)
            .WithSummary("Plans; ?year=. Province-wide roles see all; a unit's staff see the plans that include their unit.");
        inspections.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Inspections)
            .WithSummary("A plan; a unit's staff see only their own unit's visits and findings, and a plan without their unit answers 404.");
        inspections.MapGet("/{id:int}/report.csv", Report).RequireAuthorization(Policies.Inspections)
            .WithSummary("The plan's findings and recommendations, one row per recommendation (as the caller may see them).");
        inspections.MapPost("/{id:int}/findings", AddFinding).RequireAuthorization(Policies.Inspect)
            .WithSummary("A finding at one of the plan's units with its recommendations; subject = dti|tasks|report|other. Only the plan's inspectors.");
        inspections.MapPost("/{id:int}/visits", AddVisit).RequireAuthorization(Policies.Inspect)
            .WithSummary("A visit (date within the plan, unit of the plan, note). Only the plan's inspectors.");
        inspections.MapPost("/{id:int}/recommendations/{rid:int}/response", Respond).RequireAuthorization(Policies.RespondToInspections)
            .WithSummary("The inspected unit's answer {text, done}: status responded, or done. Its reporter or leader only; optional version/If-Match.");
        return app;
    }

    private static async Task<Created<InspectionDto>> Create(InspectionService service, CreateInspectionRequest request, CancellationToken ct)
    {
        var plan = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/inspections/{plan.Id}", plan);
    }

    private static async Task<Ok<PagedList<InspectionSummaryDto>>> List(InspectionService service, int? year, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(year, Paging.From(page, pageSize), ct));

    private static async Task<Ok<InspectionDto>> Get(InspectionService service, int id, HttpResponse response, CancellationToken ct)
    {
        var plan = await service.GetAsync(id, ct);
        response.SetETag(plan.Version);
        return TypedResults.Ok(plan);
    }

    private static async Task<FileContentHttpResult> Report(InspectionService service, int id, CancellationToken ct)
    {
        var plan = await service.GetAsync(id, ct);
        return TypedResults.File(InspectionReport.Csv(plan), ContentTypes.CsvUtf8, InspectionReport.FileName(plan));
    }

    private static async Task<Created<FindingDto>> AddFinding(InspectionService service, int id, FindingRequest request, CancellationToken ct)
    {
        var finding = await service.AddFindingAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/inspections/{id}", finding);
    }

    private static async Task<Created<VisitDto>> AddVisit(InspectionService service, int id, VisitRequest request, CancellationToken ct)
    {
        var visit = await service.AddVisitAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/inspections/{id}", visit);
    }

    private static async Task<Ok<RecommendationDto>> Respond(InspectionService service, int id, int rid, ResponseRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.RespondAsync(id, rid, request, request.Version ?? http.IfMatchVersion(), ct));
}
