using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ThiDua.Web.Infrastructure;

/// <summary>
/// How long browsers and proxies keep <c>wwwroot</c>'s files. A file a page names with <c>asp-append-version</c>
/// carries <c>?v=</c> and the hash of its content: a changed file is a new address, so that address may be kept a
/// year without asking again (<c>immutable</c>). Any other file (favicon, the CSV templates, fonts a stylesheet names)
/// is kept a short while and then revalidated with its ETag / Last-Modified, which the static file middleware
/// answers with 304 when nothing changed.
/// </summary>
public static class StaticFileCaching
{
    public const string Versioned = "public, max-age=31536000, immutable";

    /// <summary>One hour: a new release's unversioned files reach every browser within the hour.</summary>
    public const string Unversioned = "public, max-age=3600";

    public static void Apply(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        context.Context.Response.Headers[HeaderNames.CacheControl] =
            request.Query.TryGetValue("v", out var version) && !string.IsNullOrEmpty(version) ? Versioned : Unversioned;
    }
}
