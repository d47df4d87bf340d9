using System.Net;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// Who decides, when, and under which number: the Chairman after the council and the notice, a unit for its own
/// certificates; numbers per issuing body and year.
/// </summary>
public class DecisionTests
{
    /// <summary>Sở Xây dựng's nomination, noticed from <see cref="RewardTestData.ChristmasEve"/>; the clock is moved past the notice.</summary>
    private static async Task<int> NoticeEndedAsync(ThiDuaApp app)
    {
        var id = (int)(await NoticedConstructionAsync(app))["id"]!;
        MoveClock(app, AfterChristmasNotice);
        return id;
    }

    private static async Task<JsonNode> ChairmansDecisionAsync(ThiDuaApp app, int id) =>
        await (await DecideAsync(await app.ClientAsync(Board), id, "2027-01-08")).JsonAsync(HttpStatusCode.Created);

    /// <summary>Phạm Thị Dung's certificate, decided by Bãi Cháy on 31 December 2026 under the number it chose: 07.</summary>
    private static async Task SeventhOf2026Async(ThiDuaApp app) =>
        await WardDecisionAsync(app, await OwnCertificateAsync(app, "Phạm Thị Dung"), "2026-12-31", number: "7");

    /// <summary>The Board's decision on <see cref="RewardTestData.AfterChristmasNotice"/>, dated that day.</summary>
    private static async Task<JsonNode> DecisionAfterTheNoticeAsync(ThiDuaApp app) => await ChairmansDecisionAsync(app, await NoticeEndedAsync(app));

    /// <summary>Someone other than Bãi Cháy's leader tries to decide one of the ward's own certificates.</summary>
    private static async Task<HttpResponseMessage> WardCertificateDecidedByAsync(ThiDuaApp app, string userName)
    {
        var id = await OwnCertificateAsync(app, "Lê Văn Cường");
        return await DecideAsync(await app.ClientAsync(userName), id, "2026-12-31");
    }

    [Theory, Providers]
    public async Task BeforeTheNoticeEndsADecisionNeedsTheBoardsReason(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = (int)(await NoticedConstructionAsync(app))["id"]!;

        var response = await DecideAsync(await app.ClientAsync(Board), id, "2026-12-24");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("noticeWaiverReason", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("07/01/2027", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ADecisionBeforeTheNoticeEndsRecordsWhy(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = (int)(await NoticedConstructionAsync(app))["id"]!;

        var decision = await (await DecideAsync(await app.ClientAsync(Board), id, "2026-11-27", waiver: "Kịp trao tại Hội nghị tổng kết ngày 28/11/2026 theo chỉ đạo của Chủ tịch UBND tỉnh."))
            .JsonAsync(HttpStatusCode.Created);

        Assert.StartsWith("Kịp trao", (string?)decision["noticeWaiverReason"], StringComparison.Ordinal);
        var steps = (await NominationAsync(app, id))["steps"]!.AsArray();
        Assert.Contains("quyết định trước khi hết thời gian công khai", (string?)steps[^1]!["reason"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AfterTheNoticeADecisionNeedsNoReason(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);

        var decision = await DecisionAfterTheNoticeAsync(app);

        Assert.Null(decision["noticeWaiverReason"]);
    }

    [Theory, Providers]
    public async Task TheChairmansDecisionsAreNumberedInTheProvincialCommitteesRegister(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);

        var decision = await DecisionAfterTheNoticeAsync(app);

        Assert.Equal("01/QĐ-UBND", (string?)decision["number"]);
    }

    [Theory, Providers]
    public async Task ADecisionComesWithItsWordFileAndItsPdfIsQueued(DatabaseProvider provider)
    {
        // Rendering is off in these tests (Documents:RenderInline=false): the PDF waits in the queue; the documents'
        // own tests (Documents/IssuedDocumentTests) render and sign it.
        await using var app = await StartAtAsync(provider, ChristmasEve);

        var decision = await DecisionAfterTheNoticeAsync(app);

        var board = await app.ClientAsync(Board);
        var docx = await (await board.GetAsync($"/api/v1/documents/{(string)decision["docxDocumentId"]!}/info")).JsonAsync();
        var pdf = await (await board.GetAsync($"/api/v1/documents/{(string)decision["documentId"]!}/info")).JsonAsync();
        Assert.Equal(("docx", "issued"), ((string?)docx["format"], (string?)docx["state"]));
        Assert.Equal(("pdf", "pending"), ((string?)pdf["format"], (string?)pdf["state"]));
        Assert.Equal("01/QĐ-UBND", (string?)pdf["number"]);
    }

    [Theory, Providers]
    public async Task AUnitLeaderDoesNotDecideTheChairmansCertificate(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticeEndedAsync(app);

        var response = await DecideAsync(await app.ClientAsync("soyte.lanhdao"), id, "2027-01-08");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task ADecisionIsNotDatedInTheFuture(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticeEndedAsync(app);

        var response = await DecideAsync(await app.ClientAsync(Board), id, "2027-01-09");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task ANominationIsDecidedOnce(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticeEndedAsync(app);
        await ChairmansDecisionAsync(app, id);

        var response = await DecideAsync(await app.ClientAsync(Board), id, "2027-01-08");

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task ADecisionMakesTheNominationDecided(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticeEndedAsync(app);

        await ChairmansDecisionAsync(app, id);

        Assert.Equal("decided", await StatusAsync(app, id));
    }

    [Theory, Providers]
    public async Task TheDecidedRewardEntersTheUnitsHistory(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticeEndedAsync(app);

        await ChairmansDecisionAsync(app, id);

        var reward = (await (await (await app.ClientAsync(Board)).GetAsync($"/api/v1/rewards?unitCode={Construction}")).JsonAsync())["items"]![0]!;
        Assert.Equal("chairman_certificate", (string?)reward["award"]);
        Assert.Equal("01/QĐ-UBND", (string?)reward["decisionNumber"]);
    }

    [Theory, Providers]
    public async Task AnotherUnitsLeaderDoesNotDecideAUnitsOwnCertificate(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);

        var response = await WardCertificateDecidedByAsync(app, "soyte.lanhdao");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AUnitsReporterDoesNotDecideItsOwnCertificate(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);

        var response = await WardCertificateDecidedByAsync(app, "baichay.baocao");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AUnitNumbersItsOwnDecisionsAfterItsCode(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var id = await OwnCertificateAsync(app, "Lê Văn Cường");

        var number = await WardDecisionAsync(app, id, "2026-12-31");

        Assert.Equal($"01/{BaiChaySuffix}", number);
    }

    [Theory, Providers]
    public async Task ANumberIsGivenOnce(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        await WardDecisionAsync(app, await OwnCertificateAsync(app, "Lê Văn Cường"), "2026-12-31");
        var second = await OwnCertificateAsync(app, "Phạm Thị Dung");

        var response = await DecideAsync(await app.ClientAsync("baichay.lanhdao"), second, "2026-12-31", number: $"01/{BaiChaySuffix}");

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task ANumberOfAnotherIssuingBodyIsRefused(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var id = await OwnCertificateAsync(app, "Phạm Thị Dung");

        var response = await DecideAsync(await app.ClientAsync("baichay.lanhdao"), id, "2026-12-31", number: "07/QĐ-SYT");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task AGivenNumberIsCompletedWithTheIssuingBody(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var id = await OwnCertificateAsync(app, "Phạm Thị Dung");

        var number = await WardDecisionAsync(app, id, "2026-12-31", number: "7");

        Assert.Equal($"07/{BaiChaySuffix}", number);
    }

    [Theory, Providers]
    public async Task NumbersStartAgainOnTheFirstOfJanuary(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var next = await OwnCertificateAsync(app, "Vũ Minh Đức");
        await SeventhOf2026Async(app);
        MoveClock(app, SecondOfJanuary);

        var number = await WardDecisionAsync(app, next, "2027-01-02");

        Assert.Equal($"01/{BaiChaySuffix}", number);
    }

    [Theory, Providers]
    public async Task ADecisionDatedInTheOldYearContinuesTheOldCount(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var late = await OwnCertificateAsync(app, "Hoàng Thị Én");
        var next = await OwnCertificateAsync(app, "Vũ Minh Đức");
        await SeventhOf2026Async(app);
        MoveClock(app, SecondOfJanuary);
        await WardDecisionAsync(app, next, "2027-01-02");

        var number = await WardDecisionAsync(app, late, "2026-12-31");

        Assert.Equal($"08/{BaiChaySuffix}", number);
    }
}
