using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ThiDua.BrowserTests;

/// <summary>
/// The DTI year as people live it, in a real browser: a commune's reporter fills the form with evidence, the
/// leader submits, the Secretariat adjusts two values with reasons, finalises and publishes; the ranking and the
/// commune's explanation follow.
/// </summary>
public sealed partial class AssessmentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Evidence = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

    [Fact]
    public async Task ACommuneIsAssessedAppraisedPublishedAndExplained()
    {
        // The reporter of Phường Bãi Cháy starts the 2025 self-assessment.
        var reporter = await app.SignInAsync("baichay.baocao");
        await reporter.GotoAsync($"{app.BaseUrl}/danh-gia");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu tự đánh giá theo QN-DTI-2025-XA" }).ClickAsync();
        await reporter.WaitForURLAsync(DetailUrl());
        var assessmentUrl = reporter.Url;

        // Every value is typed the way an official would, and the running score follows.
        foreach (var (code, value) in Values)
        {
            var input = reporter.GetByLabel($"Giá trị {code}", new() { Exact = true });
            if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await input.SelectOptionAsync(value);
            }
            else
            {
                await input.FillAsync(value);
            }
        }
        await Assertions.Expect(reporter.Locator("#running-total")).ToHaveTextAsync("841,75");
        await Assertions.Expect(reporter.Locator("#running-band")).ToHaveTextAsync("Khá");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(reporter.GetByText("Đã lưu bản nháp.")).ToBeVisibleAsync();

        // Evidence for the indicators that require it, uploaded one by one.
        foreach (var code in new[] { "NT1.1", "NT2.1", "NT2.3", "NT5.1", "HD1.1" })
        {
            await reporter.GetByLabel($"Tệp minh chứng {code}").SetInputFilesAsync(new FilePayload { Name = $"minh-chung-{code}.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes(Evidence) });
            await reporter.GetByRole(AriaRole.Button, new() { Name = $"Tải lên minh chứng {code}", Exact = true }).ClickAsync();
            await Assertions.Expect(reporter.GetByText($"Đã tải lên minh chứng cho chỉ tiêu {code}.")).ToBeVisibleAsync();
        }
        await app.ScreenshotAsync(reporter, "01-tu-danh-gia");
        await Assertions.Expect(reporter.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi đánh giá" })).ToHaveCountAsync(0);

        // The leader submits; the form locks.
        var leader = await app.SignInAsync("baichay.lanhdao");
        await leader.GotoAsync(assessmentUrl);
        leader.Dialog += (_, dialog) => dialog.AcceptAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(leader.GetByText("Đã gửi đánh giá tới cơ quan thường trực.")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator("#status")).ToHaveTextAsync("Đã gửi, chờ thẩm định");

        // The Secretariat adjusts two values with reasons and finalises.
        var secretariat = await app.SignInAsync("thuongtruc");
        secretariat.Dialog += (_, dialog) => dialog.AcceptAsync();
        await secretariat.GotoAsync(assessmentUrl + "/tham-dinh");
        await secretariat.GetByLabel("Quyết định thẩm định HD1.1").SelectOptionAsync("adjust");
        await secretariat.GetByLabel("Giá trị điều chỉnh HD1.1").FillAsync("60");
        await secretariat.GetByLabel("Lý do HD1.1").FillAsync("Hệ thống giải quyết TTHC ghi nhận 60 % hồ sơ trực tuyến toàn trình.");
        await secretariat.GetByLabel("Quyết định thẩm định HD2.4").SelectOptionAsync("adjust");
        await secretariat.GetByLabel("Giá trị điều chỉnh HD2.4").FillAsync("12");
        await secretariat.GetByLabel("Lý do HD2.4").FillAsync("Chỉ có 3 hộ kinh doanh được hỗ trợ có minh chứng.");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lưu thẩm định" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã lưu ý kiến thẩm định cho 2 chỉ tiêu.")).ToBeVisibleAsync();
        await app.ScreenshotAsync(secretariat, "02-tham-dinh");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Hoàn tất thẩm định" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText("Đã hoàn tất thẩm định; kết quả vào bảng xếp hạng.")).ToBeVisibleAsync();

        // Publication, then the ranking and the commune's own page.
        await secretariat.GotoAsync($"{app.BaseUrl}/ket-qua?bo-chi-so=QN-DTI-2025-XA");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();
        // Other communes are not appraised yet: the page names them and asks (ADR 019).
        await Assertions.Expect(secretariat.Locator("#unappraised-units")).ToBeVisibleAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Công bố, không tính các đơn vị này" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByText(ResultMessage())).ToBeVisibleAsync();
        var row = secretariat.Locator("tr", new() { HasText = "Phường Bãi Cháy" });
        await Assertions.Expect(row).ToContainTextAsync("82,38");
        await Assertions.Expect(row).ToContainTextAsync("823,75");
        await Assertions.Expect(row.Locator(".band")).ToHaveTextAsync("Khá");
        await app.ScreenshotAsync(secretariat, "03-xep-hang");

        await reporter.GotoAsync($"{app.BaseUrl}/ket-qua/QN-DTI-2025-XA/X2025-06673-BAICHAY");
        await Assertions.Expect(reporter.GetByText("Cần thêm 26,25 điểm để đạt loại Tốt.")).ToBeVisibleAsync();
        await Assertions.Expect(reporter.Locator("table", new() { HasText = "Chỉ tiêu bị mất điểm nhiều nhất" }).Locator("tbody tr").First).ToContainTextAsync("HD1.1");
        await app.ScreenshotAsync(reporter, "04-ket-qua-don-vi");

        // The public sees it too, without signing in.
        var anonymous = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await anonymous.GotoAsync($"{app.BaseUrl}/cong-khai/ket-qua?bo-chi-so=QN-DTI-2025-XA");
        await Assertions.Expect(anonymous.Locator("tr", new() { HasText = "Phường Bãi Cháy" })).ToContainTextAsync("82,38");
    }

    private static readonly (string Code, string Value)[] Values =
    [
        ("NT1.1", "true"), ("NT1.2", "true"), ("NT1.3", "15"), ("NT1.4", "90"),
        ("NT2.1", "true"), ("NT2.2", "1,2"), ("NT2.3", "true"), ("NT2.4", "B"),
        ("NT3.1", "100"), ("NT3.2", "true"), ("NT3.3", "3/4"), ("NT3.4", "110"),
        ("NT4.1", "true"), ("NT4.2", "80"), ("NT4.3", "70"), ("NT4.4", "45"),
        ("NT5.1", "100"), ("NT5.2", "true"), ("NT5.3", "1"), ("NT5.4", "B"),
        ("NT6.1", "3"), ("NT6.2", "true"),
        ("HD1.1", "80"), ("HD1.2", "90"), ("HD1.3", "100"), ("HD1.4", "95"), ("HD1.5", "A"),
        ("HD2.1", "85"), ("HD2.2", "60"), ("HD2.3", "12"), ("HD2.4", "20"),
        ("HD3.1", "90"), ("HD3.2", "75"), ("HD3.3", "A"), ("HD3.4", "0,8"),
    ];


    [GeneratedRegex(@"/danh-gia/\d+$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex(@"Đã công bố kết quả QN-DTI-2025-XA")]
    private static partial Regex ResultMessage();
}
