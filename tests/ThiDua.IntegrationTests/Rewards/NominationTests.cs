using System.Net;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

public class NominationTests
{
    private static async Task<JsonNode> EligibilityAsync(HttpClient client, int id) =>
        await (await client.GetAsync($"/api/v1/nominations/{id}/eligibility")).JsonAsync();

    private static JsonNode Rule(JsonNode eligibility, string rule) =>
        eligibility["reasons"]!.AsArray().Single(r => (string?)r!["rule"] == rule)!;

    [Theory, Providers]
    public async Task EligibilityOfAUnitIsDecidedByItsPublishedDtiAndItsTasks(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var board = await app.ClientAsync("banthidua");
        var construction = await (await board.PostJsonAsync("/api/v1/nominations", FinalNomination(Construction))).JsonAsync(HttpStatusCode.Created);
        var industry = await (await board.PostJsonAsync("/api/v1/nominations", FinalNomination(Industry))).JsonAsync(HttpStatusCode.Created);
        var finance = await (await board.PostJsonAsync("/api/v1/nominations", FinalNomination(Finance))).JsonAsync(HttpStatusCode.Created);

        // Before the 2025 ranking is published nobody is eligible: the rule reads only published results.
        var unpublished = await EligibilityAsync(board, (int)construction["id"]!);
        Assert.False((bool)unpublished["eligible"]!);
        Assert.Equal("DTI 2025: chưa có kết quả đã công bố.", (string?)Rule(unpublished, "dti_good")["detail"]);

        await PublishDepartments2025Async(app);
        var above = await EligibilityAsync(board, (int)construction["id"]!);
        var below = await EligibilityAsync(board, (int)industry["id"]!);
        Assert.True((bool)above["eligible"]!);
        Assert.Equal("DTI 2025: 89,68/100 — đạt loại Tốt (từ 85 điểm).", (string?)Rule(above, "dti_good")["detail"]);
        Assert.False((bool)below["eligible"]!);
        Assert.False((bool)Rule(below, "dti_good")["passed"]!);
        Assert.Equal("DTI 2025: 82,09/100 — dưới ngưỡng Tốt 85.", (string?)Rule(below, "dti_good")["detail"]);
        Assert.True((bool)Rule(below, "tasks_completed")["passed"]!);

        // Sở Tài chính is "Tốt"; a task of the 2022–2025 phase left open makes it ineligible until it is completed.
        var secretariat = await app.ClientAsync("thuongtruc");
        var task = await (await secretariat.PostJsonAsync("/api/v1/tasks", new
        {
            sourceDocument = "59/KH-UBND", code = "59-NV-TEST", title = "Số hoá hồ sơ thủ tục hành chính còn hiệu lực", assigneeUnitCodes = new[] { Finance }, dueDate = "2025-09-30",
        })).JsonAsync(HttpStatusCode.Created);
        var open = await EligibilityAsync(board, (int)finance["id"]!);
        Assert.True((bool)Rule(open, "dti_good")["passed"]!);
        Assert.False((bool)Rule(open, "tasks_completed")["passed"]!);
        Assert.Contains("hoàn thành 0/1 (0 %) — chưa đạt yêu cầu hoàn thành toàn bộ", (string?)Rule(open, "tasks_completed")["detail"]);
        Assert.False((bool)open["eligible"]!);

        await (await secretariat.PostJsonAsync($"/api/v1/tasks/{(int)task["id"]!}/progress", new { unitCode = Finance, percent = 100, completed = true, note = "Đã số hoá 100 %" })).JsonAsync(HttpStatusCode.Created);
        var done = await EligibilityAsync(board, (int)finance["id"]!);
        Assert.True((bool)done["eligible"]!);
        Assert.Contains("hoàn thành 1/1 (100 %) — đạt", (string?)Rule(done, "tasks_completed")["detail"]);
    }

    [Theory, Providers]
    public async Task PeopleAndEnterprisesAreJudgedOnTheChecklistTheBoardTicks(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var board = await app.ClientAsync("banthidua");
        var person = await (await reporter.PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = Movement, round = "final", nomineeKind = "individual",
            person = new { fullName = "Nguyễn Văn Bình", position = "Phó Giám đốc", organization = "Sở Y tế", dateOfBirth = "1978-03-14", gender = "nam" },
            award = "chairman_certificate", achievements = "Sáng kiến bệnh án điện tử áp dụng tại 12 bệnh viện công lập.",
        })).JsonAsync(HttpStatusCode.Created);
        var id = (int)person["id"]!;
        Assert.Equal("SO-YT", (string?)person["proposingUnitCode"]);
        Assert.Equal("Nguyễn Văn Bình, Phó Giám đốc, Sở Y tế", (string?)person["nomineeName"]);

        var before = await EligibilityAsync(board, id);
        Assert.False((bool)before["eligible"]!);
        Assert.Contains(before["reasons"]!.AsArray(), r => (string?)r!["rule"] == "criterion:sang-kien" && !(bool)r["passed"]!);

        await (await reporter.PutJsonAsync($"/api/v1/nominations/{id}/criteria", new[] { new { code = "sang-kien", @checked = true } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.PutJsonAsync($"/api/v1/nominations/{id}/criteria", new[] { new { code = "khong-co", @checked = true } })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await board.PutJsonAsync($"/api/v1/nominations/{id}/criteria", new[]
        {
            new { code = "sang-kien", @checked = true, note = (string?)"Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm 2024" },
            new { code = "thanh-tich-xuat-sac", @checked = true, note = (string?)null },
        })).JsonAsync();
        var after = await EligibilityAsync(board, id);
        Assert.True((bool)after["eligible"]!);
        Assert.Contains(after["reasons"]!.AsArray(), r => ((string?)r!["detail"])!.EndsWith("đạt — Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm 2024.", StringComparison.Ordinal));

        // An enterprise must be one; a unit nominee must not be the province or an enterprise.
        await (await board.PostJsonAsync("/api/v1/nominations", new { movementCode = Movement, round = "final", nomineeKind = "enterprise", unitCode = "SO-YT", award = "chairman_certificate", achievements = "Doanh nghiệp tiêu biểu về chuyển đổi số." }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await board.PostJsonAsync("/api/v1/nominations", new { movementCode = Movement, round = "final", nomineeKind = "individual", award = "chairman_certificate", achievements = "Cá nhân tiêu biểu về chuyển đổi số." }))
            .ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task TheDossierNeedsItsThreeDocumentsAndKeepsEveryVersion(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var leader = await app.ClientAsync("soyte.lanhdao");
        var otherUnit = await app.ClientAsync("baichay.lanhdao");
        var board = await app.ClientAsync("banthidua");

        // Each year a unit rewards within its own authority; the Chairman's certificate waits for the reviews.
        var annual = await (await reporter.PostJsonAsync("/api/v1/nominations", new { movementCode = Movement, round = "annual", year = 2025, nomineeKind = "unit", unitCode = "SO-YT", award = "chairman_certificate", achievements = "Hoàn thành tốt nhiệm vụ năm 2025." }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("sơ kết, tổng kết", (string?)annual["detail"]);
        await (await otherUnit.PostJsonAsync("/api/v1/nominations", FinalNomination("SO-YT"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostRawAsync("/api/v1/nominations", """{"movementCode":"CDS-2022-2025","round":"someday","nomineeKind":"unit","award":"chairman_certificate","achievements":"Thành tích nổi bật"}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);

        var created = await (await reporter.PostJsonAsync("/api/v1/nominations", FinalNomination("SO-YT"))).JsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        Assert.Equal("draft", (string?)created["status"]);
        Assert.Equal(["proposal", "minutes", "achievement_report"], created["missingDocuments"].Strings());

        var proposal = await (await UploadAsync(reporter, id, "proposal", Pdf("To trinh ban 1"), "../../etc/to-trinh.pdf")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("to-trinh.pdf", (string?)proposal["file"]!["fileName"]);
        await (await UploadAsync(reporter, id, "proposal", "Không phải PDF"u8.ToArray(), "gia-mao.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(reporter, id, "invoice", Pdf("x"), "x.pdf")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(otherUnit, id, "minutes", Pdf("x"), "x.pdf")).ProblemAsync(HttpStatusCode.Forbidden);

        // Reporters prepare; only the unit's leader submits, and not before the dossier is complete.
        await (await reporter.PostAsync($"/api/v1/nominations/{id}/submit", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var incomplete = await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["minutes", "achievement_report"], incomplete["errors"]!["documents"].Strings());
        Assert.Contains("Biên bản họp xét duyệt", (string?)incomplete["detail"]);

        await (await UploadAsync(reporter, id, "minutes", Docx("Biên bản họp Hội đồng Thi đua – Khen thưởng Sở Y tế"), "bien-ban.docx")).JsonAsync(HttpStatusCode.Created);
        await (await UploadAsync(reporter, id, "achievement_report", Pdf("Bao cao thanh tich"), "bao-cao.pdf")).JsonAsync(HttpStatusCode.Created);
        var second = await (await UploadAsync(reporter, id, "proposal", Pdf("To trinh ban 2"), "to-trinh-2.pdf")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, (int)second["versionNumber"]!);

        var submitted = await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).JsonAsync();
        Assert.Equal("submitted", (string?)submitted["status"]);
        var documents = submitted["documents"]!.AsArray();
        Assert.Equal(4, documents.Count);
        Assert.Equal([2, 1], documents.Where(d => (string?)d!["kind"] == "proposal").Select(d => (int)d!["versionNumber"]!));
        Assert.All(documents, d => Assert.Matches("^[0-9a-f]{64}$", (string?)d!["file"]!["sha256"]));
        Assert.Empty(submitted["missingDocuments"]!.AsArray());

        // Submitted: the unit can no longer change it; steps out of order are conflicts; other units do not see it.
        await (await UploadAsync(reporter, id, "other", Pdf("x"), "x.pdf")).ProblemAsync(HttpStatusCode.Conflict);
        await (await reporter.PutJsonAsync($"/api/v1/nominations/{id}", new { movementCode = Movement, round = "final", nomineeKind = "unit", unitCode = "SO-YT", award = "chairman_certificate", achievements = "Sửa sau khi trình", version = (int)submitted["version"]! }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await otherUnit.GetAsync($"/api/v1/nominations/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await leader.PostAsync($"/api/v1/nominations/{id}/receive", null)).ProblemAsync(HttpStatusCode.Forbidden);

        // The Board returns it with a reason; the unit corrects, resubmits; the Board receives it.
        await (await board.PostJsonAsync($"/api/v1/nominations/{id}/return", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        var returned = await (await board.PostJsonAsync($"/api/v1/nominations/{id}/return", new { reason = "Báo cáo thành tích chưa có xác nhận của cấp trình." })).JsonAsync();
        Assert.Equal("returned", (string?)returned["status"]);
        await (await UploadAsync(reporter, id, "achievement_report", Pdf("Bao cao thanh tich co xac nhan"), "bao-cao-2.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).JsonAsync();
        await (await board.PostAsync($"/api/v1/nominations/{id}/receive", null)).JsonAsync();
        await (await board.PostAsync($"/api/v1/nominations/{id}/receive", null)).ProblemAsync(HttpStatusCode.Conflict);

        var final = await (await leader.GetAsync($"/api/v1/nominations/{id}")).JsonAsync();
        var steps = final["steps"]!.AsArray();
        Assert.Equal(["draft", "submitted", "returned", "submitted", "received"], steps.Select(s => (string)s!["to"]!));
        var returnStep = steps[2]!;
        Assert.Equal("banthidua", (string?)returnStep["userName"]);
        Assert.Equal("submitted", (string?)returnStep["from"]);
        Assert.Equal("Báo cáo thành tích chưa có xác nhận của cấp trình.", (string?)returnStep["reason"]);
        Assert.Equal("soyte.lanhdao", (string?)steps[1]!["userName"]);

        // Every write is in the audit log.
        var admin = await app.ClientAsync("admin");
        var audit = await (await admin.GetAsync($"/api/v1/audit?entityType=Nomination&entityKey={id}")).JsonAsync();
        Assert.True((int)audit["total"]! >= 5);
    }

    [Theory, Providers]
    public async Task RolesOutsideTheRewardRouteAreRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var member = await app.ClientAsync("hoidong1");
        var inspector = await app.ClientAsync("thanhtra");
        var reporter = await app.ClientAsync("soyte.baocao");
        var anonymous = app.CreateClient();

        await (await member.PostJsonAsync("/api/v1/nominations", FinalNomination("SO-YT"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.PostJsonAsync("/api/v1/council-sessions", new { date = "2026-11-27", nominationIds = new[] { 1 }, memberUserNames = Members })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/decisions", new { date = "2026-11-27", signerName = "A", signerTitle = "B", nominationIds = new[] { 1 } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.GetAsync("/api/v1/council-sessions")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/council-sessions/1/ballots", new { votes = new[] { new { nominationId = 1, choice = "yes" } } })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/rewards")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/open/v1/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/open/v1/rewards")).StatusCode);
    }
}
