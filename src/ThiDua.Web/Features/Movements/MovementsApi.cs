using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Movements;

/// <summary>Movements, phases, milestones, launch and registration (R3, R4) — API.md. Annual reports are in <see cref="Reports.ReportsApi"/>.</summary>
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
        return app;
    }

    private static async Task<Ok<PagedList<MovementDto>>> List(MovementService service, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Paging.From(page, pageSize), ct));

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

    private static async Task<Ok<ParticipationDto>> Launch(MovementService service, string code, LaunchRequest request, CancellationToken ct) =>
        TypedResults.Ok(await service.LaunchAsync(code, request, ct));

    private static async Task<Created<ParticipationDto>> Register(MovementService service, string code, RegistrationRequest request, CancellationToken ct)
    {
        var participation = await service.RegisterAsync(code, request, ct);
        return TypedResults.Created($"/api/v1/movements/{Uri.EscapeDataString(code)}/registrations", participation);
    }

    private static async Task<Ok<PagedList<ParticipationDto>>> Registrations(MovementService service, string code, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ParticipationsAsync(code, Paging.From(page, pageSize), ct));

    private static async Task<Ok<RegistrationStatus>> RegistrationStatus(MovementService service, string code, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await service.StatusAsync(code, asOf, ct));
}
