using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// Hostile input on every operation (security issue): the test walks the OpenAPI document and sends each operation
/// malformed JSON, wrong types, nulls, huge strings and numbers, deep nesting, invalid UTF-8 and path values such as
/// <c>../../etc/passwd</c>, <c>' OR 1=1 --</c>, <c>%00</c> and 3,000 characters — as the administrator and as a unit
/// reporter. No answer may be a 5xx; a refused call (4xx) may change nothing (the row count of every table, the audit
/// chain included, is compared before and after); the audit chain verifies at the end; and every status seen is one
/// the operation declares in the document.
/// </summary>
public class HostileInputTests
{
    private static readonly string Long = new('a', 3000);

    private static readonly string[] PathValues =
        ["../../etc/passwd", "' OR 1=1 --", "%00", Long, "-1", "0", "99999999999999999999", "<script>alert(1)</script>", "ｔｈｉ đua"];

    private static readonly string[] QueryValues =
        [Long, "' OR 1=1 --", "%00", "-1", "0", "99999999999999999999", "1e309", "true", "<script>alert(1)</script>", "2025-02-30"];

    /// <summary>Written into the query as is: a NUL, invalid UTF-8, an encoded path separator.</summary>
    private static readonly string[] RawValues = ["%00", "%C3%28", "..%2F..%2Fetc%2Fpasswd"];

    /// <summary>The same in the path, but for the NUL: Kestrel refuses it before the app (400) and the test server throws.</summary>
    private static readonly string[] RawPathValues = ["%C3%28", "..%2F..%2Fetc%2Fpasswd"];

    [Theory, Providers]
    public async Task NoOperationFailsOrChangesAnythingOnHostileInput(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();
        var operations = await OpenApiOperations.ReadAsync(anonymous);
        var callers = new Dictionary<string, HttpClient> { ["admin"] = await app.ClientAsync("admin"), ["baichay.baocao"] = await app.ClientAsync("baichay.baocao") };
        var before = await RowCountsAsync(app);
        var rows = before;
        var problems = new List<string>();
        var sent = 0;

        foreach (var operation in operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (name, client) in callers)
            {
                foreach (var (what, request) in Requests(operation))
                {
                    using var response = await client.SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    var where = $"{operation.Key} as {name} with {what}";
                    if (status >= 500)
                    {
                        problems.Add($"{where}: {status}");
                    }
                    if (!operation.Declared.Contains(status))
                    {
                        problems.Add($"{where}: {status}, which the document does not declare ({string.Join(", ", operation.Declared)})");
                    }
                    var after = await RowCountsAsync(app);
                    if (status >= 400 && !after.SequenceEqual(rows))
                    {
                        problems.Add($"{where}: refused ({status}) but changed {string.Join(", ", after.Where(a => rows[a.Key] != a.Value).Select(a => a.Key))}");
                    }
                    rows = after;
                }
            }
        }
        var audit = await (await callers["admin"].GetAsync("/api/v1/audit/verify")).JsonAsync();

        Assert.True(sent > 2000, $"Only {sent} requests were sent.");
        Assert.True(problems.Count == 0, $"{problems.Count} problems in {sent} requests:\n" + string.Join("\n", problems.Distinct().Take(80)));
        Assert.True((bool)audit["valid"]!, audit.ToJsonString());
    }

    /// <summary>A NUL character, which PostgreSQL refuses in text, is a 400 on pages and in the API, never a 500.</summary>
    [Theory, Providers]
    public async Task ANulCharacterIsRefusedNotAFault(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var api = await app.ClientAsync("admin");
        var pages = await app.PageClientAsync("admin");

        var page = await pages.GetAsync("/don-vi?q=%00");
        var query = await api.GetAsync("/api/v1/results?frameworkCode=%00");
        var body = await api.PostJsonAsync("/api/v1/auth/token", new { userName = "ad\u0000min", password = "x" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("NUL", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await query.ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.True((int)body.StatusCode is 400 or 401, $"{(int)body.StatusCode}");
    }

    /// <summary>The hostile variants of one operation: its path values, its query values, its body.</summary>
    private static IEnumerable<(string What, HttpRequestMessage Request)> Requests(OpenApiOperation operation)
    {
        var pathNames = operation.Parameters("path").Select(p => (string)p["name"]!).ToList();
        var queryNames = operation.Parameters("query").Select(p => (string)p["name"]!).ToList();
        var method = new HttpMethod(operation.Method);
        string PathWith(string value, bool raw = false) =>
            pathNames.Aggregate(operation.Path, (path, name) => path.Replace("{" + name + "}", raw ? value : Uri.EscapeDataString(value), StringComparison.Ordinal));
        var validPath = PathWith("1");

        if (pathNames.Count > 0)
        {
            foreach (var value in PathValues)
            {
                yield return ($"path {Shorten(value)}", WithBody(new HttpRequestMessage(method, PathWith(value)), operation, "{}"));
            }
            foreach (var value in RawPathValues)
            {
                yield return ($"raw path {value}", WithBody(new HttpRequestMessage(method, PathWith(value, raw: true)), operation, "{}"));
            }
        }
        if (queryNames.Count > 0)
        {
            foreach (var value in QueryValues)
            {
                var query = string.Join("&", queryNames.Select(n => $"{n}={Uri.EscapeDataString(value)}"));
                yield return ($"query {Shorten(value)}", WithBody(new HttpRequestMessage(method, $"{validPath}?{query}"), operation, "{}"));
            }
            foreach (var value in RawValues)
            {
                var query = string.Join("&", queryNames.Select(n => $"{n}={value}"));
                yield return ($"raw query {value}", WithBody(new HttpRequestMessage(method, $"{validPath}?{query}"), operation, "{}"));
            }
        }
        if (operation.BodyType is "application/json")
        {
            foreach (var (what, body) in JsonBodies(operation))
            {
                yield return (what, new HttpRequestMessage(method, validPath) { Content = Json(body) });
            }
        }
        else if (operation.BodyType is { } form && form.StartsWith("multipart/", StringComparison.Ordinal))
        {
            foreach (var (what, content) in Forms())
            {
                yield return (what, new HttpRequestMessage(method, validPath) { Content = content });
            }
        }
    }

    private static HttpRequestMessage WithBody(HttpRequestMessage request, OpenApiOperation operation, string json)
    {
        if (operation.BodyType is "application/json")
        {
            request.Content = Json(Encoding.UTF8.GetBytes(json));
        }
        return request;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static IEnumerable<(string What, byte[] Body)> JsonBodies(OpenApiOperation operation)
    {
        yield return ("malformed JSON", "{\"a\": "u8.ToArray());
        yield return ("null body", "null"u8.ToArray());
        yield return ("an array for an object", "[]"u8.ToArray());
        yield return ("nesting 5,000 deep", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)));
        yield return ("invalid UTF-8", [.. "{\"a\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        var properties = operation.BodyProperties();
        if (properties.Count == 0)
        {
            yield break;
        }
        yield return ("every field of the wrong type", Shaped(properties, type => type switch
        {
            "string" => JsonValue.Create(12345),
            "integer" or "number" => JsonValue.Create("mười hai"),
            "boolean" => JsonValue.Create("có"),
            "array" => JsonValue.Create("x"),
            _ => JsonValue.Create(7),
        }));
        yield return ("every field null", Shaped(properties, _ => null));
        yield return ("huge strings and numbers", Shaped(properties, type => type switch
        {
            "integer" => JsonNode.Parse("99999999999999999999999999"),
            "number" => JsonNode.Parse("1e308"),
            "array" => new JsonArray([.. Enumerable.Range(0, 2000).Select(_ => (JsonNode?)JsonValue.Create(new string('b', 100)))]),
            _ => JsonValue.Create(new string('x', 100_000)),
        }));
        foreach (var text in new[] { "' OR 1=1 --", "../../etc/passwd", "\u0000", "<script>alert(1)</script>" })
        {
            yield return ($"every field {Shorten(text)}", Shaped(properties, type => type == "array" ? new JsonArray(JsonValue.Create(text)) : JsonValue.Create(text)));
        }
    }

    private static byte[] Shaped(IReadOnlyList<(string Name, string Type)> properties, Func<string, JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var (name, type) in properties)
        {
            body[name] = value(type);
        }
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static IEnumerable<(string What, HttpContent Content)> Forms()
    {
        yield return ("an empty form", new MultipartFormDataContent());
        var script = new ByteArrayContent("<script>alert(1)</script>"u8.ToArray());
        script.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        yield return ("a script named ../../etc/passwd", new MultipartFormDataContent
        {
            { script, "file", "../../etc/passwd" },
            { new StringContent("' OR 1=1 --"), "kind" },
            { new StringContent(Long), "dryRun" },
        });
        yield return ("JSON where a form is expected", Json("{}"u8.ToArray()));
    }

    /// <summary>Rows per table, every table of the model (the audit log included), in one query.</summary>
    private static async Task<SortedDictionary<string, long>> RowCountsAsync(ThiDuaApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}' AS \"Table\", COUNT(*) AS \"Rows\" FROM \"{t}\""));
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private static string Shorten(string value) => value.Length > 30 ? $"{value[..10]}… ({value.Length} characters)" : value.Replace("\u0000", "\\0", StringComparison.Ordinal);
}
