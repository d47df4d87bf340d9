using System.Text.Json.Nodes;
using ThiDua.Core.Initiatives;
using ThiDua.Core.Units;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Assessment;

namespace ThiDua.Web.Features.Public;

/// <summary>A column of a tabular distribution (Frictionless Table Schema type: integer, number, string).</summary>
public sealed record OpenField(string Name, string Type, string Description);

/// <summary>One file of a dataset: where it is, what it is, and — for a CSV — its columns.</summary>
public sealed record OpenDistribution(string Name, string Title, string Url, string MediaType, string Format, IReadOnlyList<OpenField>? Fields = null);

/// <summary>A dataset of the open data: what it holds, when it was first and last published, and its files.</summary>
public sealed record OpenDataset(string Id, string Title, string Description, string Theme, IReadOnlyList<string> Keywords, string LandingPage,
    DateTime? Issued, DateTime? Modified, IReadOnlyList<OpenDistribution> Distributions);

/// <summary>
/// The list of open datasets (R16) and its two descriptions: a DCAT-AP catalogue in JSON-LD and a Frictionless data
/// package. Both are built from <see cref="DatasetsAsync"/>, so they cannot list different things. Only what is public
/// goes in: published rankings, the targets, decided rewards, published initiatives (ADR 023).
/// </summary>
public sealed class OpenDataCatalog([FromKeyedServices(DatabaseSetup.ReadsKey)] ThiDuaDbContext db, ResultsService results)
{
    public const string Licence = "https://creativecommons.org/licenses/by/4.0/";
    public const string LicenceTitle = "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)";
    public const string PublisherName = "Sở Khoa học và Công nghệ tỉnh Quảng Ninh (cơ quan thường trực Phong trào thi đua)";
    public const string CatalogTitle = "Dữ liệu mở Phong trào thi đua \"Chuyển đổi số toàn diện\" tỉnh Quảng Ninh";
    public const string CatalogDescription = "Kết quả đánh giá, xếp hạng mức độ chuyển đổi số (DTI) đã công bố, tiến độ các chỉ tiêu của Nghị quyết 09-NQ/TU, "
        + "khen thưởng đã quyết định và các sáng kiến, mô hình đã công bố của Phong trào thi đua theo Quyết định 2025/QĐ-UBND ngày 15/07/2022 "
        + "của Chủ tịch UBND tỉnh Quảng Ninh. Chỉ gồm dữ liệu đã công bố.";

    private const string Json = "application/json";
    private const string Csv = "text/csv";
    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";
    private const string Themes = "http://publications.europa.eu/resource/authority/data-theme/";

    public async Task<IReadOnlyList<OpenDataset>> DatasetsAsync(string baseUrl, CancellationToken cancellationToken = default)
    {
        return [await ResultsAsync(baseUrl, cancellationToken), await TargetsAsync(baseUrl, cancellationToken), await RewardsAsync(baseUrl, cancellationToken), await InitiativesAsync(baseUrl, cancellationToken)];
    }

    private async Task<OpenDataset> ResultsAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var publications = await db.ResultPublications.AsNoTracking()
            .GroupBy(p => p.FrameworkId)
            .Select(g => new { FrameworkId = g.Key, First = g.Min(p => p.PublishedAt), Last = g.Max(p => p.PublishedAt) })
            .ToListAsync(cancellationToken);
        var ids = publications.Select(p => p.FrameworkId).ToList();
        var published = await db.Frameworks.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        var distributions = new List<OpenDistribution>();
        foreach (var framework in published.OrderByDescending(f => f.Year).ThenBy(f => f.Code, StringComparer.Ordinal))
        {
            var table = await results.PublishedAsync(framework, cancellationToken);
            if (table is null)
            {
                continue;
            }
            var code = Uri.EscapeDataString(framework.Code);
            var name = "results-" + Slug(framework.Code);
            var title = $"{framework.Name} ({framework.Year}, {framework.UnitType.VietnameseName()})";
            distributions.Add(new OpenDistribution(name + "-json", title + " — JSON", $"{baseUrl}/api/open/v1/results?frameworkCode={code}", Json, "JSON"));
            distributions.Add(new OpenDistribution(name + "-csv", title + " — CSV", $"{baseUrl}/api/open/v1/results.csv?frameworkCode={code}", Csv, "CSV",
                ResultsExport.OpenColumns(table).Select(c => new OpenField(c.Name, c.Type, c.Description)).ToList()));
        }
        return new OpenDataset("results", "Kết quả xếp hạng mức độ chuyển đổi số (DTI) các cơ quan, địa phương",
            "Điểm, xếp loại, hạng và chỉ số thành phần của từng sở, ngành, đoàn thể, địa phương theo bộ chỉ số DTI của tỉnh, "
            + "kèm khoảng hạng ước lượng bằng mô phỏng và so sánh với năm trước; chỉ các bảng đã được cơ quan thường trực công bố.",
            Themes + "GOVE", ["chuyển đổi số", "DTI", "xếp hạng", "Quảng Ninh"], $"{baseUrl}/cong-khai/ket-qua",
            publications.Count == 0 ? null : publications.Min(p => p.First), publications.Count == 0 ? null : publications.Max(p => p.Last), distributions);
    }

    private async Task<OpenDataset> TargetsAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var recorded = await db.TargetMeasurements.AsNoTracking().Select(m => m.RecordedAt).ToListAsync(cancellationToken);
        return new OpenDataset("targets", "Tiến độ các chỉ tiêu chuyển đổi số của Nghị quyết 09-NQ/TU",
            "Các chỉ tiêu về chính quyền số, kinh tế số, xã hội số đến năm 2025 và 2030: mục tiêu, giá trị đo được theo năm kèm nguồn, "
            + "và đánh giá đạt, đúng tiến độ hay chậm.",
            Themes + "GOVE", ["chỉ tiêu", "Nghị quyết 09-NQ/TU", "chuyển đổi số"], $"{baseUrl}/cong-khai/muc-tieu",
            recorded.Count == 0 ? null : recorded.Min(), recorded.Count == 0 ? null : recorded.Max(),
            [new OpenDistribution("targets-json", "Các chỉ tiêu và số đo — JSON", $"{baseUrl}/api/open/v1/targets", Json, "JSON")]);
    }

    private async Task<OpenDataset> RewardsAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var dates = await db.Rewards.AsNoTracking().Select(r => r.Decision.Date).Distinct().ToListAsync(cancellationToken);
        static DateTime? At(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new OpenDataset("rewards", "Khen thưởng đã quyết định trong Phong trào thi đua",
            "Các tập thể, cá nhân được khen thưởng: hình thức, năm, số và ngày quyết định, người ký. Với cá nhân chỉ công bố họ tên, "
            + "chức vụ và cơ quan, không có ngày sinh hay thông tin cá nhân khác.",
            Themes + "GOVE", ["khen thưởng", "thi đua"], $"{baseUrl}/cong-khai/khen-thuong",
            At(dates.Count == 0 ? null : dates.Min()), At(dates.Count == 0 ? null : dates.Max()),
            [new OpenDistribution("rewards-json", "Khen thưởng đã quyết định — JSON", $"{baseUrl}/api/open/v1/rewards", Json, "JSON")]);
    }

    private async Task<OpenDataset> InitiativesAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var published = await db.Initiatives.AsNoTracking().Where(i => i.Status == InitiativeStatus.Published && i.PublishedAt != null)
            .Select(i => i.PublishedAt!.Value).ToListAsync(cancellationToken);
        return new("initiatives", "Sáng kiến, mô hình hay, điển hình tiên tiến đã công bố",
            "Các sáng kiến, giải pháp, mô hình hay, cách làm mới về chuyển đổi số đã được cơ quan thường trực xét duyệt và công bố: "
            + "lĩnh vực, đơn vị, tác giả, kết quả đạt được.",
            Themes + "GOVE", ["sáng kiến", "mô hình", "điển hình tiên tiến"], $"{baseUrl}/cong-khai/sang-kien",
            published.Count == 0 ? null : published.Min(), published.Count == 0 ? null : published.Max(),
            [new OpenDistribution("initiatives-json", "Sáng kiến, mô hình đã công bố — JSON", $"{baseUrl}/api/open/v1/initiatives", Json, "JSON")]);
    }

    /// <summary>
    /// The catalogue as DCAT-AP JSON-LD: every mandatory property of DCAT-AP 2.1 and 3.0 for Catalogue (title,
    /// description, publisher, dataset), Dataset (title, description) and Distribution (access URL), the publisher an
    /// Agent with a name, and the recommended ones the issue asks for (theme, issued, modified, licence, media type, format).
    /// </summary>
    public async Task<JsonObject> CatalogAsync(string baseUrl, CancellationToken cancellationToken = default)
    {
        var datasets = await DatasetsAsync(baseUrl, cancellationToken);
        var publisher = new JsonObject
        {
            ["@id"] = $"{baseUrl}/cong-khai#co-quan-cong-bo",
            ["@type"] = "foaf:Agent",
            ["foaf:name"] = Text(PublisherName),
            ["dct:type"] = Id("http://purl.org/adms/publishertype/RegionalAuthority"),
        };
        var modified = datasets.Select(d => d.Modified).Where(d => d is not null).DefaultIfEmpty().Max();
        var catalog = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = $"{baseUrl}/api/open/v1/catalog",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Text(CatalogTitle),
            ["dct:description"] = Text(CatalogDescription),
            ["dct:publisher"] = publisher,
            ["dct:language"] = Id("http://publications.europa.eu/resource/authority/language/VIE"),
            ["dct:license"] = LicenceNode(),
            ["foaf:homepage"] = Id($"{baseUrl}/cong-khai"),
            ["dcat:themeTaxonomy"] = Id("http://publications.europa.eu/resource/authority/data-theme"),
            ["dcat:dataset"] = new JsonArray(datasets.Select(d => (JsonNode)Dataset(d, baseUrl, publisher)).ToArray()),
        };
        if (modified is { } m)
        {
            catalog["dct:modified"] = Date(m);
        }
        return catalog;
    }

    private static JsonObject Dataset(OpenDataset d, string baseUrl, JsonObject publisher)
    {
        var node = new JsonObject
        {
            ["@id"] = $"{baseUrl}/api/open/v1/catalog#{d.Id}",
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Id,
            ["dct:title"] = Text(d.Title),
            ["dct:description"] = Text(d.Description),
            ["dct:publisher"] = new JsonObject { ["@id"] = (string)publisher["@id"]! },
            ["dcat:theme"] = Id(d.Theme),
            ["dcat:keyword"] = new JsonArray(d.Keywords.Select(k => (JsonNode)Text(k)).ToArray()),
            ["dcat:landingPage"] = Id(d.LandingPage),
            ["dct:license"] = LicenceNode(),
            ["dct:accessRights"] = Id("http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
            ["dcat:distribution"] = new JsonArray(d.Distributions.Select(x => (JsonNode)Distribution(x)).ToArray()),
        };
        if (d.Issued is { } issued)
        {
            node["dct:issued"] = Date(issued);
        }
        if (d.Modified is { } modified)
        {
            node["dct:modified"] = Date(modified);
        }
        return node;
    }

    private static JsonObject Distribution(OpenDistribution d) => new()
    {
        ["@id"] = d.Url,
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = Text(d.Title),
        ["dcat:accessURL"] = Id(d.Url),
        ["dcat:downloadURL"] = Id(d.Url),
        ["dcat:mediaType"] = Id("https://www.iana.org/assignments/media-types/" + d.MediaType),
        ["dct:format"] = Id(FileTypes + d.Format),
        ["dct:license"] = LicenceNode(),
    };

    /// <summary>The same datasets as a Frictionless data package: one resource a file, the CSV ones with their table schema.</summary>
    public async Task<JsonObject> DataPackageAsync(string baseUrl, CancellationToken cancellationToken = default)
    {
        var datasets = await DatasetsAsync(baseUrl, cancellationToken);
        var resources = new JsonArray();
        foreach (var dataset in datasets)
        {
            foreach (var d in dataset.Distributions)
            {
                var resource = new JsonObject
                {
                    ["name"] = d.Name,
                    ["path"] = d.Url,
                    ["title"] = d.Title,
                    ["description"] = dataset.Title,
                    ["format"] = d.Format.ToLowerInvariant(),
                    ["mediatype"] = d.MediaType,
                    ["encoding"] = "utf-8",
                    ["licenses"] = Licenses(),
                };
                if (d.Fields is { } fields)
                {
                    resource["profile"] = "tabular-data-resource";
                    resource["schema"] = new JsonObject
                    {
                        ["fields"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["description"] = f.Description }).ToArray()),
                    };
                }
                resources.Add(resource);
            }
        }
        return new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = "thidua-quang-ninh",
            ["id"] = $"{baseUrl}/api/open/v1/datapackage.json",
            ["title"] = CatalogTitle,
            ["description"] = CatalogDescription,
            ["homepage"] = $"{baseUrl}/cong-khai",
            ["licenses"] = Licenses(),
            ["contributors"] = new JsonArray(new JsonObject { ["title"] = PublisherName, ["role"] = "publisher" }),
            ["resources"] = resources,
        };
    }

    private static JsonArray Licenses() =>
        new(new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = Licence, ["title"] = LicenceTitle });

    private static JsonObject LicenceNode() => new() { ["@id"] = Licence, ["@type"] = "dct:LicenseDocument" };

    private static JsonObject Id(string iri) => new() { ["@id"] = iri };

    private static JsonObject Text(string text) => new() { ["@value"] = text, ["@language"] = "vi" };

    private static JsonObject Date(DateTime at) => new()
    {
        ["@value"] = DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };

    /// <summary>A Frictionless resource name: lower case letters, digits and "-".</summary>
    private static string Slug(string code) =>
        new(code.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
