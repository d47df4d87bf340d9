using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data.Seed;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// The demo data the reward tests stand on. The 2025 department ranking (appraised assessments, published by the
/// tests): Sở Xây dựng 89,68 and Sở Nội vụ 89,09 are "Tốt"; Sở Công Thương 82,09 is not. Sở Tài chính 87,65 has no task.
/// </summary>
internal static class RewardTestData
{
    public const string Departments2025 = "QN-DTI-2025-SO";
    public const string Construction = "SO-XD-2025";
    public const string HomeAffairs = "SO-NV-2025";
    public const string Industry = "SO-CT";
    public const string Finance = "SO-TC-2025";
    public const string Movement = MovementSeeder.Code;

    public static readonly string[] Members = ["hoidong1", "hoidong2", "hoidong3"];

    public static async Task PublishDepartments2025Async(ThiDuaApp app)
    {
        var secretariat = await app.ClientAsync("thuongtruc");
        await (await secretariat.PostAsync($"/api/v1/frameworks/{Departments2025}/publish", null)).JsonAsync();
    }

    /// <summary>A leader account for a unit, made by the administrator as a real deployment would.</summary>
    public static async Task<HttpClient> LeaderOfAsync(ThiDuaApp app, string unitCode)
    {
        var userName = $"lanhdao.{unitCode.ToLowerInvariant()}";
        var admin = await app.ClientAsync("admin");
        var response = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName, password = ThiDuaApp.Password, fullName = $"Lãnh đạo {unitCode}", roles = new[] { "UnitLeader" }, unitCode,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        return await app.ClientAsync(userName);
    }

    public static object FinalNomination(string unitCode, string award = "chairman_certificate") => new
    {
        movementCode = Movement,
        round = "final",
        nomineeKind = "unit",
        unitCode,
        award,
        achievements = "Hoàn thành 100 % nhiệm vụ chuyển đổi số giai đoạn 2022–2025; DTI năm 2025 đạt loại Tốt.",
    };

    public static byte[] Pdf(string text) => DemoAssessmentSeeder.DemoPdf(text);

    /// <summary>A minimal Word package: the content types and the main document part.</summary>
    public static byte[] Docx(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Write(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int nominationId, string kind, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/nominations/{nominationId}/documents", form);
    }

    public static async Task UploadDossierAsync(HttpClient client, int nominationId)
    {
        await (await UploadAsync(client, nominationId, "proposal", Pdf("To trinh de nghi khen thuong"), "to-trinh.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await UploadAsync(client, nominationId, "minutes", Docx("Biên bản họp xét duyệt"), "bien-ban.docx")).JsonAsync(HttpStatusCode.Created);
        await (await UploadAsync(client, nominationId, "achievement_report", Pdf("Bao cao thanh tich"), "bao-cao.pdf")).JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A department's final-review nomination for the Chairman's certificate, with its dossier, submitted and received by the Board.</summary>
    public static async Task<int> ReceivedAsync(ThiDuaApp app, string unitCode)
    {
        var leader = await LeaderOfAsync(app, unitCode);
        var board = await app.ClientAsync("banthidua");
        var nomination = await (await leader.PostJsonAsync("/api/v1/nominations", FinalNomination(unitCode))).JsonAsync(HttpStatusCode.Created);
        var id = (int)nomination["id"]!;
        await UploadDossierAsync(leader, id);
        await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).JsonAsync();
        await (await board.PostAsync($"/api/v1/nominations/{id}/receive", null)).JsonAsync();
        return id;
    }

    public static async Task<JsonNode> SessionAsync(ThiDuaApp app, int[] nominationIds, string[]? members = null, double? threshold = null, string date = "2026-11-27")
    {
        var board = await app.ClientAsync("banthidua");
        return await (await board.PostJsonAsync("/api/v1/council-sessions", new { date, nominationIds, memberUserNames = members ?? Members, threshold }))
            .JsonAsync(HttpStatusCode.Created);
    }

    public static async Task VoteAsync(ThiDuaApp app, string member, int sessionId, params (int NominationId, string Choice)[] votes)
    {
        var client = await app.ClientAsync(member);
        await (await client.PostJsonAsync($"/api/v1/council-sessions/{sessionId}/ballots",
            new { votes = votes.Select(v => new { nominationId = v.NominationId, choice = v.Choice }) })).JsonAsync();
    }

    public static string Text(this JsonNode node) => node.ToJsonString();

    public static IEnumerable<string> Strings(this JsonNode? array) => array!.AsArray().Select(n => (string)n!);

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
