using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Units;

/// <summary>Units, reorganizations and clusters (R1, R2) — API.md "Users and units".</summary>
public static class UnitsApi
{
    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/v1/units").WithTags("Units");
        units.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Units, optionally of one type, valid on a day (asOf) or matching a search (q, diacritics optional).");
        units.MapGet("/{code}", Get).RequireAuthorization(Policies.SignedIn);
        units.MapPost("/", Create).RequireAuthorization(Policies.ManageUnits);
        units.MapPut("/{code}", Update).RequireAuthorization(Policies.ManageUnits)
            .WithSummary("Updates a unit; send the version read (body or If-Match). A stale version answers 409.");
        units.MapPut("/{code}/focal-person", UpdateFocalPerson).RequireAuthorization(Policies.UnitWork)
            .WithSummary("The unit's focal person for the movement; a unit's own reporter or leader, or the Secretariat.");
        units.MapPost("/reorganizations", Reorganize).RequireAuthorization(Policies.ManageUnits)
            .WithSummary("Merge, split or rename in one transaction: old units end the day before, new ones start, lineage is kept.");

        var clusters = app.MapGroup("/api/v1/clusters").WithTags("Units");
        clusters.MapGet("/", ListClusters).RequireAuthorization(Policies.SignedIn);
        clusters.MapGet("/{id:int}", GetCluster).RequireAuthorization(Policies.SignedIn);
        clusters.MapPost("/", CreateCluster).RequireAuthorization(Policies.ManageUnits);
        clusters.MapPut("/{id:int}", UpdateCluster).RequireAuthorization(Policies.ManageUnits);
        return app;
    }

    private static async Task<Ok<PagedList<UnitDto>>> List(UnitService service, string? type, DateOnly? asOf, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(type, asOf, q, Paging.From(page, pageSize), ct));

    private static async Task<Ok<UnitDto>> Get(UnitService service, string code, HttpResponse response, CancellationToken ct)
    {
        var unit = await service.GetAsync(code, ct);
        response.SetETag(unit.Version);
        return TypedResults.Ok(unit);
    }

    private static async Task<Created<UnitDto>> Create(UnitService service, CreateUnitRequest request, CancellationToken ct)
    {
        var unit = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/units/{Uri.EscapeDataString(unit.Code)}", unit);
    }

    private static async Task<Ok<UnitDto>> Update(UnitService service, string code, UpdateUnitRequest request, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var unit = await service.UpdateAsync(code, request, Versions.Required(http, request.Version), ct);
        response.SetETag(unit.Version);
        return TypedResults.Ok(unit);
    }

    private static async Task<Ok<UnitDto>> UpdateFocalPerson(UnitService service, string code, UpdateFocalPersonRequest request, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var dto = await service.UpdateFocalPersonAsync(code, request, Versions.Required(http, request.Version), ct);
        response.SetETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Created<ReorganizationResult>> Reorganize(ReorganizationService service, ReorganizationRequest request, CancellationToken ct)
    {
        var result = await service.ReorganizeAsync(request, ct);
        return TypedResults.Created($"/api/v1/units/{Uri.EscapeDataString(result.Started[0])}", result);
    }

    private static async Task<Ok<PagedList<ClusterDto>>> ListClusters(ClusterService service, int? year, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(year, Paging.From(page, pageSize), ct));

    private static async Task<Ok<ClusterDto>> GetCluster(ClusterService service, int id, HttpResponse response, CancellationToken ct)
    {
        var cluster = await service.GetAsync(id, ct);
        response.SetETag(cluster.Version);
        return TypedResults.Ok(cluster);
    }

    private static async Task<Created<ClusterDto>> CreateCluster(ClusterService service, ClusterRequest request, CancellationToken ct)
    {
        var cluster = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/clusters/{cluster.Id}", cluster);
    }

    private static async Task<Ok<ClusterDto>> UpdateCluster(ClusterService service, int id, ClusterRequest request, HttpRequest http, HttpResponse response, CancellationToken ct)
    {
        var cluster = await service.UpdateAsync(id, request, Versions.Required(http, request.Version), ct);
        response.SetETag(cluster.Version);
        return TypedResults.Ok(cluster);
    }
}
