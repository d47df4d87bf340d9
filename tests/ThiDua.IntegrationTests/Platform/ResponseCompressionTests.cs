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
