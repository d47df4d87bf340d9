using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Documents;
using static ThiDua.IntegrationTests.Infrastructure.ExternalTools;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Documents;

/// <summary>
/// Documents issued with their records (issue 11): a decision as an editable DOCX and a signed PDF that independent
/// tools (poppler's pdfsig, pdffonts, pdftotext, zbarimg) accept; verification by anyone; drafts only for who makes them.
/// LibreOffice renders for real here (Documents:RenderInline).
/// </summary>
public class IssuedDocumentTests
{
    private static readonly Dictionary<string, string> Rendering = new() { ["Documents:RenderInline"] = "true" };

    /// <summary>The Board's decision on Sở Xây dựng's nomination, before its notice ends (with the reason), on the test's day.</summary>
    private static async Task<JsonNode> DecisionAsync(ThiDuaApp app)
    {
        var id = (int)(await NoticedConstructionAsync(app))["id"]!;
        return await (await DecideAsync(await app.ClientAsync(Board), id, "2026-11-27",
            waiver: "Kịp trao tại Hội nghị tổng kết ngày 28/11/2026 theo chỉ đạo của Chủ tịch UBND tỉnh.")).JsonAsync(HttpStatusCode.Created);
    }

    private static async Task<byte[]> BytesAsync(HttpResponseMessage response, string contentType)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> VerifyUploadAsync(HttpClient client, byte[] pdf)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "van-ban.pdf");
        return client.PostAsync("/api/open/v1/verify", form);
    }

    [Theory, Providers]
    public async Task ADecisionIsIssuedAsAWordFileAndASignedPdfThatIndependentToolsAccept(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider, settings: Rendering);
        var decision = await DecisionAsync(app);
        var board = await app.ClientAsync(Board);

        var pdfId = (string)decision["documentId"]!;
        var docxId = (string)decision["docxDocumentId"]!;
        var pdf = await BytesAsync(await board.GetAsync($"/api/v1/documents/{pdfId}"), "application/pdf");
        var docx = await BytesAsync(await board.GetAsync($"/api/v1/documents/{docxId}"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var signature = PdfSig(pdf);
        Assert.Contains("Signature is Valid", signature, StringComparison.Ordinal);
        Assert.Contains("ETSI.CAdES.detached", signature, StringComparison.Ordinal);
        Assert.All(DocumentTools.Fonts(pdf), font => Assert.True(font.Embedded, $"{font.Name} is not embedded"));
        var text = DocumentTools.Text(pdf);
        foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", $"Số: {(string)decision["number"]!}", "Quảng Ninh, ngày 27 tháng 11 năm 2026", "Nguyễn Văn A", "Nơi nhận" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
        }
        // The visible signature stands where the signer signs: on the page of the signature block (the attached list follows it).
        Assert.Equal(DocumentTools.Words(pdf).Words.Where(w => w.Text == "Nguyễn").Max(w => w.Page), SignaturePage(pdf));
        Assert.True(SignaturePage(pdf) < LastPage(pdf), "the decision's attached list comes after its signature");
        DocumentTools.Shot(pdf, "quyet-dinh-da-ky", SignaturePage(pdf));
        Assert.Contains(DocumentTools.QrCodes(pdf, LastPage(pdf)), code => code.EndsWith($"/cong-khai/xac-thuc/{pdfId}", StringComparison.Ordinal));

        var verified = await (await board.GetAsync($"/api/v1/documents/{pdfId}/verify")).JsonAsync();
        Assert.True((bool)verified["valid"]!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), (string)verified["sha256"]!);
        Assert.NotNull((string?)verified["signer"]);
        Assert.NotNull((string?)verified["signedAt"]);
    }

    [Fact]
    public async Task AnyoneCanCheckACopyAndAChangedByteFails()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Rendering);
        var pdfId = (string)(await DecisionAsync(app))["documentId"]!;
        using var anonymous = app.CreateClient();
        var pdf = await BytesAsync(await anonymous.GetAsync($"/api/open/v1/documents/{pdfId}"), "application/pdf");

        var intact = await (await VerifyUploadAsync(anonymous, pdf)).JsonAsync();
        Assert.True((bool)intact["valid"]!);
        Assert.True((bool)intact["trusted"]!);
        Assert.Equal(pdfId, (string)intact["document"]!["id"]!);

        var changed = (byte[])pdf.Clone();
        var middle = changed.Length / 3;
        changed[middle] = changed[middle] == (byte)'0' ? (byte)'1' : (byte)'0';
        var forged = await (await VerifyUploadAsync(anonymous, changed)).JsonAsync();
        Assert.False((bool)forged["valid"]!);
        Assert.Null(forged["document"]);
        Assert.DoesNotContain("Signature is Valid", PdfSig(changed), StringComparison.Ordinal);

        var page = await anonymous.GetStringAsync($"/cong-khai/xac-thuc/{pdfId}");
        Assert.Contains("Văn bản hợp lệ", page, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), page, StringComparison.Ordinal);

        var notPdf = await VerifyUploadAsync(anonymous, Docx("không phải PDF"));
        await notPdf.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task TheWordFileIsForWhoMakesItAndTheSignedPdfForEveryone()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Rendering);
        var decision = await DecisionAsync(app);
        var pdfId = (string)decision["documentId"]!;
        var docxId = (string)decision["docxDocumentId"]!;

        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("hoidong1")).GetAsync($"/api/v1/documents/{pdfId}")).StatusCode);
        await (await (await app.ClientAsync("hoidong1")).GetAsync($"/api/v1/documents/{docxId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("baichay.baocao")).GetAsync($"/api/v1/documents/{docxId}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("thuongtruc")).GetAsync($"/api/v1/documents/{docxId}")).StatusCode);
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync($"/api/open/v1/documents/{docxId}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong-khai/xac-thuc/{docxId}")).StatusCode);
        // An issued document is frozen.
        var version = await (await app.ClientAsync(Board)).PostAsync($"/api/v1/documents/{docxId}/versions", FileForm(Docx("Sửa sau khi ký"), "sua.docx"));
        await version.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheConsolidatedReportIsADraftUntilTheSecretariatSignsIt()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Rendering);
        var secretariat = await app.ClientAsync("thuongtruc");
        var draftResponse = await secretariat.GetAsync("/api/v1/movements/CDS-2022-2025/consolidated-report?year=2026&format=docx");
        var draft = await BytesAsync(draftResponse, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var id = draftResponse.Headers.GetValues("X-Document-Id").Single();
        using (var word = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
        }
        await (await (await app.ClientAsync("lanhdao")).GetAsync($"/api/v1/documents/{id}")).ProblemAsync(HttpStatusCode.Forbidden);

        // A corrected Word file is the next version; a PDF is not a Word file.
        var corrected = await (await secretariat.PostAsync($"/api/v1/documents/{id}/versions", FileForm(CorrectedReport(draft), "bao-cao-da-sua.docx"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, corrected["versions"]!.AsArray().Count);
        await (await secretariat.PostAsync($"/api/v1/documents/{id}/versions", FileForm(Pdf("không phải Word"), "x.docx"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{id}/versions") { Content = FileForm(CorrectedReport(draft), "lai.docx") };
        stale.Headers.TryAddWithoutValidation("If-Match", "W/\"0\"");
        await (await secretariat.SendAsync(stale)).ProblemAsync(HttpStatusCode.Conflict);

        var issued = await (await secretariat.PostJsonAsync($"/api/v1/documents/{id}/issue", new { signerName = "Trần Văn Bình", signerTitle = "GIÁM ĐỐC" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("issued", (string)issued["state"]!);
        var pdf = await BytesAsync(await secretariat.GetAsync("/api/v1/movements/CDS-2022-2025/consolidated-report?year=2026&format=pdf"), "application/pdf");
        Assert.Contains("Signature is Valid", PdfSig(pdf), StringComparison.Ordinal);
        Assert.Contains("Bản đã sửa của cơ quan thường trực", DocumentTools.Text(pdf), StringComparison.Ordinal);
        Assert.Equal("Trần Văn Bình", (string)issued["signerName"]!);
        await (await secretariat.PostAsync($"/api/v1/documents/{id}/versions", FileForm(CorrectedReport(draft), "muon.docx"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnUncorrectedReportIsDraftedAgainWithItsSignerWhenIssued()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Rendering);
        var secretariat = await app.ClientAsync("thuongtruc");
        var draft = await secretariat.GetAsync("/api/v1/movements/CDS-2022-2025/consolidated-report?year=2026&format=docx");
        var id = draft.Headers.GetValues("X-Document-Id").Single();

        await (await secretariat.PostJsonAsync($"/api/v1/documents/{id}/issue", new { signerName = "Trần Văn Bình", signerTitle = "PHÓ GIÁM ĐỐC" })).JsonAsync(HttpStatusCode.Created);

        var pdf = await BytesAsync(await secretariat.GetAsync("/api/v1/movements/CDS-2022-2025/consolidated-report?year=2026&format=pdf"), "application/pdf");
        var text = DocumentTools.Text(pdf);
        Assert.Contains("KT. GIÁM ĐỐC", text, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Bình", text, StringComparison.Ordinal);
        // The visible signature is above the printed name, on its page.
        Assert.Equal(DocumentTools.Words(pdf).Words.Where(w => w.Text == "Trần").Max(w => w.Page), SignaturePage(pdf));
        Assert.Contains("Signature is Valid", PdfSig(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMinutesCountVotesAndNeverNameAVoter()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Rendering);
        var nomination = await ReceivedConstructionAsync(app);
        var session = (int)(await SessionAsync(app, [nomination]))["id"]!;
        var board = await app.ClientAsync(Board);
        await (await board.GetAsync($"/api/v1/council-sessions/{session}/minutes?format=docx")).ProblemAsync(HttpStatusCode.BadRequest);
        await UnanimousAsync(app, session, nomination);

        var docx = await BytesAsync(await board.GetAsync($"/api/v1/council-sessions/{session}/minutes?format=docx"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
        }
        var text = DocumentTools.Text(await BytesAsync(await board.GetAsync($"/api/v1/council-sessions/{session}/minutes?format=pdf"), "application/pdf"));
        Assert.Contains("BIÊN BẢN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hoidong1", text, StringComparison.Ordinal);
        await (await (await app.ClientAsync("soyte.baocao")).GetAsync($"/api/v1/council-sessions/{session}/minutes")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ThePublishedRankingIsSignedAsAPdfAndItsDownloadsCarryDetachedSignatures()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: Rendering);
        await PublishJudgedRankingAsync(app);
        using var anonymous = app.CreateClient();
        var pdf = await BytesAsync(await anonymous.GetAsync($"/api/open/v1/results.pdf?frameworkCode={JudgedDepartments}"), "application/pdf");
        Assert.Contains("Signature is Valid", PdfSig(pdf), StringComparison.Ordinal);

        foreach (var (data, signature) in new[] { ("results.csv", "results.csv.p7s"), ("results.json", "results.json.p7s") })
        {
            var content = await (await anonymous.GetAsync($"/api/open/v1/{data}?frameworkCode={JudgedDepartments}")).Content.ReadAsByteArrayAsync();
            var p7s = await BytesAsync(await anonymous.GetAsync($"/api/open/v1/{signature}?frameworkCode={JudgedDepartments}"), "application/pkcs7-signature");
            var signatureFile = Path.Combine(Path.GetTempPath(), $"thidua-{Guid.NewGuid():N}.p7s");
            await File.WriteAllBytesAsync(signatureFile, p7s);
            try
            {
                RunOn("openssl", content, ".data", file => ["cms", "-verify", "-binary", "-inform", "DER", "-in", signatureFile, "-content", file, "-noverify", "-out", "/dev/null"]);
            }
            finally
            {
                File.Delete(signatureFile);
            }
            var check = app.Services.GetRequiredService<ThiDua.Web.Infrastructure.Signing.ISignatureVerifier>().VerifyDetached(content, p7s);
            Assert.True(check.Valid, check.Message);
            content[^2] ^= 1;
            Assert.False(app.Services.GetRequiredService<ThiDua.Web.Infrastructure.Signing.ISignatureVerifier>().VerifyDetached(content, p7s).Valid);
        }
    }

    [Fact]
    public async Task AJobLeftWaitingIsDoneByTheQueue()
    {
        // Without rendering in the request (the test default), the decision answers with its PDF still queued.
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var pdfId = (string)(await DecisionAsync(app))["documentId"]!;
        var board = await app.ClientAsync(Board);
        await (await board.GetAsync($"/api/v1/documents/{pdfId}")).ProblemAsync(HttpStatusCode.Conflict);

        var ran = await app.Services.GetRequiredService<DocumentJobRunner>().RunWaitingAsync(CancellationToken.None);

        Assert.Equal(1, ran);
        var pdf = await BytesAsync(await board.GetAsync($"/api/v1/documents/{pdfId}"), "application/pdf");
        Assert.Contains("Signature is Valid", PdfSig(pdf), StringComparison.Ordinal);
        Assert.Equal(0, await app.Services.GetRequiredService<DocumentJobRunner>().RunWaitingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithoutLibreOfficeTheWordFileIsThereAndThePdfSaysWhatToInstall()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>(Rendering)
        {
            ["Documents:LibreOfficePath"] = "/khong-co/soffice",
        });
        var decision = await DecisionAsync(app);
        var board = await app.ClientAsync(Board);

        var problem = await (await board.GetAsync($"/api/v1/documents/{(string)decision["documentId"]!}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("libreoffice", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/v1/documents/{(string)decision["docxDocumentId"]!}")).StatusCode);
    }

    /// <summary>The page (1-based) holding the signature field's widget.</summary>
    private static int SignaturePage(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return Enumerable.Range(0, document.PageCount).Single(i => Enumerable.Range(0, document.Pages[i].Annotations.Count)
            .Any(j => document.Pages[i].Annotations[j].Elements.GetName("/FT") == "/Sig")) + 1;
    }

    private static int LastPage(byte[] pdf) =>
        int.Parse(RunOn("pdfinfo", pdf, ".pdf", file => [file]).Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    private static MultipartFormDataContent FileForm(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    /// <summary>The draft with one more paragraph, as the Secretariat would correct it in Word.</summary>
    private static byte[] CorrectedReport(byte[] draft)
    {
        using var buffer = new MemoryStream();
        buffer.Write(draft);
        using (var word = WordprocessingDocument.Open(buffer, true))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                new DocumentFormat.OpenXml.Wordprocessing.Text("Bản đã sửa của cơ quan thường trực.")));
            var section = body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().LastOrDefault();
            if (section is null)
            {
                body.Append(paragraph);
            }
            else
            {
                body.InsertBefore(paragraph, section);
            }
        }
        return buffer.ToArray();
    }
}
