using System.Globalization;

namespace ThiDua.Web.Infrastructure.Api;

/// <summary>
/// Optimistic concurrency over HTTP: a resource's version goes out as a weak ETag (<c>W/"3"</c>) and in its JSON
/// <c>version</c>; an update names the version it was based on, in <c>If-Match</c> or in the body.
/// </summary>
public static class Versions
{
    public static string ETag(int version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = ETag(version);

    /// <summary>The version the client based its change on; 400 when it gave none (an unconditional update could lose another person's change).</summary>
    public static int Required(HttpRequest request, int? bodyVersion)
    {
        if (bodyVersion is int v)
        {
            return v;
        }
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length > 0)
        {
            var digits = ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' ');
            if (int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }
        throw DomainException.ForField("version", "Cần gửi version (hoặc tiêu đề If-Match) của bản đã đọc để tránh ghi đè thay đổi của người khác.");
    }

    /// <summary>The version an If-Match header names, when there is one (an optional precondition).</summary>
    public static int? IfMatchVersion(this HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 && request.Headers.IfMatch.ToString().Trim().Length > 0 ? Required(request, null) : null;

    public static void EnsureCurrent(int current, int expected)
    {
        if (current != expected)
        {
            throw new ConflictException($"Bản ghi đã được người khác sửa (phiên bản hiện tại {current}, bạn gửi {expected}); hãy tải lại rồi sửa tiếp.");
        }
    }
}
