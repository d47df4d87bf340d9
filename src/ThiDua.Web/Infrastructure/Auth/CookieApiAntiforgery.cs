using Microsoft.AspNetCore.Antiforgery;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>
/// <c>/api/v1</c> is for programs with bearer tokens (API.md). A browser's page cookie is still accepted for reads (the
/// pages link to downloads and exports) but a write with the cookie alone is refused unless it carries the page's
/// antiforgery token in the <c>RequestVerificationToken</c> header: SameSite alone must not be all that stops a
/// cross-site form from posting JSON or files as the signed-in user.
/// </summary>
public sealed class CookieApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (WritesWithCookie(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Thiếu mã chống giả mạo",
                    Detail = "API ghi dữ liệu nhận mã truy cập (Authorization: Bearer …); nếu gọi từ trang đã đăng nhập, hãy gửi kèm mã chống giả mạo của trang trong tiêu đề RequestVerificationToken.",
                },
            });
            return;
        }
        await next(context);
    }

    private static bool WritesWithCookie(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && !AuthSetup.SendsBearer(context.Request)
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
}
