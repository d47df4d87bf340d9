using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Infrastructure;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// The browser-side defences on every kind of response, HTTPS and the API description in Production, and cookies
/// that never travel in clear over HTTPS. What TestServer cannot show (the Server header Kestrel would add) is checked
/// on Kestrel's options here and on the wire by the browser tests.
/// </summary>
public class SecurityHeadersTests
{
    private static readonly Dictionary<string, string> Production = new() { ["environment"] = "Production", ["https_port"] = "443" };

    [Fact]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.ClientAsync("baichay.baocao");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(DemoAssessmentSeeder.DemoPdf("Minh chung")) { Headers = { ContentType = new("application/pdf") } }, "file", "minh-chung.pdf" } };
        var file = await (await reporter.PostAsync("/api/v1/files", upload)).JsonAsync(HttpStatusCode.Created);
        using var page = await app.PageClientAsync("thuongtruc");
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await page.GetAsync("/phong-trao"),
            ["sign-in page"] = await anonymous.GetAsync("/dang-nhap"),
            ["redirect to sign in"] = await anonymous.GetAsync("/don-vi"),
            ["API"] = await reporter.GetAsync("/api/v1/units/SO-YT"),
            ["open data"] = await anonymous.GetAsync("/api/open/v1/targets"),
            ["static file"] = await anonymous.GetAsync("/css/site.css"),
            ["download"] = await reporter.GetAsync($"/api/v1/files/{file["id"]}"),
            ["404 page"] = await page.GetAsync("/khong-co-trang-nay"),
            ["ProblemDetails"] = await reporter.GetAsync("/api/v1/units/KHONG-CO"),
            ["401"] = await anonymous.GetAsync("/api/v1/units"),
        };

        Assert.Equal(HttpStatusCode.OK, responses["static file"].StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses["download"].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses["404 page"].StatusCode);
        Assert.Equal("application/problem+json", responses["ProblemDetails"].Content.Headers.ContentType?.MediaType);
        var missing = responses.SelectMany(r => MissingHeaders(r.Value).Select(m => $"{r.Key}: {m}")).ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task AFailedRequestKeepsTheSecurityHeaders()
    {
        // The exception handler clears the headers of the failed response before it writes the error page.
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var page = await app.PageClientAsync("thuongtruc");

        var response = await page.GetAsync("/danh-gia/2147483647");

        Assert.True((int)response.StatusCode >= 400);
        Assert.Empty(MissingHeaders(response));
    }

    [Fact]
    public async Task KestrelDoesNotNameItself()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);

        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        using var client = app.CreateClient();
        var response = await client.GetAsync("/dang-nhap");

        Assert.False(kestrel.AddServerHeader);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task InProductionPlainHttpIsRedirectedAndHttpsCarriesHsts()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Production);
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://thidua.example") });
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://thidua.example") });

        var plain = await http.GetAsync("/dang-nhap");
        var secure = await https.GetAsync("/dang-nhap");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://thidua.example/dang-nhap", plain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task OutsideProductionNeitherRedirectNorHsts()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://thidua.example") });
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://thidua.example") });

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dang-nhap")).StatusCode);
        Assert.False((await https.GetAsync("/dang-nhap")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task InProductionOnlyAListedProxyMaySayTheRequestCameOverHttps()
    {
        var settings = new Dictionary<string, string>(Production) { ["ReverseProxy:KnownProxies:0"] = "10.0.0.5" };
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: settings);

        Task<HttpContext> ViaAsync(string remote) => app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            context.Request.Method = "GET";
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("thidua.example");
            context.Request.Path = "/dang-nhap";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        });
        var listed = await ViaAsync("10.0.0.5");
        var other = await ViaAsync("10.0.0.6");
        var loopback = await ViaAsync("127.0.0.1");

        Assert.Equal(StatusCodes.Status200OK, listed.Response.StatusCode);
        Assert.Equal("203.0.113.7", listed.Connection.RemoteIpAddress?.ToString());
        // The framework would trust loopback by default; here nobody but the listed proxy.
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, other.Response.StatusCode);
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, loopback.Response.StatusCode);
    }

    [Fact]
    public async Task AMistypedProxyAddressStopsTheStartNamingTheSetting()
    {
        var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ThiDuaApp(database, settings: new Dictionary<string, string> { ["ReverseProxy:KnownProxies:0"] = "proxy.internal" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ReverseProxy:KnownProxies", Flatten(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "false", HttpStatusCode.NotFound)]
    [InlineData("Production", "true", HttpStatusCode.OK)]
    [InlineData("Staging", "false", HttpStatusCode.NotFound)]
    public async Task TheApiDescriptionIsServedOnlyWhereEnabled(string environment, string enabled, HttpStatusCode expected)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>(Production) { ["environment"] = environment, [ApiDocs.Setting] = enabled });
        using var signedIn = await HttpsClientAsync(app, "thuongtruc");
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://thidua.example") });

        var document = await signedIn.GetAsync("/openapi/v1.json");
        var page = await signedIn.GetAsync("/api-docs/");
        var anonymousDocument = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(expected, document.StatusCode);
        Assert.Equal(expected, page.StatusCode);
        // Someone signed out is sent to the sign-in page, as for any address the app does not serve.
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Redirect, anonymousDocument.StatusCode);
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "", false)]
    [InlineData("Production", "True", true)]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", true)]
    public void TheApiDescriptionIsOnInDevelopmentElsewhereOnlyWhenSetToTrue(string environment, string? setting, bool enabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ApiDocs.Setting] = setting }).Build();
        var host = new HostingEnvironment { EnvironmentName = environment };

        Assert.Equal(enabled, ApiDocs.IsEnabled(configuration, host));
    }

    [Fact]
    public async Task TheApiPageAllowsOnlyItsOwnInlineScript()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api-docs/");
        var html = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal(SecurityHeaders.ApiDocsPolicy(nonce), policy);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/scalar.js")).StatusCode);
    }

    [Theory]
    [InlineData("Testing", "https", true)]
    [InlineData("Testing", "http", false)]
    [InlineData("Production", "https", true)]
    public async Task CookiesAreSecureOverHttps(string environment, string scheme, bool secure)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>(Production) { ["environment"] = environment });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"{scheme}://thidua.example") });

        var form = await client.GetAsync("/dang-nhap");
        var html = await form.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var login = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "thuongtruc", ["Input.Password"] = ThiDuaApp.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(login);
        var auth = Cookies(signedIn).Single(c => c.StartsWith("thidua.auth=", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(secure, IsSecure(antiforgery));
        Assert.Equal(secure, IsSecure(auth));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A client of <paramref name="userName"/> over HTTPS, which a Production instance requires.</summary>
    private static async Task<HttpClient> HttpsClientAsync(ThiDuaApp app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://thidua.example") });
        var token = await (await client.PostJsonAsync("/api/v1/auth/token", new { userName, password = ThiDuaApp.Password })).JsonAsync();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)token["accessToken"]!);
        return client;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> MissingHeaders(HttpResponseMessage response)
    {
        var expected = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = SecurityHeaders.ContentSecurityPolicy,
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "strict-origin-when-cross-origin",
            ["Permissions-Policy"] = SecurityHeaders.PermissionsPolicy,
            ["Cross-Origin-Opener-Policy"] = "same-origin",
        };
        foreach (var (name, value) in expected)
        {
            var sent = response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
            if (sent != value)
            {
                yield return $"{name} is \"{sent}\"";
            }
        }
        if (response.Headers.Contains("Server"))
        {
            yield return "Server is sent";
        }
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
        {
            if (!SecurityHeaders.PermissionsPolicy.Contains(feature, StringComparison.Ordinal))
            {
                yield return $"Permissions-Policy allows {feature}";
            }
        }
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";
}
