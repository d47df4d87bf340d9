using System.Diagnostics;

namespace ThiDua.Web.Infrastructure.Errors;

/// <summary>
/// The one id a request's problem is known by: in the ProblemDetails (<c>traceId</c>), on the error page and in the
/// log entry — the W3C trace id, which the host's log scopes carry too.
/// </summary>
public static class TraceIds
{
    public static string Of(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
