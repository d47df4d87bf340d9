using ThiDua.Web.Infrastructure.Documents;

namespace ThiDua.IntegrationTests.Documents;

/// <summary>The renderer alone: a decision laid out by Decree 30, checked in its DOCX and in LibreOffice's PDF of it.</summary>
public class DocxRendererTests
{
    private const string Url = "https://thidua.quangninh.gov.vn/cong-khai/xac-thuc?ma=3f2a9c1e-7b44-4d0e-9a51-0c6b2e8d1f37";

    /// <summary>A Chairman's decision of 05/01/2026 whose attached list runs over several pages.</summary>
    internal static OfficialDocumentContent Decision(int people = 45) => new()
    {
        Title = "Quyết định số 05/QĐ-UBND về việc khen thưởng",
        IssuingBody = new IssuingBody("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"),
        Number = "05/QĐ-UBND",
        Place = "Quảng Ninh",
        Date = new DateOnly(2026, 1, 5),
        DocumentType = "QUYẾT ĐỊNH",
        Subject = "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        Authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
        LegalBases =
        [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Xét đề nghị của Trưởng ban Ban Thi đua – Khen thưởng tỉnh.",
        ],
        Body =
        [
            new TextParagraph("QUYẾT ĐỊNH:") { Bold = true, Centered = true },
            new Article("Điều 1.", "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể và cá nhân có danh sách kèm theo."),
            new Article("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
            new Article("Điều 3.", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."),
        ],
        Annexes =
        [
            new Annex("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2026 của Chủ tịch Ủy ban nhân dân tỉnh)",
                new DocumentTable(
                    [new("STT", 0.08, CellAlign.Center), new("Họ và tên / Tên tập thể", 0.32), new("Chức vụ, đơn vị", 0.3), new("Hình thức", 0.14, CellAlign.Center), new("Số tiền (đồng)", 0.16, CellAlign.Right)],
                    [DocumentRow.GroupRow("II. CÁ NHÂN"), .. Enumerable.Range(1, people).Select(i => new DocumentRow([$"{i}", $"Nguyễn Văn Người Thứ {i}", "Chuyên viên, Sở Y tế", "Bằng khen", DocumentDates.Money(3_510_000m)]))])),
        ],
        Signature = SignatureBlock.FromTitle("Phó Chủ tịch", "Nguyễn Văn A"),
        Recipients = ["Như Điều 3;", "Chủ tịch, các PCT UBND tỉnh;", "Lưu: VT, TĐKT."],
    };

    [Fact]
    public void TheDecisionIsAValidWordDocument()
    {
        var docx = new DocxRenderer().Render(Decision(), Url);

        Assert.Empty(DocumentTools.ValidationErrors(docx));
    }

    [Fact]
    public void ADeputySignsForTheHead()
    {
        Assert.Equal(new SignatureBlock("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "A"), SignatureBlock.FromTitle("Phó Chủ tịch", "A"));
        Assert.Equal(new SignatureBlock("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "A"), SignatureBlock.FromTitle("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "A"));
        Assert.Equal(new SignatureBlock(null, "CHỦ TỊCH", "A"), SignatureBlock.FromTitle("Chủ tịch", "A"));
    }

    [Theory]
    [InlineData(2026, 1, 5, "ngày 05 tháng 01 năm 2026")]
    [InlineData(2022, 7, 15, "ngày 15 tháng 7 năm 2022")]
    [InlineData(2025, 2, 28, "ngày 28 tháng 02 năm 2025")]
    [InlineData(2025, 12, 9, "ngày 09 tháng 12 năm 2025")]
    public void DatesHaveAZeroBeforeADayBelowTenAndMonthsOneAndTwo(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DocumentDates.Long(new DateOnly(year, month, day)));

    [Fact]
    public void TheFormatInForceIsDecree30WithinItsRanges()
    {
        var format = DocumentFormats.InForce(new DateOnly(2026, 1, 5));

        Assert.Equal("ND30-2020", format.Code);
        Assert.Empty(format.OutOfRange());
        Assert.Equal((20, 20, 30, 15), (format.MarginsMm.Top.Value, format.MarginsMm.Bottom.Value, format.MarginsMm.Left.Value, format.MarginsMm.Right.Value));
        Assert.Throws<InvalidOperationException>(() => DocumentFormats.InForce(new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public async Task ThePdfHasTheDecreesHeaderMarginsAndEmbeddedFonts()
    {
        var pdf = await DocumentTools.PdfAsync(new DocxRenderer().Render(Decision(), Url));

        DocumentTools.Shot(pdf, "renderer-decision");
        DocumentTools.Shot(pdf, "renderer-decision", page: 2);
        var text = DocumentTools.Text(pdf);
        Assert.All(DocumentTools.Fonts(pdf), f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/QĐ-UBND", "Quảng Ninh, ngày 05 tháng 01 năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "Nơi nhận:", "- Lưu: VT, TĐKT.", "3.510.000" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        DocumentLayout.AssertDecree30(pdf, "ỦY", "CỘNG");
    }

    [Fact]
    public async Task TheQrCodeReadsAsTheVerificationAddress()
    {
        var pdf = await DocumentTools.PdfAsync(new DocxRenderer().Render(Decision(people: 3), Url));

        Assert.Contains(Url, DocumentTools.QrCodes(pdf, DocumentTools.Words(pdf).Pages.Count));
    }

    [Fact]
    public void WithoutAnAddressThereIsNoQrCode()
    {
        var docx = new DocxRenderer().Render(Decision(people: 3), null);

        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        Assert.Empty(document.MainDocumentPart!.ImageParts);
    }
}
