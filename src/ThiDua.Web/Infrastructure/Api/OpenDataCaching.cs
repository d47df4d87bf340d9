using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ThiDua.Web.Infrastructure.Api;

/// <summary>
/// Caching of the open data (R16, ADR 023): every GET or HEAD under <c>/api/open/v1</c> gets a strong ETag — the
/// SHA-256 of the exact bytes served — and <c>Cache-Control</c>; a request whose <c>If-None-Match</c> names the
/// current ETag is answered 304 without a body. Done once here, on the path prefix, so an endpoint added by any area
/// gets it without a line of its own. The body is buffered to hash it: open answers are small (a ranking is tens of
/// kilobytes, a signed PDF a few hundred), and a published snapshot does not change between two requests.
/// </summary>
public sealed class OpenDataCaching(RequestDelegate next)
{
    public const string Prefix = "/api/open/v1";

    /// <summary>Five minutes: a publication shows up soon enough, and a crowd reading one ranking is served from caches.</summary>
    public const string Successful = "public, max-age=300";

    /// <summary>An error (400, 404, 409 while a PDF is made) must not be kept: the next request may well succeed.</summary>
    public const string Failed = "no-cache";

    public static bool Applies(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Prefix) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body.Span))}\"";
        response.Headers.ETag = etag;
        var ok = response.StatusCode is >= 200 and < 300;
        response.Headers.CacheControl = ok ? Successful : Failed;
        if (ok && Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentDisposition = default;
            return;
        }
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>, and <c>*</c> matches any.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
