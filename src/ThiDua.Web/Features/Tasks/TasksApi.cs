using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Tasks;

/// <summary>Assigned tasks and their completion (R9) — API.md "Targets and tasks".</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/v1/tasks").WithTags("Tasks");
        tasks.MapPost("/", Create).RequireAuthorization(Policies.Secretariat);
        tasks.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Tasks; ?unitCode=&sourceDocument=&overdue=true|false&phase=midterm|final|next|all. Unit users see their unit's tasks.");
        tasks.MapGet("/{id:int}", Get).RequireAuthorization(Policies.SignedIn);
        tasks.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Secretariat);
        tasks.MapPost("/{id:int}/progress", Report).RequireAuthorization(Policies.UnitWork)
            .WithSummary("An assignee unit reports progress (percent, completed, note, optional evidence file); history is kept.");
        tasks.MapPost("/import", Import).RequireAuthorization(Policies.Secretariat).DisableAntiforgery()
            .WithSummary("Imports tasks from CSV or XLSX (multipart 'file'); dryRun=true reports each row's fault and writes nothing.");

        app.MapGet("/api/v1/units/{code}/task-completion", Completion).WithTags("Tasks").RequireAuthorization(Policies.SignedIn)
            .WithSummary("{assigned, completed, completionRate} of the unit's tasks due in ?phase= (tasks of its predecessors included).");
        app.MapGet("/api/v1/task-completion", AllCompletion).WithTags("Tasks").RequireAuthorization(Policies.ProvinceReader)
            .WithSummary("Completion of every unit with tasks in ?phase=.");
        return app;
    }

    private static async Task<Created<TaskDto>> Create(TaskService service, CreateTaskRequest request, CancellationToken ct)
    {
        var task = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/tasks/{task.Id}", task);
    }

    private static async Task<Ok<PagedList<TaskDto>>> List(TaskService service, string? unitCode, string? sourceDocument, bool? overdue, string? phase, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(unitCode, sourceDocument, overdue, phase, Paging.From(page, pageSize), ct));

    private static async Task<Ok<TaskDto>> Get(TaskService service, int id, HttpResponse response, CancellationToken ct)
    {
        var task = await service.GetAsync(id, ct);
        response.SetETag(task.Version);
        return TypedResults.Ok(task);
    }

    private static async Task<Ok<TaskDto>> Update(TaskService service, int id, UpdateTaskRequest request, HttpRequest http, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateAsync(id, request, Versions.Required(http, request.Version), ct));

    private static async Task<Created<ProgressDto>> Report(TaskService service, int id, ProgressRequest request, CancellationToken ct)
    {
        var progress = await service.ReportAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/tasks/{id}", progress);
    }

    private static async Task<Results<Ok<TaskImportReport>, BadRequest<TaskImportReport>>> Import(TaskImportService service, IFormFile file, CancellationToken ct, [FromQuery] bool dryRun = true)
    {
        using var buffer = await Uploads.BufferAsync(file, "Gửi tệp CSV hoặc XLSX trong trường 'file'.", ct);
        var isXlsx = FileTypes.Detect(buffer.ToArray()) == FileTypes.Xlsx;
        var report = await service.ImportAsync(buffer, isXlsx, dryRun, ct);
        return report.Errors.Count > 0 && !dryRun ? TypedResults.BadRequest(report) : TypedResults.Ok(report);
    }

    private static async Task<Ok<CompletionDto>> Completion(TaskCompletionService service, string code, string? phase, CancellationToken ct) =>
        TypedResults.Ok(await service.ForUnitAsync(code, phase, ct));

    private static async Task<Ok<IReadOnlyList<CompletionDto>>> AllCompletion(TaskCompletionService service, string? phase, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Phases.Parse(phase), ct));
}
