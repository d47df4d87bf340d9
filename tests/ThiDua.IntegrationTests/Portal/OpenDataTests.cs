using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Portal;

/// <summary>
/// The open data (R16, ADR 023): the CSV holds the JSON's rows and fields, the DCAT-AP catalogue and the data package
/// describe the same files, and every open answer carries an ETag and Cache-Control and answers If-None-Match with 304.
/// </summary>
public class OpenDataTests
{
    /// <summary>Published by the demo data: the departments' and the communes' rankings of 2024 (2025 is appraised, not published).</summary>
    private const string Departments2024 = "QN-DTI-2024-SO";

    public static readonly string[] OpenGets =
    [
        "/api/open/v1/frameworks",
        $"/api/open/v1/results?frameworkCode={Departments2024}",
        $"/api/open/v1/results.json?frameworkCode={Departments2024}",
        $"/api/open/v1/results.csv?frameworkCode={Departments2024}",
        "/api/open/v1/notices",
        "/api/open/v1/rewards",
        "/api/open/v1/targets",
        "/api/open/v1/catalog",
        "/api/open/v1/datapackage.json",
    ];

    [Theory, Providers]
    public async Task EveryOpenAnswerHasAStrongETagAndCacheControlAndAMatchingIfNoneMatchGets304(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();

        foreach (var url in OpenGets)
        {
            using var first = await anonymous.GetAsync(url);
            Assert.True(first.StatusCode == HttpStatusCode.OK, $"{url}: {first.StatusCode}");
            var etag = first.Headers.ETag;
            Assert.True(etag is { IsWeak: false }, $"{url}: no strong ETag");
            Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, $"{url}: Cache-Control {first.Headers.CacheControl}");
            // The ETag is the hash of the bytes: the same request gives the same one.
            using var again = await anonymous.GetAsync(url);
            Assert.Equal(etag, again.Headers.ETag);

            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag!);
            using var notModified = await anonymous.SendAsync(conditional);
            Assert.True(notModified.StatusCode == HttpStatusCode.NotModified, $"{url}: {notModified.StatusCode}");
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, notModified.Headers.ETag);

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale)).StatusCode);
        }
    }

    [Fact]
    public async Task AWeakTagOfTheSameBytesAlsoGets304AndAnErrorIsNotCached()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        var etag = (await anonymous.GetAsync("/api/open/v1/targets")).Headers.ETag!;

        using var weak = new HttpRequestMessage(HttpMethod.Get, "/api/open/v1/targets");
        weak.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", W/{etag.Tag}");
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(weak)).StatusCode);

        using var missing = await anonymous.GetAsync("/api/open/v1/results?frameworkCode=KHONG-CO");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(missing.Headers.CacheControl?.NoCache, missing.Headers.CacheControl?.ToString());
    }

    [Theory, Providers]
    public async Task TheCsvHoldsTheJsonRowForRowAndFieldForField(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();
        foreach (var framework in (await (await anonymous.GetAsync("/api/open/v1/frameworks")).JsonAsync()).AsArray())
        {
            var code = (string)framework!["code"]!;
            var json = await (await anonymous.GetAsync($"/api/open/v1/results?frameworkCode={code}")).JsonAsync();
            var csv = Csv(await (await anonymous.GetAsync($"/api/open/v1/results.csv?frameworkCode={code}")).Content.ReadAsByteArrayAsync());
            var groups = json["groupColumns"]!.AsArray().Select(g => (string)g!["code"]!).ToList();
            var items = json["items"]!.AsArray();

            var paths = ColumnPaths(groups);
            Assert.Equal(paths.Keys, csv[0]);
            // Every field of a JSON row has its column: nothing of the JSON is missing from the CSV.
            foreach (var leaf in items.SelectMany(i => Leaves(i!, "")).Distinct())
            {
                Assert.True(paths.ContainsValue(leaf), $"{code}: the JSON field {leaf} has no CSV column");
            }
            Assert.Equal(items.Count, csv.Count - 1);
            for (var row = 0; row < items.Count; row++)
            {
                for (var column = 0; column < csv[0].Length; column++)
                {
                    var expected = At(items[row]!, paths[csv[0][column]]);
                    var actual = csv[row + 1][column];
                    Assert.True(Same(expected, actual), $"{code} row {row + 1} {csv[0][column]}: JSON {expected?.ToJsonString()} CSV \"{actual}\"");
                }
            }
        }
    }

    [Theory, Providers]
    public async Task TheCatalogueHasEveryMandatoryDcatApPropertyAndTheLicence(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync("/api/open/v1/catalog");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("http://www.w3.org/ns/dcat#", (string?)catalog["@context"]!["dcat"]);
        Assert.Equal("dcat:Catalog", (string?)catalog["@type"]);
        // DCAT-AP 2.1 and 3.0, Catalogue: title, description, publisher (an Agent with a name), dataset.
        Assert.False(string.IsNullOrWhiteSpace((string?)catalog["dct:title"]!["@value"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)catalog["dct:description"]!["@value"]));
        Assert.Equal("foaf:Agent", (string?)catalog["dct:publisher"]!["@type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)catalog["dct:publisher"]!["foaf:name"]!["@value"]));
        var datasets = catalog["dcat:dataset"]!.AsArray();
        Assert.Equal(["results", "targets", "rewards", "initiatives"], datasets.Select(d => (string)d!["dct:identifier"]!));
        foreach (var dataset in datasets)
        {
            var id = (string)dataset!["dct:identifier"]!;
            // Dataset: title and description (mandatory), publisher, theme, licence, distributions (asked by the issue).
            Assert.Equal("dcat:Dataset", (string?)dataset["@type"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)dataset["dct:title"]!["@value"]), id);
            Assert.False(string.IsNullOrWhiteSpace((string?)dataset["dct:description"]!["@value"]), id);
            Assert.Equal((string?)catalog["dct:publisher"]!["@id"], (string?)dataset["dct:publisher"]!["@id"]);
            Assert.StartsWith("http://publications.europa.eu/resource/authority/data-theme/", (string?)dataset["dcat:theme"]!["@id"]);
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", (string?)dataset["dct:license"]!["@id"]);
            Assert.NotEmpty(dataset["dcat:distribution"]!.AsArray());
            foreach (var distribution in dataset["dcat:distribution"]!.AsArray())
            {
                // Distribution: access URL (mandatory), media type, format, licence.
                Assert.Equal("dcat:Distribution", (string?)distribution!["@type"]);
                Assert.True(Uri.TryCreate((string?)distribution["dcat:accessURL"]!["@id"], UriKind.Absolute, out _), id);
                Assert.StartsWith("https://www.iana.org/assignments/media-types/", (string?)distribution["dcat:mediaType"]!["@id"]);
                Assert.StartsWith("http://publications.europa.eu/resource/authority/file-type/", (string?)distribution["dct:format"]!["@id"]);
                Assert.Equal("https://creativecommons.org/licenses/by/4.0/", (string?)distribution["dct:license"]!["@id"]);
            }
        }
        // The rankings were published: the dataset says when, first and last.
        var results = datasets.Single(d => (string?)d!["dct:identifier"] == "results")!;
        Assert.Equal("xsd:dateTime", (string?)results["dct:issued"]!["@type"]);
        Assert.Equal("xsd:dateTime", (string?)results["dct:modified"]!["@type"]);
        Assert.Contains(results["dcat:distribution"]!.AsArray(), d => ((string)d!["dcat:accessURL"]!["@id"]!).EndsWith($"/results.csv?frameworkCode={Departments2024}", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task TheDataPackageDescribesTheCataloguesFilesWithTheCsvColumns(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();
        var catalog = JsonNode.Parse(await (await anonymous.GetAsync("/api/open/v1/catalog")).Content.ReadAsStringAsync())!;
        var package = await (await anonymous.GetAsync("/api/open/v1/datapackage.json")).JsonAsync();

        var files = catalog["dcat:dataset"]!.AsArray().SelectMany(d => d!["dcat:distribution"]!.AsArray()).Select(d => (string)d!["dcat:accessURL"]!["@id"]!).Order(StringComparer.Ordinal);
        var resources = package["resources"]!.AsArray();
        Assert.Equal(files, resources.Select(r => (string)r!["path"]!).Order(StringComparer.Ordinal));
        Assert.Equal("CC-BY-4.0", (string?)package["licenses"]![0]!["name"]);
        foreach (var csv in resources.Where(r => (string?)r!["format"] == "csv"))
        {
            var header = Csv(await (await anonymous.GetAsync(new Uri((string)csv!["path"]!).PathAndQuery)).Content.ReadAsByteArrayAsync())[0];
            Assert.Equal(header, csv["schema"]!["fields"]!.AsArray().Select(f => (string)f!["name"]!));
            Assert.Equal("text/csv", (string?)csv["mediatype"]);
        }
        Assert.Contains(resources, r => ((string)r!["path"]!).EndsWith("/api/open/v1/initiatives", StringComparison.Ordinal));
    }

    /// <summary>Column of the CSV → path of the field in a JSON row.</summary>
    private static Dictionary<string, string> ColumnPaths(IEnumerable<string> groups)
    {
        var paths = new Dictionary<string, string>
        {
            ["rank"] = "rank", ["unitCode"] = "unitCode", ["unitName"] = "unitName", ["unitType"] = "unitType", ["total"] = "total", ["score100"] = "score100", ["band"] = "band",
        };
        var k = 0;
        foreach (var group in groups)
        {
            paths[$"group_{group}"] = $"groups[{k++}].value";
        }
        foreach (var (column, path) in new[]
        {
            ("rankMedian", "uncertainty.rankMedian"), ("rankP5", "uncertainty.rankP5"), ("rankP95", "uncertainty.rankP95"),
            ("previousScore100", "previous.score100"), ("previousRank", "previous.rank"), ("subtype", "subtype"), ("rankInType", "rankInType"),
            ("rankInCluster", "rankInCluster"), ("rankInClusters", "rankInClusters"), ("previousFrameworkCode", "previous.frameworkCode"),
            ("previousTotal", "previous.total"), ("previousBasis", "previous.basis"), ("previousUnitCodes", "previous.unitCodes"),
            ("change100", "previous.change100"), ("flags", "flags"),
        })
        {
            paths[column] = path;
        }
        return paths;
    }

    /// <summary>
    /// The fields of a JSON row: an object's members, each group's value, the parts of the uncertainty and of last
    /// year's result; a list of texts or a map of ranks is one field.
    /// </summary>
    private static IEnumerable<string> Leaves(JsonNode node, string prefix)
    {
        foreach (var (name, value) in node.AsObject())
        {
            var path = prefix + name;
            if (name == "previous" && value is null)
            {
                // No result last year: its fields are columns left blank (the row comparison checks that).
                continue;
            }
            if (name == "groups")
            {
                for (var k = 0; k < value!.AsArray().Count; k++)
                {
                    yield return $"groups[{k}].value";
                }
            }
            else if (value is JsonObject inner && name is "uncertainty" or "previous")
            {
                foreach (var leaf in Leaves(inner, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static JsonNode? At(JsonNode row, string path)
    {
        JsonNode? node = row;
        foreach (var part in path.Split('.'))
        {
            if (node is null)
            {
                return null;
            }
            node = part.EndsWith(']') ? node[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture)] : node[part];
        }
        return node;
    }

    private static bool Same(JsonNode? expected, string actual)
    {
        switch (expected)
        {
            case null:
                return actual == "";
            case JsonArray list:
                return actual == string.Join("; ", list.Select(x => (string)x!));
            case JsonObject map:
                return actual == string.Join("; ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            case JsonValue value when value.TryGetValue<string>(out var text):
                // A text a spreadsheet would take for a formula is kept as text with an apostrophe first.
                return actual == text || actual == "'" + text;
            default:
                return Math.Abs(double.Parse(actual, CultureInfo.InvariantCulture) - (double)expected) < 1e-6;
        }
    }

    /// <summary>RFC 4180 CSV after a UTF-8 byte-order mark: rows of fields, quotes doubled inside quoted fields.</summary>
    public static List<string[]> Csv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; }
                fields.Add(field.ToString()); field.Clear();
                rows.Add([.. fields]); fields.Clear();
            }
            else { field.Append(c); }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }
}
