using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// A form sent to a page that has no handler for it — a POST without <c>?handler=</c> where the page has only named
/// handlers, a DELETE to any page — with a valid antiforgery token. It once rendered the page without its data and
/// failed with a NullReferenceException (500); it must answer 400 or 405 with the Vietnamese error page.
/// </summary>
public partial class PageCommandTests
{
    /// <summary>Every page route with its parameters filled (existing or not: the answer must not depend on it).</summary>
    private static List<string> PageRoutes(ThiDuaApp app) => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + RouteParameter().Replace(e.RoutePattern.RawText ?? "", m => m.Groups[2].Success ? "" : m.Groups[1].Value switch
        {
            "id" => "1",
            "frameworkCode" => "QN-DTI-2025-XA",
            _ => "SO-YT",
        }))
        .Select(path => path.Replace("//", "/", StringComparison.Ordinal))
        .Select(path => path.Length > 1 ? path.TrimEnd('/') : path)
        // The error page answers any method by design; signing out is a real command of its page.
        .Where(path => !path.StartsWith("/loi/", StringComparison.Ordinal) && path != "/dang-xuat")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static async Task<(HttpClient Client, string Token)> SignedInAsync(ThiDuaApp app)
    {
        var client = await app.PageClientAsync("admin");
        var html = await client.GetStringAsync("/quan-tri/nguoi-dung");
        return (client, AntiforgeryToken().Match(html).Groups[1].Value);
    }

    private static HttpRequestMessage Form(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) };
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }

    [Fact]
    public async Task APostWithoutAHandlerNeverFailsAndIsRefusedWhereThePageHasOnlyNamedOnes()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var (client, token) = await SignedInAsync(app);
        var routes = PageRoutes(app);

        var answers = new List<(string Path, HttpStatusCode Status)>();
        foreach (var path in routes)
        {
            var response = await client.SendAsync(Form(HttpMethod.Post, path, token));
            answers.Add((path, response.StatusCode));
            Assert.True((int)response.StatusCode < 500, $"POST {path} answered {(int)response.StatusCode}.");
        }

        Assert.True(routes.Count > 30, $"Only {routes.Count} page routes found.");
        var thread = await client.SendAsync(Form(HttpMethod.Post, "/gop-y/1", token));
        Assert.Equal(HttpStatusCode.BadRequest, thread.StatusCode);
        var html = await thread.Content.ReadAsStringAsync();
        Assert.Contains("Yêu cầu không nêu thao tác nào của trang này", html, StringComparison.Ordinal);
        Assert.Contains("<title>Dữ liệu không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADeleteToAnyPageIsMethodNotAllowedInVietnamese()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var (client, token) = await SignedInAsync(app);

        foreach (var path in PageRoutes(app))
        {
            var response = await client.SendAsync(Form(HttpMethod.Delete, path, token));
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"DELETE {path} answered {(int)response.StatusCode}.");
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.Contains("Trang này không nhận yêu cầu DELETE.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>A route parameter; an optional one (<c>{id:guid?}</c>) is left out of the address.</summary>
    [GeneratedRegex(@"\{([A-Za-z]+)(?::[a-z]+)?(\?)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
