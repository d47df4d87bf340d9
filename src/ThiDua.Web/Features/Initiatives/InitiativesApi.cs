using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>Initiatives and exemplary models (R14) — API.md "Initiatives and inspections"; additions in docs/api-additions.md.</summary>
public static class InitiativesApi
{
    public static IEndpointRouteBuilder MapInitiativesApi(this IEndpointRouteBuilder app)
    {
        var initiatives = app.MapGroup("/api/v1/initiatives").WithTags("Initiatives");
        initiatives.MapPost("/", Create).RequireAuthorization(Policies.UnitWork)
            .WithSummary("A unit's reporter or leader submits an initiative or model of their unit; the Secretariat for any unit. → {id, status: submitted}.");
        initiatives.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Initiatives and models, ?unitCode=&status=&kind=&sector=&q=; a unit's staff see their unit's only.");
        initiatives.MapGet("/{id:int}", Get).RequireAuthorization(Policies.SignedIn);
        initiatives.MapPut("/{id:int}", Update).RequireAuthorization(Policies.UnitWork)
            .WithSummary("Corrects one waiting for review or returned (which is thereby submitted again); needs version or If-Match.");
        initiatives.MapPost("/{id:int}/files", AddFile).RequireAuthorization(Policies.UnitWork).DisableAntiforgery()
            .WithSummary("Adds a file (multipart 'file', optional 'caption'): PDF or DOCX as is; JPEG, PNG or WebP resized to at most 1600 px with a thumbnail.");
        initiatives.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Returns one waiting for review to its unit with a reason {reason}.");
        initiatives.MapPost("/{id:int}/accept", Accept).RequireAuthorization(Policies.Secretariat);
        initiatives.MapPost("/{id:int}/publish", Publish).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Publishes an accepted one: it appears in the open data and on the public pages.");
        initiatives.MapPost("/{id:int}/feature", Feature).RequireAuthorization(Policies.Secretariat)
            .WithSummary("Features a published one for the provincial media centre ({featured: false} takes it off).");

        var evidence = app.MapGroup("/api/v1/nominations/{id:int}/initiatives").WithTags("Rewards");
        evidence.MapGet("/", Evidence).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Published initiatives and models linked to the nomination as evidence.");
        evidence.MapPost("/", Link).RequireAuthorization(Policies.Nominate)
            .WithSummary("Links a published initiative or model of the proposing or nominated unit {initiativeId}.");
        evidence.MapDelete("/{initiativeId:int}", Unlink).RequireAuthorization(Policies.Nominate);
        return app;
    }

    /// <summary>The open data of published initiatives, mapped inside <c>/api/open/v1</c> by <see cref="Public.OpenDataApi"/>.</summary>
    public static RouteGroupBuilder MapOpenInitiatives(this RouteGroupBuilder open)
    {
        open.MapGet("/initiatives", OpenList)
            .WithSummary("Published initiatives and models (featured first), ?kind=&sector=&unitCode=&q=&featured=, with their images' addresses.");
        open.MapGet("/initiatives/{id:int}", OpenGet);
        open.MapGet("/initiatives/{id:int}/files/{fileId:int}", OpenImage).WithSummary("An image of a published initiative or model.");
        open.MapGet("/initiatives/{id:int}/files/{fileId:int}/thumbnail", OpenThumbnail).WithSummary("The thumbnail (JPEG, at most 320 px) of an image of a published initiative or model.");
        return open;
    }

    private static async Task<Created<InitiativeCreated>> Create(InitiativeService service, InitiativeRequest request, CancellationToken ct)
    {
        var created = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/initiatives/{created.Id}", created);
    }

    private static async Task<Ok<PagedList<InitiativeSummary>>> List(InitiativeService service, string? unitCode, string? status, string? kind, string? sector, string? q,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(new InitiativeQuery(unitCode, status, kind, sector, q), Paging.From(page, pageSize), ct));

    private static async Task<Ok<InitiativeDto>> Get(InitiativeService service, int id, HttpResponse response, CancellationToken ct)
    {
        var initiative = await service.GetAsync(id, ct);
        response.SetETag(initiative.Version);
        return TypedResults.Ok(initiative);
    }

    private static async Task<Ok<InitiativeDto>> Update(InitiativeService service, int id, InitiativeRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, Versions.Required(http, request.Version), ct));

    private static async Task<Created<InitiativeFileDto>> AddFile(InitiativeFileService service, int id, IFormFile? file, [FromForm] string? caption, CancellationToken ct)
    {
        var added = await service.AddAsync(id, file, caption, ct);
        return TypedResults.Created($"/api/v1/files/{added.FileId}", added);
    }

    private static async Task<Ok<InitiativeDto>> Return(InitiativeReviewService service, int id, ReturnInitiativeRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.ReturnAsync(id, request.Reason, http.IfMatchVersion(), ct));

    private static async Task<Ok<InitiativeDto>> Accept(InitiativeReviewService service, int id, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.AcceptAsync(id, http.IfMatchVersion(), ct));

    private static async Task<Ok<InitiativeDto>> Publish(InitiativeReviewService service, int id, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.PublishAsync(id, http.IfMatchVersion(), ct));

    private static async Task<Ok<InitiativeDto>> Feature(InitiativeReviewService service, int id, FeatureRequest? request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.FeatureAsync(id, request?.Featured ?? true, http.IfMatchVersion(), ct));

    private static async Task<Ok<IReadOnlyList<NominationInitiativeDto>>> Evidence(NominationEvidence service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(id, ct));

    private static async Task<Created<NominationInitiativeDto>> Link(NominationEvidence service, int id, LinkInitiativeRequest request, CancellationToken ct)
    {
        var linked = await service.LinkAsync(id, request.InitiativeId!.Value, ct);
        return TypedResults.Created($"/api/v1/nominations/{id}/initiatives", linked);
    }

    private static async Task<NoContent> Unlink(NominationEvidence service, int id, int initiativeId, CancellationToken ct)
    {
        await service.UnlinkAsync(id, initiativeId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedList<OpenInitiativeDto>>> OpenList(PublishedInitiatives service, string? kind, string? sector, string? unitCode, string? q, bool? featured,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(kind, sector, unitCode, q, featured, Paging.From(page, pageSize), ct));

    private static async Task<Ok<OpenInitiativeDto>> OpenGet(PublishedInitiatives service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    private static Task<FileContentHttpResult> OpenImage(PublishedInitiatives service, int id, int fileId, CancellationToken ct) => ImageAsync(service, id, fileId, false, ct);

    private static Task<FileContentHttpResult> OpenThumbnail(PublishedInitiatives service, int id, int fileId, CancellationToken ct) => ImageAsync(service, id, fileId, true, ct);

    private static async Task<FileContentHttpResult> ImageAsync(PublishedInitiatives service, int id, int fileId, bool thumbnail, CancellationToken ct)
    {
        var (content, contentType, _) = await service.ImageAsync(id, fileId, thumbnail, ct);
        // Shown inline in the gallery, not offered as a download.
        return TypedResults.File(content, contentType);
    }
}
