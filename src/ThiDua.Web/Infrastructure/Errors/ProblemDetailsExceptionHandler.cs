using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ThiDua.Web.Infrastructure.Errors;

/// <summary>
/// Maps exceptions to ProblemDetails (STYLE.md §5): domain faults 400, missing things 404, stale versions and
/// steps out of order 409, scope 403, unreadable requests 400. Anything else is a 500 and is logged.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched the path to the error page; the feature keeps the original one.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value;
        var isApi = path is not null && path.StartsWith("/api", StringComparison.OrdinalIgnoreCase);
        var problem = Map(exception);
        if (problem is null)
        {
            // The one log entry of this failure (ExceptionHandlerOptions.SuppressDiagnosticsCallback keeps the
            // middleware from writing a second): the trace id the user sees on the error page, the user's id (not
            // their name), and the path without its query string, which may carry names.
            logger.LogError(exception, "Unhandled {Exception} on {Method} {Path}, trace {TraceId}, user {UserId}",
                exception.GetType().Name, httpContext.Request.Method, path, TraceIds.Of(httpContext),
                httpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-");
            if (!isApi)
            {
                return false;
            }
            problem = Problem(StatusCodes.Status500InternalServerError, "Lỗi hệ thống", "Hệ thống gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại.");
        }
        else
        {
            logger.LogDebug("{Status}: {Detail}", problem.Status, problem.Detail);
        }

        if (!isApi)
        {
            // Pages: the middleware re-executes the Vietnamese error page, which reads the exception (WebSetup).
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The status a known exception stands for; 500 for anything else.</summary>
    public static int StatusOf(Exception exception) => Map(exception)?.Status ?? StatusCodes.Status500InternalServerError;

    public static ProblemDetails? Map(Exception exception) => exception switch
    {
        DomainException e when e.Errors.Count > 0 => new ValidationProblemDetails(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Dữ liệu không hợp lệ",
            Detail = e.Message,
        },
        DomainException e => Problem(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ", e.Message),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Không tìm thấy", e.Message),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Không có quyền", e.Message),
        ConflictException e => WithExtensions(Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu", e.Message), e),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu",
            "Dữ liệu đã được người khác thay đổi sau khi bạn mở; hãy tải lại rồi sửa tiếp."),
        Files.FileRejectedException e => Problem(e.Status, "Tệp không được nhận", e.Message),
        BadHttpRequestException e => Problem(e.StatusCode, "Yêu cầu không đọc được", Describe(e)),
        JsonException e => Problem(StatusCodes.Status400BadRequest, "Yêu cầu không đọc được", $"JSON không hợp lệ: {e.Message}"),
        _ when NulCharacters.RefusedByDatabase(exception) => Problem(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ", NulCharacters.Message),
        _ => null,
    };

    private static string Describe(BadHttpRequestException e) =>
        e.InnerException is JsonException json
            ? $"JSON không hợp lệ hoặc sai kiểu dữ liệu{(json.Path is { } path ? $" tại {path}" : "")}: {json.Message}"
            : System.Text.RegularExpressions.Regex.Match(e.Message, "^Required parameter \"\\S+ (\\w+)\"") is { Success: true } missing
                ? $"Thiếu tham số bắt buộc {missing.Groups[1].Value}."
                : e.Message;

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>What the exception lists for a program (<see cref="IProblemExtensions"/>) goes beside the detail.</summary>
    private static ProblemDetails WithExtensions(ProblemDetails problem, Exception exception)
    {
        if (exception is IProblemExtensions listed)
        {
            foreach (var (key, value) in listed.ProblemExtensions)
            {
                problem.Extensions[key] = value;
            }
        }
        return problem;
    }
}

/// <summary>An exception that carries data a program needs beside the message (e.g. the units that block a publication).</summary>
public interface IProblemExtensions
{
    IReadOnlyDictionary<string, object?> ProblemExtensions { get; }
}
