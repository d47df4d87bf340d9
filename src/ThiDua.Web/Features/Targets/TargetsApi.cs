using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Targets;

/// <summary>Targets of Resolution 09 for 2025 and 2030 (R8) — API.md "Targets and tasks".</summary>
public static class TargetsApi
{
    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/api/v1/targets").WithTags("Targets");
        targets.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Every target with its goals, measurements and status; ?area=digital_government|digital_economy|digital_society.");
        targets.MapGet("/progress", Progress).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Distance to each goal from the baseline and the status (achieved, on_track, at_risk, off_track, no_data) as of ?year=.");
        targets.MapGet("/{code}", Get).RequireAuthorization(Policies.SignedIn);
        targets.MapPost("/", Create).RequireAuthorization(Policies.Secretariat);
        targets.MapPut("/{code}", Update).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Sets the baseline, the responsible agencies and the note (send version or If-Match).");
        targets.MapPost("/{code}/measurements", Measure).RequireAuthorization(Policies.UnitWork)
            .WithSummary("Records a year's value with its source: the Secretariat, or an agency named responsible for the target. History is kept.");

        return app;
    }

    private static async Task<Ok<PagedList<TargetDto>>> List(TargetService service, string? area, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(area, Paging.From(page, pageSize), cancellationToken: ct));

    private static async Task<Ok<ProgressReport>> Progress(TargetService service, int? year, CancellationToken ct) =>
        TypedResults.Ok(await service.ProgressAsync(year, ct));

    private static async Task<Ok<TargetDto>> Get(TargetService service, string code, HttpResponse response, CancellationToken ct)
    {
        var target = await service.GetAsync(code, cancellationToken: ct);
        response.SetETag(target.Version);
        return TypedResults.Ok(target);
    }

    private static async Task<Created<TargetDto>> Create(TargetService service, CreateTargetRequest request, CancellationToken ct)
    {
        var target = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/targets/{Uri.EscapeDataString(target.Code)}", target);
    }

    private static async Task<Ok<TargetDto>> Update(TargetService service, string code, UpdateTargetRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(code, request, Versions.Required(http, request.Version), ct));

    private static async Task<Created<MeasurementDto>> Measure(TargetService service, string code, MeasurementRequest request, CancellationToken ct)
    {
        var measurement = await service.AddMeasurementAsync(code, request, ct);
        return TypedResults.Created($"/api/v1/targets/{Uri.EscapeDataString(code)}", measurement);
    }
}
