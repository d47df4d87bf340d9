using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ThiDua.IntegrationTests.Infrastructure;

/// <summary>One operation of the app's OpenAPI document: what it takes and the statuses it declares.</summary>
public sealed record OpenApiOperation(string Method, string Path, JsonObject Node, JsonObject Document)
{
    public string Key => $"{Method} {Path}";

    public IEnumerable<JsonObject> Parameters(string location) =>
        (Node["parameters"]?.AsArray() ?? []).OfType<JsonObject>().Where(p => (string?)p["in"] == location);

    public IReadOnlySet<int> Declared => (Node["responses"]?.AsObject() ?? []).Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>The request body's media type (application/json, multipart/form-data), if it takes one.</summary>
    public string? BodyType => Node["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault();

    /// <summary>The JSON body's properties and their types ("string", "integer", "array"…), its $ref resolved.</summary>
    public IReadOnlyList<(string Name, string Type)> BodyProperties()
    {
        var schema = Node["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"] is { } reference)
        {
            schema = Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }
        return (schema?["properties"]?.AsObject() ?? []).Select(p => (p.Key, TypeOf(p.Value))).ToList();
    }

    private static string TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string)t!).FirstOrDefault(t => t != "null") ?? "string",
        JsonValue type => (string)type!,
        _ => "object",
    };
}

/// <summary>Reads the operations of <c>/openapi/v1.json</c>, so tests can walk every one of them.</summary>
public static partial class OpenApiOperations
{
    public static async Task<IReadOnlyList<OpenApiOperation>> ReadAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => new OpenApiOperation(m.Key.ToUpperInvariant(), path.Key, m.Value!.AsObject(), document)))
            .ToList();
    }

    /// <summary>"GET /api/v1/reports/{id:int}" (a route pattern) as the document names it: "GET /api/v1/reports/{id}".</summary>
    public static string Normalize(string operation) => Constraint().Replace(operation, "{$1}");

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\??\}")]
    private static partial Regex Constraint();
}
