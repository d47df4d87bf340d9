using System.Net;
using System.Text.RegularExpressions;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

public class RewardPagesTests
{
    [Fact]
    public async Task AUnitStartsADossierOnThePageAndSeesWhatItLacks()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.PageClientAsync("soyte.baocao");

        var list = await reporter.GetStringAsync("/khen-thuong");
        Assert.Contains("Lập hồ sơ đề nghị khen thưởng", list, StringComparison.Ordinal);
        Assert.Contains("Bằng khen của Chủ tịch UBND tỉnh", list, StringComparison.Ordinal);

        var badYear = await reporter.PostFormAsync("/khen-thuong", new()
        {
            ["Form.Round"] = "Annual", ["Form.Year"] = "năm ngoái", ["Form.NomineeKind"] = "Unit", ["Form.UnitCode"] = "SO-YT",
            ["Form.Award"] = "UnitCertificate", ["Form.Achievements"] = "Hoàn thành tốt nhiệm vụ chuyển đổi số năm 2025.",
        });
        var badYearHtml = await badYear.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, badYear.StatusCode);
        Assert.Contains("không hợp lệ", badYearHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", badYearHtml, StringComparison.Ordinal);

        var created = await reporter.PostFormAsync("/khen-thuong", new()
        {
            ["Form.Round"] = "Final", ["Form.NomineeKind"] = "Unit", ["Form.UnitCode"] = "SO-YT",
            ["Form.Award"] = "ChairmanCertificate", ["Form.Achievements"] = "Triển khai bệnh án điện tử tại 100 % bệnh viện tuyến tỉnh.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.Matches(@"^/khen-thuong/\d+$", location);

        var page = await reporter.GetStringAsync(location);
        Assert.Contains("Còn thiếu: Tờ trình đề nghị khen thưởng; Biên bản họp xét duyệt của Hội đồng Thi đua – Khen thưởng; Báo cáo thành tích.", page, StringComparison.Ordinal);
        // The final review of 2025 judges DTI 2024, which the province published (Sở Y tế is below the line of Tốt).
        Assert.Contains((await PublishedDtiAsync(app, Health)).BelowGoodDetail, page, StringComparison.Ordinal);
        Assert.Contains("Đang soạn", page, StringComparison.Ordinal);
        // A reporter prepares the dossier; the submit button is the leader's.
        Assert.DoesNotContain("id=\"submit\"", page, StringComparison.Ordinal);
        var leaderPage = await (await app.PageClientAsync("soyte.lanhdao")).GetStringAsync(location);
        Assert.Contains("id=\"submit\"", leaderPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CouncilPagesAreForTheBoardAndMembersAndTheNoticeIsPublic()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        await PublishJudgedRankingAsync(app);
        var id = await ReceivedAsync(app, Construction);
        var board = await app.PageClientAsync("banthidua");

        var council = await board.GetStringAsync("/khen-thuong/hoi-dong");
        Assert.Contains($"value=\"{id}\"", council, StringComparison.Ordinal);
        var created = await board.PostFormAsync("/khen-thuong/hoi-dong", new()
        {
            ["date"] = "2026-11-27", ["title"] = "Phiên họp xét Bằng khen tổng kết", ["quorumPercent"] = "66,67", ["thresholdPercent"] = "70",
            ["nominationIds"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["memberUserNames"] = "hoidong1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sessionUrl = created.Headers.Location!.ToString();

        var denied = await (await app.PageClientAsync("soyte.baocao")).GetAsync("/khen-thuong/hoi-dong");
        Assert.Contains("/loi/403", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        var member = await app.PageClientAsync("hoidong1");
        var ballot = await member.GetStringAsync(sessionUrl);
        Assert.Contains("Phiếu bầu của bạn", ballot, StringComparison.Ordinal);
        var voted = await member.PostFormAsync(sessionUrl, new() { ["votes[0].NominationId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["votes[0].Choice"] = "Yes" }, handler: "Vote");
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        var after = await member.GetStringAsync(sessionUrl);
        Assert.Contains("Bạn đã bỏ phiếu", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Phiếu bầu của bạn", after, StringComparison.Ordinal);

        await board.PostFormAsync(sessionUrl, [], handler: "Close");
        var closed = await board.GetStringAsync(sessionUrl);
        Assert.Contains("Thông qua", closed, StringComparison.Ordinal);
        var zeroDays = await board.PostFormAsync($"/khen-thuong/{id}", new() { ["workingDays"] = "0" }, handler: "Notice");
        Assert.Equal(HttpStatusCode.OK, zeroDays.StatusCode);
        Assert.Contains("Thời gian công khai từ 1 đến 60 ngày làm việc.", await zeroDays.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await board.PostFormAsync($"/khen-thuong/{id}", new() { ["workingDays"] = "10" }, handler: "Notice");

        var anonymous = app.CreateClient();
        var notice = await anonymous.GetStringAsync("/cong-khai/khen-thuong");
        Assert.Contains("Sở Xây dựng", notice, StringComparison.Ordinal);
        Assert.Contains("đến hết ngày 10/12/2026", notice, StringComparison.Ordinal);
        var comment = await anonymous.PostFormAsync("/cong-khai/khen-thuong", new() { ["nominationId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["body"] = "Đồng ý với đề nghị khen thưởng." }, handler: "Comment");
        // The anonymous client follows the redirect to the page with its thanks.
        Assert.Contains("Cảm ơn bạn. Ý kiến đã được gửi tới Ban Thi đua – Khen thưởng tỉnh.", await comment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = await anonymous.PostFormAsync("/cong-khai/khen-thuong", new() { ["nominationId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["body"] = "" }, handler: "Comment");
        Assert.Contains("Hãy viết ý kiến", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var boardView = await board.GetStringAsync($"/khen-thuong/{id}");
        Assert.Contains("Đồng ý với đề nghị khen thưởng.", boardView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistoryPagesSearchAndCount()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");
        var created = await (await reporter.PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName = "Trịnh Thị Giang", position = "Công chức Tư pháp – Hộ tịch", organization = "UBND phường Bãi Cháy" },
            award = "unit_certificate", achievements = "Số hoá 12.000 hồ sơ hộ tịch.",
        })).JsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        await (await leader.PostAsync($"/api/v1/nominations/{id}/submit", null)).JsonAsync();
        await (await leader.PostJsonAsync("/api/v1/decisions", new { date = "2026-11-27", signerName = "Phan Văn Long", signerTitle = "CHỦ TỊCH", nominationIds = new[] { id } })).JsonAsync(HttpStatusCode.Created);

        var pages = await app.PageClientAsync("lanhdao");
        var history = await pages.GetStringAsync("/khen-thuong/lich-su?q=trinh+thi+giang");
        Assert.Contains("Trịnh Thị Giang", history, StringComparison.Ordinal);
        Assert.Contains("01/QĐ-UBND", history, StringComparison.Ordinal);
        Assert.Contains("27/11/2026", history, StringComparison.Ordinal);
        Assert.Contains("Thống kê khen thưởng năm 2026", history, StringComparison.Ordinal);
        var unit = await pages.GetStringAsync("/khen-thuong/don-vi/X2025-06673-BAICHAY");
        Assert.Contains("Trịnh Thị Giang", unit, StringComparison.Ordinal);
        var person = await pages.GetStringAsync("/khen-thuong/ca-nhan?hoTen=Tr%E1%BB%8Bnh%20Th%E1%BB%8B%20Giang");
        Assert.Contains("Giấy khen của đơn vị", person, StringComparison.Ordinal);
        var decisions = await pages.GetStringAsync("/khen-thuong/quyet-dinh");
        Assert.Contains("01/QĐ-UBND", decisions, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/khen-thuong/don-vi/KHONG-CO")).StatusCode);
    }

    [Fact]
    public async Task TheCalendarPageShowsTheYearsDaysOffAndTheAdministratorRecordsTheArrangement()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.PageClientAsync("soyte.baocao");
        var admin = await app.PageClientAsync("admin");

        var year2025 = await reporter.GetStringAsync("/lich-lam-viec?nam=2025");
        var byReporter = await reporter.PostFormAsync("/lich-lam-viec?nam=2027", new() { ["date"] = "2027-03-20", ["kind"] = "WorkingDay", ["name"] = "Làm bù" }, handler: "Add");
        var added = await admin.PostFormAsync("/lich-lam-viec?nam=2027", new() { ["date"] = "2027-03-20", ["kind"] = "WorkingDay", ["name"] = "Làm bù cho thứ Hai 15/03/2027" }, handler: "Add");
        var weekday = await admin.PostFormAsync("/lich-lam-viec?nam=2027", new() { ["date"] = "2027-03-22", ["kind"] = "WorkingDay", ["name"] = "Không phải cuối tuần" }, handler: "Add");
        var year2027 = await admin.GetStringAsync("/lich-lam-viec?nam=2027");

        Assert.Contains("27/01/2025", year2025, StringComparison.Ordinal);
        Assert.Contains("Nghỉ bù (Điều 111)", year2025, StringComparison.Ordinal);
        Assert.Contains("26/04/2025", year2025, StringComparison.Ordinal);
        Assert.DoesNotContain("asp-page-handler", year2025, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi vào lịch", year2025, StringComparison.Ordinal);
        Assert.Contains("/loi/403", byReporter.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, weekday.StatusCode);
        Assert.Contains("ngày thường", await weekday.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Làm bù cho thứ Hai 15/03/2027", year2027, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRulesPageShowsTheSetsInForceWithTheirSourcesAndTheCouncil()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var board = await app.PageClientAsync("banthidua");
        var reporter = await app.PageClientAsync("soyte.baocao");

        var today = await board.GetStringAsync("/khen-thuong/quy-tac");
        var before = await reporter.GetStringAsync("/khen-thuong/quy-tac?ngay=2025-06-30");

        Assert.Contains("Nghị định 152/2025/NĐ-CP", today, StringComparison.Ordinal);
        Assert.Contains("cá nhân 1,5", today, StringComparison.Ordinal);
        Assert.Contains("Hội đồng Thi đua – Khen thưởng tỉnh Quảng Ninh", today, StringComparison.Ordinal);
        Assert.Contains("cá nhân 1,0", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"council-", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormNominatesForARoundOfAnotherMovement()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        await (await (await app.ClientAsync("thuongtruc")).PostJsonAsync("/api/v1/movements", new
        {
            code = "CDS-2026-2030", name = "Phong trào thi đua Chuyển đổi số toàn diện giai đoạn 2026–2030", startDate = "2026-01-01", endDate = "2030-12-31",
            rounds = new[] { new { kind = "midterm", year = 2028, reviewDate = "2028-12-15" } },
        })).JsonAsync(HttpStatusCode.Created);
        var board = await app.PageClientAsync(Board);

        var form = await board.GetStringAsync("/khen-thuong");
        var created = await board.PostFormAsync("/khen-thuong", new()
        {
            ["Form.MovementCode"] = "CDS-2026-2030", ["Form.Round"] = "Midterm", ["Form.Year"] = "2028", ["Form.NomineeKind"] = "Unit", ["Form.UnitCode"] = ForeignAffairs,
            ["Form.Award"] = "ChairmanCertificate", ["Form.Achievements"] = "Dẫn đầu khối sở, ngành về chuyển đổi số giai đoạn 2026–2028.",
        });
        var missing = await board.PostFormAsync("/khen-thuong", new()
        {
            ["Form.MovementCode"] = "CDS-2026-2030", ["Form.Round"] = "Final", ["Form.Year"] = "2029", ["Form.NomineeKind"] = "Unit", ["Form.UnitCode"] = ForeignAffairs,
            ["Form.Award"] = "ChairmanCertificate", ["Form.Achievements"] = "Dẫn đầu khối sở, ngành về chuyển đổi số.",
        });

        Assert.Contains("value=\"CDS-2026-2030\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Sơ kết năm 2028", await board.GetStringAsync(created.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("không có đợt tổng kết năm 2029", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOptionalCriterionNotYetConfirmedShowsNoTick()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.ClientAsync("admin");
        await (await admin.PostJsonAsync("/api/v1/units", new { code = "DN-SO-HOA", name = "Công ty Cổ phần Số hoá Hạ Long", type = "enterprise", validFrom = "2022-01-01" })).JsonAsync(HttpStatusCode.Created);
        var id = (int)(await NominateAsync(await app.ClientAsync(Board), new
        {
            movementCode = Movement, round = "final", nomineeKind = "enterprise", unitCode = "DN-SO-HOA", proposingUnitCode = Health, award = "chairman_certificate", achievements = "Nền tảng số cho 300 hợp tác xã.",
        }))["id"]!;

        var page = await (await app.PageClientAsync(Board)).GetStringAsync($"/khen-thuong/{id}");

        // "Made in Vietnam" is optional: unconfirmed, it does not block, and shows a neutral mark, not a green tick.
        var optional = Regex.Match(page, @"<li><i class=""bi ([^""]+)""[^>]*></i> Sản phẩm sáng tạo[^<]*chưa xác nhận").Groups[1].Value;
        Assert.Equal("bi-dash-circle text-secondary", optional);
        var mandatory = Regex.Match(page, @"<li><i class=""bi ([^""]+)""[^>]*></i> Có thành tích xuất sắc").Groups[1].Value;
        Assert.Equal("bi-x-circle text-danger", mandatory);
    }
}
