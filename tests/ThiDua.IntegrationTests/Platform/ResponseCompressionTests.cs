using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// Pages and static files travel compressed to a browser that offers Brotli or gzip (ADR 018); the signed-in API does
/// not; and the icon every browser asks for is there.
/// </summary>
public class ResponseCompressionTests
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task APageAndAStaticFileComeBackCompressed(string encoding)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await app.PageClientAsync("thuongtruc");
        page.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        foreach (var (path, expected) in new[] { ("/phong-trao", "<!DOCTYPE html>"), ("/css/site.css", ".band-tot"), ("/js/site.js", "data-confirm") })
        {
            var response = await page.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            var text = Decompress(compressed, encoding);
            Assert.Contains(expected, text, StringComparison.Ordinal);
            var original = Encoding.UTF8.GetByteCount(text);
            Assert.True(compressed.Length < original, $"{path}: {compressed.Length} bytes compressed, {original} bytes plain");
        }
    }

    [Fact]
    public async Task TheSignedInApiAndAClientWithoutCompressionGetPlainAnswers()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await app.ClientAsync("thuongtruc");
        api.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var plain = await app.PageClientAsync("thuongtruc");

        var units = await api.GetAsync("/api/v1/units");
        var page = await plain.GetAsync("/phong-trao");

        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
        Assert.Empty(units.Content.Headers.ContentEncoding);
        Assert.Empty(page.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", (await page.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheOpenDataComesBackCompressedWithItsCacheHeaders(string encoding)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = await app.PageClientAsync(null);
        anonymous.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await anonymous.GetAsync("/api/open/v1/frameworks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        var json = Decompress(await response.Content.ReadAsByteArrayAsync(), encoding);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
    }

    /// <summary>
    /// The files a page names with <c>asp-append-version</c> (its own CSS and JS, Bootstrap, Chart.js) carry their
    /// content hash and are kept a year; the others an hour, then revalidated by ETag (304).
    /// </summary>
    [Fact]
    public async Task VersionedStaticFilesAreImmutableAndTheOthersRevalidate()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = await app.PageClientAsync(null);
        var html = await anonymous.GetStringAsync("/dang-nhap");

        var versioned = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/(?:css|js|lib)/[^\"?]+\\?v=[^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(versioned, v => v.StartsWith("/css/site.css?v=", StringComparison.Ordinal));
        Assert.Contains(versioned, v => v.StartsWith("/lib/bootstrap/css/bootstrap.min.css?v=", StringComparison.Ordinal));
        Assert.Contains(versioned, v => v.StartsWith("/js/site.js?v=", StringComparison.Ordinal));
        foreach (var path in versioned)
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Headers.ETag);
        }

        foreach (var path in new[] { "/favicon.svg", "/css/site.css", "/mau/nhap-nhiem-vu.csv" })
        {
            var first = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("public, max-age=3600", first.Headers.CacheControl?.ToString());
            Assert.NotNull(first.Content.Headers.LastModified);
            var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{path}: no ETag");

            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var revalidated = await anonymous.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

            using var changed = new HttpRequestMessage(HttpMethod.Get, path);
            changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(changed)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/apple-touch-icon.png", "image/png")]
    public async Task TheIconsAreServed(string path, string contentType)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = await app.PageClientAsync(null);

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressor);
        return reader.ReadToEnd();
    }
}
