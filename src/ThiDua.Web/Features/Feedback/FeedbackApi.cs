using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Feedback;

/// <summary>Problems raised with the Department of Home Affairs (R17) — API.md "Movement, registration, reports".</summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/v1/feedback").WithTags("Feedback").RequireAuthorization(Policies.Feedback);
        feedback.MapPost("/", Create).WithSummary("A unit's reporter or leader raises a problem of their own unit.");
        feedback.MapGet("/", List).WithSummary("Threads the caller may see: its unit's, or all for the Reward Board, the Secretariat and Admin.");
        feedback.MapGet("/{id:int}", Get);
        feedback.MapPost("/{id:int}/replies", Reply).WithSummary("A reply; from the Reward Board it marks the thread answered.");
        feedback.MapPost("/{id:int}/close", Close);
        return app;
    }

    private static async Task<Created<FeedbackDto>> Create(FeedbackService service, FeedbackRequest request, CancellationToken ct)
    {
        var thread = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/feedback/{thread.Id}", thread);
    }

    private static async Task<Ok<PagedList<FeedbackDto>>> List(FeedbackService service, string? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(status, Paging.From(page, pageSize), ct));

    private static async Task<Ok<FeedbackDto>> Get(FeedbackService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    private static async Task<Created<FeedbackDto>> Reply(FeedbackService service, int id, ReplyRequest request, CancellationToken ct)
    {
        var thread = await service.ReplyAsync(id, request.Body, ct);
        return TypedResults.Created($"/api/v1/feedback/{id}", thread);
    }

    private static async Task<Ok<FeedbackDto>> Close(FeedbackService service, int id, CancellationToken ct) =>
        TypedResults.Ok(await service.CloseAsync(id, ct));
}
