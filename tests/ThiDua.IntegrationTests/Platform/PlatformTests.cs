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

    /// <summary>A reward setting out of range stops the start with a message naming the setting, not a wrong count later (the council's shares are dated rules now, checked when saved).</summary>
    [Fact]
    public async Task ATaskShareOfFiveStopsTheStartWithAClearMessage()
    {
        var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ThiDuaApp(database, settings: new Dictionary<string, string> { ["Rewards:TaskCompletionThreshold"] = "5" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        var message = Flatten(failure);
        Assert.Contains("Rewards__TaskCompletionThreshold = 5", message, StringComparison.Ordinal);
        Assert.Contains("từ 0 đến 1", message, StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";
}
