using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ThiDua.Core.Assessment;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Infrastructure.Api;

namespace ThiDua.IntegrationTests.Assessment;

public class FrameworksApiTests
{
    private static object Tree(string code, double firstPoints = 60, string kind = "ratio", string secondCode = "B") => new
    {
        code,
        name = "Bộ chỉ số thử",
        year = 2026,
        unitType = "commune",
        scaleMax = 100,
        bands = new[] { new { name = "Tốt", minFraction = 0.85 }, new { name = "Chưa tốt", minFraction = 0.0 } },
        groups = new[]
        {
            new
            {
                code = "G",
                name = "Nhóm",
                children = Array.Empty<object>(),
                indicators = new object[]
                {
                    new { code = "A", name = "Chỉ tiêu A", maxPoints = firstPoints, evidenceRequired = false, rule = new { kind } },
                    new { code = secondCode, name = "Chỉ tiêu B", maxPoints = 40, evidenceRequired = true, rule = new { kind = "steps", steps = new[] { new { min = 0, points = 0 }, new { min = 5, points = 40 } } } },
                },
            },
        },
    };

    [Theory, Providers]
    public async Task TheSecretariatCreatesAFrameworkAndInvalidTreesNameTheirFaults(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");

        var created = await (await secretariat.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026"))).JsonAsync(HttpStatusCode.Created);
        var read = await (await secretariat.GetAsync("/api/v1/frameworks/XA-2026")).JsonAsync();
        var duplicate = await (await secretariat.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026-B", secondCode: "A"))).ProblemAsync(HttpStatusCode.BadRequest);
        var negative = await (await secretariat.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026-C", firstPoints: -60))).ProblemAsync(HttpStatusCode.BadRequest);
        var unknownKind = await (await secretariat.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026-D", kind: "lottery"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.False((bool)created["frozen"]!);
        Assert.Equal("steps", (string?)read["groups"]![0]!["indicators"]![1]!["rule"]!["kind"]);
        Assert.Contains("indicator A", duplicate["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("không được âm", negative["errors"]!["indicator A"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("lottery", unknownKind["errors"]!["indicator A"]![0]!.ToString(), StringComparison.Ordinal);
        await (await secretariat.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PostRawAsync("/api/v1/frameworks", "{\"code\":\"X\",\"scaleMax\":\"nhiều\"}")).ProblemAsync(HttpStatusCode.BadRequest);
        var reporter = await app.ClientAsync("baichay.baocao");
        await (await reporter.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026-E"))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AFrameworkInUseIsFrozenAndAChangeMakesANewVersion(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var created = await (await secretariat.PostJsonAsync("/api/v1/frameworks", Tree("XA-2026"))).JsonAsync(HttpStatusCode.Created);

        JsonNode Changed(int version, string name)
        {
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Tree("XA-2026"), HttpExtensions.Json))!;
            body["name"] = name;
            body["version"] = version;
            return body;
        }
        var inPlace = await (await secretariat.PutJsonAsync("/api/v1/frameworks/XA-2026", Changed((int)created["version"]!, "Bộ chỉ số thử (sửa)"))).JsonAsync();
        await (await secretariat.PutJsonAsync("/api/v1/frameworks/XA-2026", Changed((int)created["version"]!, "Sửa trên bản cũ"))).ProblemAsync(HttpStatusCode.Conflict);

        await (await secretariat.PostJsonAsync("/api/v1/assessments", new { frameworkCode = "XA-2026", unitCode = "X2025-06652-HATU" })).JsonAsync(HttpStatusCode.Created);
        var frozen = await (await secretariat.GetAsync("/api/v1/frameworks/XA-2026")).JsonAsync();
        var versioned = await secretariat.PutJsonAsync("/api/v1/frameworks/XA-2026", Changed((int)frozen["version"]!, "Bộ chỉ số thử, phiên bản 2"));
        var v2 = await versioned.JsonAsync(HttpStatusCode.Created);
        var old = await (await secretariat.GetAsync("/api/v1/frameworks/XA-2026")).JsonAsync();

        Assert.Equal("Bộ chỉ số thử (sửa)", (string?)inPlace["name"]);
        Assert.True((bool)frozen["frozen"]!);
        Assert.Equal("XA-2026-v2", (string?)v2["code"]);
        Assert.Equal("XA-2026", (string?)v2["supersedes"]);
        Assert.Equal(2, (int)v2["revision"]!);
        Assert.Equal("Bộ chỉ số thử (sửa)", (string?)old["name"]);
        Assert.Equal("/api/v1/frameworks/XA-2026-v2", versioned.Headers.Location!.OriginalString);
    }

    [Theory, Providers]
    public async Task FrameworksGoToXlsxAndComeBack(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");

        var exported = await secretariat.GetAsync("/api/v1/frameworks/QN-DTI-2025-XA/export");
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        var read = FrameworkWorkbook.Read(new MemoryStream(bytes)).Single();
        var original = DemoFrameworks.Build(2025, communes: true);

        Assert.Equal(ContentTypes.Xlsx, exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FrameworkService.Serialize(original), FrameworkService.Serialize(read));

        // Import the same workbook under a new code.
        var renamed = FrameworkWorkbook.Write([read with { Code = "QN-DTI-2026-XA", Year = 2026, Name = "Bộ chỉ số cấp xã năm 2026" }]);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(renamed);
        file.Headers.ContentType = new MediaTypeHeaderValue(ContentTypes.Xlsx);
        content.Add(file, "file", "bo-chi-so-2026.xlsx");
        var imported = await (await secretariat.PostAsync("/api/v1/frameworks/import", content)).JsonAsync(HttpStatusCode.Created);
        var framework = await (await secretariat.GetAsync("/api/v1/frameworks/QN-DTI-2026-XA")).JsonAsync();

        Assert.Equal("QN-DTI-2026-XA", (string?)imported[0]!["code"]);
        Assert.Equal(1000, (double)framework["scaleMax"]!);
        Assert.Equal(35, new CompiledFramework(read).IndicatorCount);

        using var junk = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "x.xlsx" } };
        await (await secretariat.PostAsync("/api/v1/frameworks/import", junk)).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
