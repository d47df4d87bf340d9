using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data.Seed;

namespace ThiDua.IntegrationTests.Assessment;

internal static class AssessmentTestData
{
    public const string Communes2025 = "QN-DTI-2025-XA";
    public const string BaiChay = "X2025-06673-BAICHAY";

    /// <summary>Phường Bãi Cháy's values: every indicator of the demo commune framework (1000 points), 841,75 points in all.</summary>
    public static object[] BaiChayValues(Guid evidence) =>
    [
        new { indicatorCode = "NT1.1", value = (object)true, evidenceFileIds = new[] { evidence } },   // 20
        new { indicatorCode = "NT1.2", value = (object)true },                                           // 20
        new { indicatorCode = "NT1.3", value = (object)15 },                                             // 20
        new { indicatorCode = "NT1.4", value = (object)0.9 },                                            // 27
        new { indicatorCode = "NT2.1", value = (object)true, evidenceFileIds = new[] { evidence } },   // 25
        new { indicatorCode = "NT2.2", value = (object)1.2 },                                            // 20
        new { indicatorCode = "NT2.3", value = (object)true, evidenceFileIds = new[] { evidence } },   // 25
        new { indicatorCode = "NT2.4", value = (object)"B" },                                            // 15
        new { indicatorCode = "NT3.1", value = (object)1 },                                              // 25
        new { indicatorCode = "NT3.2", value = (object)true },                                           // 25
        new { indicatorCode = "NT3.3", value = (object)new { numerator = 3, denominator = 4 } },          // 18,75
        new { indicatorCode = "NT3.4", value = (object)110 },                                            // 12,5
        new { indicatorCode = "NT4.1", value = (object)true },                                           // 20
        new { indicatorCode = "NT4.2", value = (object)0.8 },                                            // 24
        new { indicatorCode = "NT4.3", value = (object)0.7 },                                            // 17,5
        new { indicatorCode = "NT4.4", value = (object)45 },                                             // 20
        new { indicatorCode = "NT5.1", value = (object)1, evidenceFileIds = new[] { evidence } },      // 30
        new { indicatorCode = "NT5.2", value = (object)true },                                           // 25
        new { indicatorCode = "NT5.3", value = (object)1 },                                              // 16
        new { indicatorCode = "NT5.4", value = (object)"B" },                                            // 15
        new { indicatorCode = "NT6.1", value = (object)3 },                                              // 0 (collected)
        new { indicatorCode = "NT6.2", value = (object)true },                                           // 0 (collected)
        new { indicatorCode = "HD1.1", value = (object)0.8, evidenceFileIds = new[] { evidence } },    // 40
        new { indicatorCode = "HD1.2", value = (object)0.9 },                                            // 36
        new { indicatorCode = "HD1.3", value = (object)1 },                                              // 40
        new { indicatorCode = "HD1.4", value = (object)0.95 },                                           // 38
        new { indicatorCode = "HD1.5", value = (object)"A" },                                            // 30
        new { indicatorCode = "HD2.1", value = (object)0.85 },                                           // 34
        new { indicatorCode = "HD2.2", value = (object)0.6 },                                            // 24
        new { indicatorCode = "HD2.3", value = (object)12 },                                             // 30
        new { indicatorCode = "HD2.4", value = (object)20 },                                             // 20
        new { indicatorCode = "HD3.1", value = (object)0.9 },                                            // 36
        new { indicatorCode = "HD3.2", value = (object)0.75 },                                           // 30
        new { indicatorCode = "HD3.3", value = (object)"A" },                                            // 35
        new { indicatorCode = "HD3.4", value = (object)0.8, note = "Khảo sát 1.200 người dân tháng 10/2025" }, // 28
    ];

    public const double BaiChaySelfTotal = 841.75;

    public static async Task<Guid> UploadPdfAsync(HttpClient client, string name = "ke-hoach-cds-2025.pdf")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(DemoAssessmentSeeder.DemoPdf("Ke hoach chuyen doi so nam 2025"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        var response = await client.PostAsync("/api/v1/files", content);
        var body = await response.JsonAsync(HttpStatusCode.Created);
        return Guid.Parse((string)body["id"]!);
    }

    public static async Task<int> CreateAsync(HttpClient client, string frameworkCode = Communes2025, string unitCode = BaiChay)
    {
        var created = await (await client.PostJsonAsync("/api/v1/assessments", new { frameworkCode, unitCode })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("draft", (string?)created["status"]);
        return (int)created["id"]!;
    }

    public static JsonNode Value(JsonNode assessment, string code) =>
        assessment["values"]!.AsArray().Single(v => (string?)v!["indicatorCode"] == code)!;
}
