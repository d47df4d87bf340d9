using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Web.Infrastructure.Errors;

namespace ThiDua.Web.Features.Shared;

/// <summary>The page shown for an error status, in Vietnamese.</summary>
[Authorize(Policy = Policies.Public)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>Where a filter that answers with a bare status leaves the message the page should show.</summary>
    public const string MessageKey = "thidua:error-message";

    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>For a server fault: the trace id of the one log entry written for it, for the user to quote.</summary>
    public string? TraceId { get; private set; }

    /// <summary>Runs for every method the error page is re-executed with (GET, POST, DELETE…), with or without a handler.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var status = RouteData.Values.TryGetValue("status", out var value) && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var s) ? s : 500;
        var message = HttpContext.Items.TryGetValue(MessageKey, out var given) ? given as string : Request.Query["m"].ToString();
        Describe(status, string.IsNullOrEmpty(message) ? null : message);
    }

    private void Describe(int status, string? message)
    {
        // Re-executed after an exception: the exception says what went wrong (a domain fault, a stale version…).
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error
            && ProblemDetailsExceptionHandler.Map(error) is { } problem)
        {
            status = problem.Status ?? status;
            message = problem.Detail;
        }
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && status is >= 400 and < 600)
        {
            Response.StatusCode = status;
        }
        (Title, Message) = status switch
        {
            400 => ("Dữ liệu không hợp lệ", "Yêu cầu có dữ liệu không hợp lệ."),
            401 => ("Cần đăng nhập", "Hãy đăng nhập để tiếp tục."),
            403 => ("Không có quyền", "Tài khoản của bạn không có quyền xem hoặc thực hiện thao tác này."),
            404 => ("Không tìm thấy", "Trang hoặc dữ liệu bạn tìm không có."),
            405 => ("Thao tác không được hỗ trợ", "Trang này không nhận thao tác đó."),
            409 => ("Xung đột dữ liệu", "Dữ liệu đã được người khác thay đổi; hãy tải lại trang."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn; hãy đợi ít phút rồi thử lại."),
            _ => ("Đã có lỗi", "Hệ thống gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau."),
        };
        TraceId = status >= 500 ? TraceIds.Of(HttpContext) : null;
        if (!string.IsNullOrWhiteSpace(message) && status is >= 400 and < 500)
        {
            Message = message;
        }
    }
}
