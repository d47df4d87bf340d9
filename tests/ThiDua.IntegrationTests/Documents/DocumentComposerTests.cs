using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Core.Errors;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Documents;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Documents;

/// <summary>
/// Every kind of official document drafted from data made through the API, as the other reward tests make it, then
/// rendered: a valid DOCX, and a PDF (LibreOffice) that reads as a Decree 30 document with its QR code.
/// </summary>
public class DocumentComposerTests
{
    private const string Url = "https://thidua.quangninh.gov.vn/cong-khai/xac-thuc?ma=0b8e4a53-2c6f-4f0e-8d3a-5f1c9e7a6b21";

    private static readonly string[] Header = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

    private static async Task<T> ComposeAsync<T>(ThiDuaApp app, Func<DocumentComposer, Task<T>> compose)
    {
        using var scope = app.Services.CreateScope();
        return await compose(scope.ServiceProvider.GetRequiredService<DocumentComposer>());
    }

    /// <summary>
    /// Renders with the app's own renderer, checks the DOCX and the PDF, saves a picture of page 1 when asked; returns the
    /// PDF's text. The data is read on both databases; the PDF is made once, on SQLite (LibreOffice takes seconds and
    /// renders the same DOCX alike): on PostgreSQL the expected texts are looked for in the DOCX itself.
    /// </summary>
    private static async Task<string> RenderAsync(ThiDuaApp app, OfficialDocumentContent content, string shot, string issuingBodyFirstWord, params string[] expected)
    {
        var docx = app.Services.GetRequiredService<DocxRenderer>().Render(content, Url);
        Assert.Empty(DocumentTools.ValidationErrors(docx));
        if (app.Database.Provider != DatabaseProvider.Sqlite)
        {
            var words = OneSpace(DocumentTools.DocxText(docx));
            foreach (var line in Header.Concat([content.NumberLine.Split(' ')[0], content.PlaceAndDate, content.SignerTitle]).Concat(expected))
            {
                Assert.Contains(OneSpace(line), words, StringComparison.Ordinal);
            }
            return words;
        }
        var pdf = await DocumentTools.PdfAsync(docx);
        DocumentTools.Shot(pdf, shot);
        Assert.All(DocumentTools.Fonts(pdf), f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        // Lines wrap where LibreOffice breaks them: compare with runs of white space as one space.
        var text = OneSpace(DocumentTools.Text(pdf));
        foreach (var line in Header.Concat([content.NumberLine.Split(' ')[0], content.PlaceAndDate, content.SignerTitle]).Concat(expected))
        {
            Assert.Contains(OneSpace(line), text, StringComparison.Ordinal);
        }
        DocumentLayout.AssertDecree30(pdf, issuingBodyFirstWord);
        Assert.Contains(Url, DocumentTools.QrCodes(pdf, DocumentTools.Words(pdf).Pages.Count));
        return text;
    }

    private static string OneSpace(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Theory, Providers]
    public async Task TheChairmansDecisionListsTheRewardAndItsMoney(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = (int)(await NoticedConstructionAsync(app))["id"]!;
        MoveClock(app, AfterChristmasNotice);
        var decision = await (await DecideAsync(await app.ClientAsync(Board), id, "2027-01-08")).JsonAsync(HttpStatusCode.Created);

        var content = await ComposeAsync(app, c => c.DecisionAsync((int)decision["id"]!));

        Assert.Equal(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"), (content.IssuingBody.ParentLine, content.IssuingBody.Line));
        Assert.Equal(new SignatureBlock("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"), content.Signature);
        Assert.Equal("Lưu: VT, TĐKT.", content.Recipients[^1]);
        Assert.EndsWith(".", content.LegalBases[^1], StringComparison.Ordinal);
        var text = await RenderAsync(app, content, "quyet-dinh", "ỦY",
            "Số: 01/QĐ-UBND", "Quảng Ninh, ngày 08 tháng 01 năm 2027", "QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "Căn cứ Luật Thi đua, khen thưởng",
            "Nghị định số 152/2025/NĐ-CP", "Quyết định số 2025/QĐ-UBND", "Điều 1.", "Điều 3.", "KT. CHỦ TỊCH", "Nguyễn Văn A", "Nơi nhận:", "Sở Xây dựng",
            "7.020.000", "(Kèm theo Quyết định số 01/QĐ-UBND ngày 08/01/2027");
        Assert.DoesNotContain("Số: 1/", text, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AWardsCertificateIsIssuedByItsPeoplesCommittee(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var nomination = await OwnCertificateAsync(app, "Phạm Thị Dung");
        var decision = await (await DecideAsync(await app.ClientAsync("baichay.lanhdao"), nomination, "2026-12-31")).JsonAsync(HttpStatusCode.Created);

        var content = await ComposeAsync(app, c => c.DecisionAsync((int)decision["id"]!));

        Assert.Equal(("ỦY BAN NHÂN DÂN", "PHƯỜNG BÃI CHÁY"), (content.IssuingBody.ParentLine, content.IssuingBody.Line));
        Assert.Equal("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BÃI CHÁY", content.Authority);
        await RenderAsync(app, content, "quyet-dinh-giay-khen", "ỦY", "Số: 01/QĐ-UBND", "Về việc tặng Giấy khen", "Phạm Thị Dung");
    }

    [Theory, Providers]
    public async Task ANominationsProposalComesFromItsUnitAndItsLeader(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (_, id) = await HealthSubmittedAsync(app);

        var content = await ComposeAsync(app, c => c.ProposalAsync(id));

        Assert.Equal(("UBND TỈNH QUẢNG NINH", "SỞ Y TẾ"), (content.IssuingBody.ParentLine, content.IssuingBody.Line));
        Assert.Equal(("GIÁM ĐỐC", "Bùi Văn Thắng"), (content.SignerTitle, content.SignerName));
        await RenderAsync(app, content, "to-trinh", "UBND", "Số:", "/TTr-SYT", "TỜ TRÌNH", "Kính gửi:", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh",
            "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Hoàn thành 100 % nhiệm vụ chuyển đổi số", "Bùi Văn Thắng");
    }

    [Theory, Providers]
    public async Task TheStateProposalGoesToThePrimeMinisterWithItsList(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await PassedStateAwardAsync(app);
        var proposal = await (await (await app.ClientAsync(Board)).PostJsonAsync("/api/v1/state-proposals",
            new { date = "2026-12-11", signerName = "Nguyễn Văn A", signerTitle = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", nominationIds = new[] { id } })).JsonAsync(HttpStatusCode.Created);

        var content = await ComposeAsync(app, c => c.StateProposalAsync((int)proposal["id"]!));

        await RenderAsync(app, content, "to-trinh-nha-nuoc", "ỦY", "Số: 01/TTr-UBND", "Quảng Ninh, ngày 11 tháng 12 năm 2026", "Thủ tướng Chính phủ",
            "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG CẤP NHÀ NƯỚC", "Sở Xây dựng");
    }

    [Theory, Providers]
    public async Task TheMinutesNameWhoSatAndCountTheVotesWithoutABallot(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await ReceivedConstructionAsync(app);
        var session = (int)(await SessionAsync(app, [id]))["id"]!;
        await VoteAsync(app, "hoidong1", session, (id, "yes"));
        await VoteAsync(app, "hoidong2", session, (id, "no"));
        var open = await Assert.ThrowsAsync<DomainException>(() => ComposeAsync(app, c => c.MinutesAsync(session)));
        await CloseByBoardAsync(app, session);

        var content = await ComposeAsync(app, c => c.MinutesAsync(session));

        Assert.Contains("chưa kết thúc", open.Message, StringComparison.Ordinal);
        var text = await RenderAsync(app, content, "bien-ban", "UBND", "BIÊN BẢN", "Thành viên có mặt: Lê Thị Lan, Phạm Quang Minh.", "Thành viên vắng mặt: Đỗ Văn Nam.",
            "Không thông qua", "CHỦ TỌA", "THƯ KÝ", "Trần Văn Hùng");
        // Only counts: one yes and one no, no member beside a choice.
        Assert.Contains("Sở Xây dựng 1 1 0", text, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task TheConsolidatedReportIsDraftedFromTheYearsData(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var content = await ComposeAsync(app, c => c.ConsolidatedReportAsync(Movement, 2024));

        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", content.IssuingBody.Line);
        await RenderAsync(app, content, "bao-cao-tong-hop", "UBND", "BÁO CÁO", "/BC-SKHCN", "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ninh.",
            "I. TRIỂN KHAI, ĐĂNG KÝ THI ĐUA", "III. KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI)", "GIÁM ĐỐC");
    }

    [Theory, Providers]
    public async Task ThePublishedRankingIsANoticeWithATablePerTypeOfUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        // The demo data publishes the 2024 rankings; 2025's are not published.
        var unpublished = await Assert.ThrowsAsync<NotFoundException>(() => ComposeAsync(app, c => c.RankingAsync("QN-DTI-2025-SO")));

        var content = await ComposeAsync(app, c => c.RankingAsync(JudgedDepartments));

        Assert.Contains("chưa được công bố", unpublished.Message, StringComparison.Ordinal);
        Assert.Contains(content.Body, b => b is DocumentTable);
        await RenderAsync(app, content, "xep-hang-dti", "UBND", "THÔNG BÁO", "Kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm 2024", "Hạng", "Sở Ngoại vụ", "SHA-256");
    }

    [Theory, Providers]
    public async Task AMissingDocumentIsNotFound(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        await Assert.ThrowsAsync<NotFoundException>(() => ComposeAsync(app, c => c.DecisionAsync(999_999)));
        await Assert.ThrowsAsync<NotFoundException>(() => ComposeAsync(app, c => c.MinutesAsync(999_999)));
        await Assert.ThrowsAsync<NotFoundException>(() => ComposeAsync(app, c => c.StateProposalAsync(999_999)));
        await Assert.ThrowsAsync<NotFoundException>(() => ComposeAsync(app, c => c.ProposalAsync(999_999)));
    }

    /// <summary>A state-award nomination of Sở Xây dựng, noticed ten working days before the council and passed by its three members (as RulesInForceTests).</summary>
    private static async Task<int> PassedStateAwardAsync(ThiDuaApp app)
    {
        await PublishJudgedRankingAsync(app);
        var leader = await LeaderOfAsync(app, Construction);
        var id = (int)(await NominateAsync(leader, FinalNomination(Construction, "state_award")))["id"]!;
        await UploadDossierAsync(leader, id);
        await SubmitAsync(leader, id);
        await ReceiveAsync(app, id);
        await TickChecklistAsync(app, id);
        await NoticeAsync(app, id);
        MoveClock(app, new DateTimeOffset(2026, 12, 11, 9, 0, 0, Vietnam));
        await UnanimousAsync(app, (int)(await SessionAsync(app, [id], date: "2026-12-11"))["id"]!, id);
        return id;
    }
}
