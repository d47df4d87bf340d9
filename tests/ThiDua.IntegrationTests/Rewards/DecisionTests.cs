using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

public class DecisionTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>A department's nomination through council (three yes) to public notice.</summary>
    private static async Task<JsonNode> NoticedAsync(ThiDuaApp app, string unitCode)
    {
        var id = await ReceivedAsync(app, unitCode);
        var session = await SessionAsync(app, [id]);
        foreach (var member in Members)
        {
            await VoteAsync(app, member, (int)session["id"]!, (id, "yes"));
        }
        var board = await app.ClientAsync("banthidua");
        await (await board.PostAsync($"/api/v1/council-sessions/{(int)session["id"]!}/close", null)).JsonAsync();
        return await (await board.PostJsonAsync($"/api/v1/nominations/{id}/notice", new { })).JsonAsync();
    }

    private static object Decision(int[] nominationIds, string date, string? number = null, string? waiver = null) => new
    {
        number, date, signerName = "Nguyễn Văn A", signerTitle = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", nominationIds, noticeWaiverReason = waiver,
    };

    [Theory, Providers]
    public async Task TheNoticeRunsTenWorkingDaysAndTheDecisionWaitsForItUnlessTheBoardSaysWhy(DatabaseProvider provider)
    {
        // Thursday 24 December 2026: ten working days skip two weekends and New Year's Day, ending Thursday 7 January 2027.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 9, 0, 0, Vietnam));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);
        await PublishDepartments2025Async(app);
        var noticed = await NoticedAsync(app, Construction);
        var id = (int)noticed["id"]!;
        Assert.Equal("publicly_noticed", (string?)noticed["status"]);
        Assert.Equal("2026-12-24", (string?)noticed["noticeStart"]);
        Assert.Equal("2027-01-07", (string?)noticed["noticeEnd"]);

        // The public sees it and comments without an account; the Board reads the comment.
        var anonymous = app.CreateClient();
        var notices = await (await anonymous.GetAsync("/api/open/v1/notices")).JsonAsync();
        var notice = notices.AsArray().Single(n => (int)n!["nominationId"]! == id)!;
        Assert.Equal("2027-01-07", (string?)notice["noticeEnd"]);
        Assert.DoesNotContain("steps", notice.Text(), StringComparison.Ordinal);
        var receipt = await (await anonymous.PostJsonAsync($"/api/open/v1/notices/{id}/comments", new { name = "Trần Thị B", contact = "0912 345 678", body = "Tôi xác nhận Sở Xây dựng đã số hoá toàn bộ hồ sơ cấp phép." }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Null(receipt["contact"]);
        await (await anonymous.PostJsonAsync($"/api/open/v1/notices/{id}/comments", new { body = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.PostJsonAsync("/api/open/v1/notices/999999/comments", new { body = "Ý kiến về hồ sơ không có" })).ProblemAsync(HttpStatusCode.NotFound);
        var board = await app.ClientAsync("banthidua");
        var comments = await (await board.GetAsync($"/api/v1/nominations/{id}/comments")).JsonAsync();
        Assert.Equal("0912 345 678", (string?)comments[0]!["contact"]);
        await (await (await app.ClientAsync("soyte.lanhdao")).GetAsync($"/api/v1/nominations/{id}/comments")).ProblemAsync(HttpStatusCode.Forbidden);

        // Before the notice ends a decision needs the Board's reason.
        var early = await (await board.PostJsonAsync("/api/v1/decisions", Decision([id], "2026-12-24"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("noticeWaiverReason", early["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("07/01/2027", (string?)early["detail"]);

        // After the last day the public can no longer comment and the decision needs no reason.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 8, 8, 0, 0, Vietnam));
        app.ForgetTokens();
        board = await app.ClientAsync("banthidua");
        await (await anonymous.PostJsonAsync($"/api/open/v1/notices/{id}/comments", new { body = "Ý kiến gửi muộn sau thời hạn" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty((await (await anonymous.GetAsync("/api/open/v1/notices")).JsonAsync()).AsArray());
        await (await (await app.ClientAsync("soyte.lanhdao")).PostJsonAsync("/api/v1/decisions", Decision([id], "2027-01-08"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.PostJsonAsync("/api/v1/decisions", Decision([id], "2027-01-09"))).ProblemAsync(HttpStatusCode.BadRequest);
        var decision = await (await board.PostJsonAsync("/api/v1/decisions", Decision([id], "2027-01-08"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("01/QĐ-UBND", (string?)decision["number"]);
        Assert.Null(decision["documentId"]);
        Assert.Null(decision["docxDocumentId"]);
        Assert.Null(decision["noticeWaiverReason"]);
        await (await board.PostJsonAsync("/api/v1/decisions", Decision([id], "2027-01-08"))).ProblemAsync(HttpStatusCode.Conflict);

        var history = await (await board.GetAsync($"/api/v1/rewards?unitCode={Construction}")).JsonAsync();
        var reward = history["items"]![0]!;
        Assert.Equal("chairman_certificate", (string?)reward["award"]);
        Assert.Equal("01/QĐ-UBND", (string?)reward["decisionNumber"]);
        Assert.Equal("decided", (string?)(await (await board.GetAsync($"/api/v1/nominations/{id}")).JsonAsync())["status"]);
    }

    [Theory, Providers]
    public async Task ADecisionBeforeTheNoticeEndsRecordsWhy(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishDepartments2025Async(app);
        var id = (int)(await NoticedAsync(app, Construction))["id"]!;
        var board = await app.ClientAsync("banthidua");
        var decision = await (await board.PostJsonAsync("/api/v1/decisions", Decision([id], "2026-11-27", waiver: "Kịp trao tại Hội nghị tổng kết ngày 28/11/2026 theo chỉ đạo của Chủ tịch UBND tỉnh.")))
            .JsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("Kịp trao", (string?)decision["noticeWaiverReason"]);
        var steps = (await (await board.GetAsync($"/api/v1/nominations/{id}")).JsonAsync())["steps"]!.AsArray();
        Assert.Contains("quyết định trước khi hết thời gian công khai", (string?)steps[^1]!["reason"]);
    }

    [Theory, Providers]
    public async Task NumbersFollowTheIssuingBodyAndRestartOnTheFirstOfJanuary(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 9, 0, 0, Vietnam));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");

        async Task<int> SubmittedAsync(string fullName)
        {
            var created = await (await reporter.PostJsonAsync("/api/v1/nominations", new
            {
                movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
                person = new { fullName, position = "Công chức Văn hoá – Xã hội", organization = "UBND phường Bãi Cháy" },
                award = "unit_certificate", achievements = "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.",
            })).JsonAsync(HttpStatusCode.Created);
            var id = (int)created["id"]!;
            // The unit's own certificate needs no dossier for the Chairman.
            await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).JsonAsync();
            return id;
        }

        var first = await SubmittedAsync("Lê Văn Cường");
        var second = await SubmittedAsync("Phạm Thị Dung");
        var third = await SubmittedAsync("Vũ Minh Đức");
        var fourth = await SubmittedAsync("Hoàng Thị Én");

        // The Board does not receive a unit's own certificate; another unit's leader cannot decide it.
        await (await (await app.ClientAsync("banthidua")).PostAsync($"/api/v1/nominations/{first}/receive", null)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await (await app.ClientAsync("soyte.lanhdao")).PostJsonAsync("/api/v1/decisions", Decision([first], "2026-12-31"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/decisions", Decision([first], "2026-12-31"))).ProblemAsync(HttpStatusCode.Forbidden);

        const string suffix = "QĐ-X2025-06673-BAICHAY";
        var d1 = await (await leader.PostJsonAsync("/api/v1/decisions", Decision([first], "2026-12-31"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"01/{suffix}", (string?)d1["number"]);
        await (await leader.PostJsonAsync("/api/v1/decisions", Decision([second], "2026-12-31", number: $"01/{suffix}"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await leader.PostJsonAsync("/api/v1/decisions", Decision([second], "2026-12-31", number: "07/QĐ-UBND"))).ProblemAsync(HttpStatusCode.BadRequest);
        var d7 = await (await leader.PostJsonAsync("/api/v1/decisions", Decision([second], "2026-12-31", number: "7"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"07/{suffix}", (string?)d7["number"]);

        // 1 January: the count starts again; a decision dated in the old year continues the old count.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 9, 0, 0, Vietnam));
        app.ForgetTokens();
        leader = await app.ClientAsync("baichay.lanhdao");
        var next = await (await leader.PostJsonAsync("/api/v1/decisions", Decision([third], "2027-01-02"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"01/{suffix}", (string?)next["number"]);
        var late = await (await leader.PostJsonAsync("/api/v1/decisions", Decision([fourth], "2026-12-31"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"08/{suffix}", (string?)late["number"]);

        // The rewards are in the history: by person (diacritics optional), unit, year, decision; as XLSX; in the statistics.
        var history = await (await leader.GetAsync("/api/v1/rewards?q=le van cuong")).JsonAsync();
        Assert.Equal("Lê Văn Cường", (string?)history["items"]![0]!["personFullName"]);
        Assert.Equal("X2025-06673-BAICHAY", (string?)history["items"]![0]!["unitCode"]);
        // The search's year is the year the reward is for (all four are for 2026); the statistics count by the decision's year.
        Assert.Equal(4, (int)(await (await leader.GetAsync("/api/v1/rewards?year=2026&unitCode=X2025-06673-BAICHAY")).JsonAsync())["total"]!);
        Assert.Equal(1, (int)(await (await leader.GetAsync($"/api/v1/rewards?decision={Uri.EscapeDataString($"07/{suffix}")}")).JsonAsync())["total"]!);
        Assert.Equal(0, (int)(await (await leader.GetAsync("/api/v1/rewards?award=chairman_certificate")).JsonAsync())["total"]!);
        await (await leader.GetAsync("/api/v1/rewards?award=gold_medal")).ProblemAsync(HttpStatusCode.BadRequest);

        var person = await (await leader.GetAsync($"/api/v1/rewards/person?fullName={Uri.EscapeDataString("PHẠM THỊ DUNG")}")).JsonAsync();
        Assert.Single(person.AsArray());

        var export = await leader.GetAsync("/api/v1/rewards/export?unitCode=X2025-06673-BAICHAY");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        using (var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(4, rows.Count);
            Assert.Contains(rows, r => (string)r["Số quyết định"] == $"08/{suffix}" && (string)r["Họ và tên"] == "Hoàng Thị Én" && (string)r["Ngày quyết định"] == "31/12/2026");
        }

        var statistics = await (await leader.GetAsync("/api/v1/rewards/statistics?year=2026")).JsonAsync();
        Assert.Equal(3, (int)statistics["total"]!);
        Assert.Equal(3, (int)statistics["decisions"]!);
        var row = statistics["byAwardAndKind"]![0]!;
        Assert.Equal(("unit_certificate", "individual", 3), ((string)row["award"]!, (string)row["nomineeKind"]!, (int)row["count"]!));
        Assert.Equal(1, (int)(await (await leader.GetAsync("/api/v1/rewards/statistics?year=2027")).JsonAsync())["total"]!);

        // Open data: the decision's public content, without birth dates.
        var open = await (await app.CreateClient().GetAsync("/api/open/v1/rewards?year=2026")).JsonAsync();
        Assert.Equal(4, (int)open["total"]!);
        Assert.DoesNotContain("dateOfBirth", open.Text(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, Providers]
    public async Task HolidaysAddedByTheAdministratorLengthenTheNotice(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");
        var holidays = await (await admin.GetAsync("/api/v1/holidays?year=2027")).JsonAsync();
        Assert.Contains(holidays.AsArray(), h => (string?)h!["date"] == "2027-02-06" && (string?)h["name"] == "Tết Nguyên đán");
        await (await admin.PostJsonAsync("/api/v1/holidays", new { date = "2027-01-01", name = "Tết Dương lịch" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync("/api/v1/holidays", new { date = "9999-12-31", name = "Ngày không có thật" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/holidays?year=3000")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await (await app.ClientAsync("banthidua")).PostJsonAsync("/api/v1/holidays", new { date = "2026-12-01", name = "Nghỉ bù" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostJsonAsync("/api/v1/holidays", new { date = "2026-12-01", name = "Ngày nghỉ bù theo thông báo của Chính phủ" })).JsonAsync(HttpStatusCode.Created);

        await PublishDepartments2025Async(app);
        var noticed = await NoticedAsync(app, Construction);
        // Friday 27 November 2026, ten working days without Tuesday 1 December: Friday 11 December.
        Assert.Equal("2026-12-11", (string?)noticed["noticeEnd"]);
        await (await admin.DeleteAsync("/api/v1/holidays/2026-12-01")).EnsureSuccessStatusCodeAsync();
        await (await admin.DeleteAsync("/api/v1/holidays/2027-01-01")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

internal static class ResponseExtensions
{
    public static async Task EnsureSuccessStatusCodeAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
