using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using ThiDua.Web.Features.Shared;

namespace ThiDua.Web.Infrastructure.Pages;

/// <summary>
/// A form sent to a page with no handler for it (a POST without <c>?handler=</c> where the page has only named ones,
/// a DELETE to a page) would otherwise render the page without running any handler, on a model nobody loaded. It is
/// answered instead with the Vietnamese error page: 400 when the page takes that method under another handler name,
/// 405 (with <c>Allow</c>) when it does not take the method at all.
/// </summary>
public sealed class MissingHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var reExecuted = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || reExecuted)
        {
            await next();
            return;
        }
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (handlers.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)))
        {
            context.HttpContext.Items[ErrorModel.MessageKey] = "Yêu cầu không nêu thao tác nào của trang này; hãy dùng nút trên trang.";
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }
        var allowed = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct();
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.HttpContext.Items[ErrorModel.MessageKey] = $"Trang này không nhận yêu cầu {request.Method.ToUpperInvariant()}.";
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
