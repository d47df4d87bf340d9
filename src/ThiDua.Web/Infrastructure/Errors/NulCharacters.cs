using Npgsql;

namespace ThiDua.Web.Infrastructure.Errors;

/// <summary>
/// No text in ThiDua holds a NUL character (U+0000), and PostgreSQL refuses one in any text value (SQLSTATE 22021), so
/// a request whose path or query carries one is refused at once (400), and one that slips through in a body is answered
/// 400 when the database refuses it — never 500 (found by the hostile-input walk on PostgreSQL).
/// </summary>
public sealed class NulCharacters(RequestDelegate next)
{
    public const string Message = "Dữ liệu gửi lên có ký tự NUL (\\u0000), không được nhận.";

    public async Task InvokeAsync(HttpContext context)
    {
        // Not again while the error page is re-executed for this very request (same query string).
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && (HasNul(context.Request.Path.Value)
            || context.Request.Query.Any(q => HasNul(q.Key) || q.Value.Any(HasNul))))
        {
            throw new DomainException(Message);
        }
        await next(context);
    }

    private static bool HasNul(string? text) => text?.Contains('\0', StringComparison.Ordinal) == true;

    /// <summary>The database refused a NUL in a text value.</summary>
    public static bool RefusedByDatabase(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire };
}
