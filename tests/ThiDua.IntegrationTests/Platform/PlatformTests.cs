using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

public class PlatformTests
{
    [Theory, Providers]
    public async Task HealthAnswersWhenTheDatabaseDoes(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EveryEndpointAndPageNamesAPolicy()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unnamed = endpoints
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(endpoints.Count > 20);
        Assert.Empty(unnamed);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var docsPage = await client.GetAsync("/api-docs");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/units/reorganizations", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/users", paths);
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        Assert.Equal(HttpStatusCode.OK, docsPage.StatusCode);
    }
}
