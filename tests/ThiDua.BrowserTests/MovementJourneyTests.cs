using Microsoft.Playwright;

namespace ThiDua.BrowserTests;

/// <summary>A reporter registers her unit and writes the annual report, her leader sends it; the Secretariat sees the rates move.</summary>
public sealed class MovementJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AWardRegistersAndReportsAndTheSecretariatSeesTheRatesMove()
    {
        var secretariat = await app.SignInAsync("thuongtruc");
        await secretariat.GotoAsync($"{app.BaseUrl}/phong-trao/dang-ky");
        var registeredBefore = await secretariat.Locator(".card", new() { HasText = "Đã đăng ký" }).Locator(".fs-3").InnerTextAsync();
        await secretariat.GotoAsync($"{app.BaseUrl}/phong-trao/bao-cao");
        var onTimeBefore = int.Parse(await secretariat.Locator(".card.border-success .fs-3").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // The reporter of Phường Bãi Cháy launches and registers.
        var reporter = await app.SignInAsync("baichay.baocao");
        await reporter.GotoAsync($"{app.BaseUrl}/phong-trao/dang-ky");
        await reporter.GetByLabel("Ngày phát động").FillAsync("20/07/2025");
        await reporter.GetByLabel("Văn bản phát động").FillAsync("Kế hoạch số 05/KH-UBND ngày 18/7/2025 của UBND phường Bãi Cháy");
        await reporter.GetByLabel("Nội dung cam kết, mỗi dòng một cam kết").FillAsync("100% hồ sơ thủ tục hành chính tiếp nhận trực tuyến\nĐạt loại Tốt trong đánh giá DTI");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Phát động và đăng ký" }).ClickAsync();
        await Assertions.Expect(reporter.GetByText("Đã ghi nhận phát động và đăng ký thực hiện phong trào.")).ToBeVisibleAsync();
        await app.ScreenshotAsync(reporter, "07-dang-ky");

        // She writes the 2026 report; her leader sends it (27/11/2026: before the deadline).
        await reporter.GotoAsync($"{app.BaseUrl}/phong-trao/bao-cao");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Soạn báo cáo năm 2026" }).ClickAsync();
        await reporter.GetByLabel("1. Tóm tắt kết quả triển khai phong trào").FillAsync("Phường tiếp tục triển khai Phong trào thi đua Chuyển đổi số toàn diện.");
        await reporter.GetByLabel("2. Kết quả thực hiện các nội dung đã đăng ký, cam kết").FillAsync("Hoàn thành 2/2 nội dung cam kết.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Lưu" , Exact = true }).ClickAsync();
        await Assertions.Expect(reporter.GetByText("Đã lưu báo cáo.")).ToBeVisibleAsync();
        var reportUrl = reporter.Url;

        var leader = await app.SignInAsync("baichay.lanhdao");
        await leader.GotoAsync(reportUrl);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(leader.GetByText("Đã gửi báo cáo.")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator(".badge", new() { HasText = "Đúng hạn" })).ToBeVisibleAsync();

        // The Secretariat sees both rates move and the bell rings.
        await secretariat.GotoAsync($"{app.BaseUrl}/phong-trao/dang-ky");
        var registeredAfter = await secretariat.Locator(".card", new() { HasText = "Đã đăng ký" }).Locator(".fs-3").InnerTextAsync();
        Assert.NotEqual(registeredBefore, registeredAfter);
        await secretariat.GotoAsync($"{app.BaseUrl}/phong-trao/bao-cao");
        await Assertions.Expect(secretariat.Locator(".card.border-success .fs-3")).ToHaveTextAsync((onTimeBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(secretariat.Locator("#unread-count")).ToBeVisibleAsync();
        await app.ScreenshotAsync(secretariat, "08-bao-cao");
        await secretariat.GotoAsync($"{app.BaseUrl}/phong-trao");
        await app.ScreenshotAsync(secretariat, "09-phong-trao");
    }
}
