using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// The OpenAPI document tells the truth (security issue): errors as problem+json with the statuses that apply, no
/// security on the open operations and the token endpoint, paging bounds, string lengths, If-Match on versioned
/// updates, required query parameters. The statuses actually seen are checked against it by
/// <see cref="HostileInputTests"/>.
/// </summary>
public class OpenApiDocumentTests
{
    private static async Task<(IReadOnlyList<OpenApiOperation> Operations, JsonObject Document)> ReadAsync()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var operations = await OpenApiOperations.ReadAsync(client);
        return (operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList(), operations[0].Document);
    }

    [Fact]
    public async Task EveryOperationDeclaresItsErrorsAndWhetherItNeedsAToken()
    {
        var (operations, _) = await ReadAsync();
        var open = operations.Where(o => o.Path.StartsWith("/api/open/", StringComparison.Ordinal) || o.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal)).ToList();
        var closed = operations.Except(open).ToList();

        Assert.All(open, o => Assert.True(o.Node["security"] is JsonArray { Count: 0 }, $"{o.Key} should declare no security"));
        Assert.All(closed, o => Assert.True(o.Node["security"] is null && o.Declared.IsSupersetOf([401, 403]), $"{o.Key} should declare 401 and 403"));
        Assert.All(operations.Where(o => o.Parameters("path").Any()), o => Assert.Contains(404, o.Declared));
        Assert.All(operations.Where(o => o.BodyType is not null), o => Assert.Contains(400, o.Declared));
        Assert.All(operations.Where(o => o.BodyType?.StartsWith("multipart/", StringComparison.Ordinal) == true), o => Assert.True(o.Declared.IsSupersetOf([413, 415]), o.Key));
        Assert.Contains(429, open.Single(o => o.Key == "POST /api/v1/auth/token").Declared);
        Assert.Contains(401, open.Single(o => o.Key == "POST /api/v1/auth/token").Declared);
        Assert.Contains(429, open.Single(o => o.Key == "POST /api/open/v1/notices/{id}/comments").Declared);
        foreach (var operation in operations)
        {
            foreach (var (status, response) in operation.Node["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')))
            {
                Assert.True(response!["content"]?["application/problem+json"] is not null, $"{operation.Key} {status} is not problem+json");
            }
        }
    }

    [Fact]
    public async Task ParametersCarryTheirBounds()
    {
        var (operations, document) = await ReadAsync();
        var paged = operations.Where(o => o.Parameters("query").Any(p => (string?)p["name"] == "pageSize")).ToList();
        var versioned = operations.Where(o => o.Method == "PUT" && o.BodyProperties().Any(p => p.Name == "version")).ToList();

        Assert.True(paged.Count >= 10, $"{paged.Count} paged operations");
        foreach (var operation in paged)
        {
            var page = operation.Parameters("query").Single(p => (string?)p["name"] == "page")["schema"]!;
            var size = operation.Parameters("query").Single(p => (string?)p["name"] == "pageSize")["schema"]!;
            Assert.Equal(1, (int)page["minimum"]!);
            Assert.Equal(1, (int)size["minimum"]!);
            Assert.Equal(500, (int)size["maximum"]!);
        }
        Assert.True(versioned.Count >= 8, $"{versioned.Count} versioned updates");
        Assert.All(versioned, o => Assert.Contains(o.Parameters("header"), p => (string?)p["name"] == "If-Match"));
        Assert.All(versioned, o => Assert.Contains(409, o.Declared));
        Assert.True(operations.Single(o => o.Key == "GET /api/v1/results").Parameters("query").Single(p => (string?)p["name"] == "frameworkCode")["required"]?.GetValue<bool>() == true);
        Assert.Empty(UnboundedStrings(operations, document));
    }

    /// <summary>Text fields of request bodies (through their references) that declare no maxLength.</summary>
    private static List<string> UnboundedStrings(IReadOnlyList<OpenApiOperation> operations, JsonObject document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        var seen = new HashSet<string>();
        var unbounded = new List<string>();
        void Walk(string name)
        {
            if (!seen.Add(name) || schemas[name] is not JsonObject schema)
            {
                return;
            }
            foreach (var (field, value) in schema["properties"]?.AsObject() ?? [])
            {
                var types = value!["type"] switch { JsonArray a => a.Select(t => (string)t!).ToList(), JsonValue v => [(string)v!], _ => [] };
                if (types.Contains("string") && !types.Contains("integer") && !types.Contains("number") && value["maxLength"] is null
                    && value["format"] is null && value["enum"] is null)
                {
                    unbounded.Add($"{name}.{field}");
                }
                foreach (var reference in new[] { value["$ref"], value["items"]?["$ref"] }.OfType<JsonNode>())
                {
                    Walk(((string)reference!).Split('/')[^1]);
                }
            }
        }
        foreach (var operation in operations)
        {
            if (operation.Node["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"] is { } body)
            {
                Walk(((string)body!).Split('/')[^1]);
            }
        }
        return unbounded;
    }
}
