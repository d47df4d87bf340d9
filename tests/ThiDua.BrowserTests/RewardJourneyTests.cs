using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ThiDua.Web.Data.Seed;

namespace ThiDua.BrowserTests;

/// <summary>
/// Sở Xây dựng nominates itself for the Chairman's certificate at the final review with its dossier; the Reward Board
/// receives it and convenes the council; three members vote; the notice runs ten working days with a comment from the
/// public; the Board records the decision; the reward shows in the department's history.
/// </summary>
public sealed class RewardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Department = "SO-XD-2025";

    /// <summary>A 1×1 PNG: the scanned minutes.</summary>
    private static readonly byte[] ScannedMinutes = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ADepartmentIsRewardedByTheChairmanAfterCouncilAndNotice()
    {
        await PrepareAsync();

        // The department's reporter starts the dossier; the system shows it eligible from the published ranking.
        var reporter = await app.SignInAsync("xaydung.baocao");
        await reporter.GotoAsync($"{app.BaseUrl}/khen-thuong");
        await reporter.GetByLabel("Đợt khen thưởng").SelectOptionAsync(new SelectOptionValue { Label = "Tổng kết" });
        await reporter.GetByLabel("Năm của đợt").FillAsync("2025");
        await reporter.GetByLabel("Hình thức khen thưởng").SelectOptionAsync(new SelectOptionValue { Label = "Bằng khen của Chủ tịch UBND tỉnh" });
        await Assertions.Expect(reporter.GetByLabel("Mã đơn vị, doanh nghiệp được đề nghị")).ToHaveValueAsync(Department);
        await reporter.GetByLabel("Tóm tắt thành tích").FillAsync("100 % thủ tục cấp phép xây dựng trực tuyến toàn trình; cơ sở dữ liệu quy hoạch dùng chung toàn tỉnh.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();
        await Assertions.Expect(reporter.GetByText("Đã lập hồ sơ đề nghị khen thưởng")).ToBeVisibleAsync();
        // The final review of 2025 judges DTI 2024; the department formed in 2025 is judged on its predecessors' mean.
        await Assertions.Expect(reporter.Locator("#eligibility")).ToContainTextAsync("DTI 2024: đơn vị chưa có kết quả riêng; xét theo trung bình các đơn vị tiền thân");
        await Assertions.Expect(reporter.Locator("#eligibility")).ToContainTextAsync("đạt loại Tốt");
        var nominationUrl = reporter.Url;

        await UploadAsync(reporter, "Tờ trình đề nghị khen thưởng", "to-trinh.pdf", DemoAssessmentSeeder.DemoPdf("To trinh de nghi khen thuong So Xay dung"));
        await UploadAsync(reporter, "Biên bản họp xét duyệt của Hội đồng Thi đua – Khen thưởng", "bien-ban.png", ScannedMinutes);
        await UploadAsync(reporter, "Báo cáo thành tích", "bao-cao-thanh-tich.pdf", DemoAssessmentSeeder.DemoPdf("Bao cao thanh tich So Xay dung"));
        await Assertions.Expect(reporter.Locator("#missing")).ToHaveCountAsync(0);
        await Assertions.Expect(reporter.Locator("#documents tbody tr")).ToHaveCountAsync(3);
        await app.ScreenshotAsync(reporter, "10-ho-so-khen-thuong");

        var leader = await app.SignInAsync("xaydung.lanhdao");
        await leader.GotoAsync(nominationUrl);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Trình hồ sơ" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#status")).ToHaveTextAsync("Đơn vị đã trình");

        // The Board receives it and puts it before the council.
        var board = await app.SignInAsync("banthidua");
        await board.GotoAsync(nominationUrl);
        await board.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();
        await Assertions.Expect(board.Locator("#status")).ToHaveTextAsync("Ban TĐKT đã tiếp nhận");
        // The Board confirms the Law's preconditions (adherence to the law, internal solidarity); the data decided the rest.
        foreach (var box in await board.Locator("#criteria input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }
        await board.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả xét tiêu chí" }).ClickAsync();
        await Assertions.Expect(board.Locator("#eligible")).ToHaveTextAsync("Đủ điều kiện");
        await board.GotoAsync($"{app.BaseUrl}/khen-thuong/hoi-dong");
        await board.Locator("#new-session").GetByText("Sở Xây dựng").ClickAsync();
        await board.GetByLabel("Tên phiên họp").FillAsync("Phiên họp xét Bằng khen tổng kết Phong trào 2022–2025");
        await board.GetByRole(AriaRole.Button, new() { Name = "Lập phiên họp" }).ClickAsync();
        await Assertions.Expect(board.Locator("#session-state")).ToHaveTextAsync("Đang bỏ phiếu");
        var sessionUrl = board.Url;

        foreach (var member in new[] { "hoidong1", "hoidong2", "hoidong3" })
        {
            var page = await app.SignInAsync(member);
            await page.GotoAsync(sessionUrl);
            await page.Locator("#ballot").GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();
            if (member == "hoidong3")
            {
                await app.ScreenshotAsync(page, "11-bo-phieu");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ phiếu" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Phiếu của bạn đã được ghi nhận")).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }

        await board.GotoAsync(sessionUrl);
        await board.GetByRole(AriaRole.Button, new() { Name = "Kết thúc bỏ phiếu, kiểm phiếu" }).ClickAsync();
        await Assertions.Expect(board.Locator("#tallies tbody tr")).ToContainTextAsync("Thông qua");
        await Assertions.Expect(board.Locator("#tallies tbody tr td").Nth(1)).ToHaveTextAsync("3");
        await app.ScreenshotAsync(board, "12-ket-qua-bo-phieu");

        await board.GotoAsync(nominationUrl);
        await board.GetByRole(AriaRole.Button, new() { Name = "Công khai lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(board.Locator(".alert-info")).ToContainTextAsync("đến hết ngày 10/12/2026");

        // The public reads the notice and comments, without an account.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync($"{app.BaseUrl}/cong-khai/khen-thuong");
        await Assertions.Expect(citizen.Locator(".card", new() { HasText = "Sở Xây dựng" })).ToContainTextAsync("đến hết ngày 10/12/2026");
        await citizen.GetByText("Góp ý về hồ sơ này").ClickAsync();
        await citizen.Locator("textarea[name=body]").FillAsync("Thủ tục cấp phép xây dựng trực tuyến của Sở rất thuận tiện, tôi đồng ý.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("Cảm ơn bạn.")).ToBeVisibleAsync();
        await app.ScreenshotAsync(citizen, "13-cong-khai-khen-thuong");

        // Fourteen days later the notice is over; the Board records the Chairman's decision.
        app.Clock.Advance(TimeSpan.FromDays(14));
        board = await app.SignInAsync("banthidua");
        await board.GotoAsync(nominationUrl);
        await Assertions.Expect(board.Locator("#comment-1, [id^=comment-]").First).ToContainTextAsync("tôi đồng ý");
        await board.GotoAsync($"{app.BaseUrl}/khen-thuong/quyet-dinh");
        await board.GetByLabel("Chức danh người ký").FillAsync("KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
        await board.GetByLabel("Họ tên người ký").FillAsync("Nguyễn Văn A");
        await board.GetByRole(AriaRole.Button, new() { Name = "Vào sổ quyết định" }).ClickAsync();
        await Assertions.Expect(board.Locator("#number")).ToHaveTextAsync("01/QĐ-UBND");
        await app.ScreenshotAsync(board, "14-quyet-dinh");

        // The department sees its reward in its history.
        leader = await app.SignInAsync("xaydung.lanhdao");
        await leader.GotoAsync($"{app.BaseUrl}/khen-thuong/don-vi/{Department}");
        var row = leader.Locator("#reward-history tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("01/QĐ-UBND");
        await Assertions.Expect(row).ToContainTextAsync("Bằng khen của Chủ tịch UBND tỉnh");
        await Assertions.Expect(row).ToContainTextAsync("11/12/2026");
        await Assertions.Expect(leader.Locator("#unread-count")).ToBeVisibleAsync();
        await app.ScreenshotAsync(leader, "15-lich-su-khen-thuong");
    }

    /// <summary>What the administrator and the Secretariat have done before: accounts for the department, and the 2024 ranking (re)published.</summary>
    private async Task PrepareAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        async Task<string> TokenAsync(string userName)
        {
            var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = BrowserApp.Password });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("admin"));
        foreach (var (userName, role) in new[] { ("xaydung.baocao", "UnitReporter"), ("xaydung.lanhdao", "UnitLeader") })
        {
            var created = await http.PostAsJsonAsync("/api/v1/users", new { userName, password = BrowserApp.Password, fullName = $"Cán bộ Sở Xây dựng ({role})", roles = new[] { role }, unitCode = Department });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("thuongtruc"));
        (await http.PostAsync("/api/v1/frameworks/QN-DTI-2024-SO/publish", null)).EnsureSuccessStatusCode();
    }

    private static async Task UploadAsync(IPage page, string kind, string fileName, byte[] content)
    {
        await page.GetByLabel("Loại tài liệu").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Tệp (PDF, DOCX, ảnh)").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã tải lên tài liệu.")).ToBeVisibleAsync();
    }
}
