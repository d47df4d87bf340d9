using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ThiDua.BrowserTests;

/// <summary>
/// Nothing typed on the self-assessment form is lost (issue 15): evidence is uploaded without leaving the page (and,
/// without a script, the upload saves what was typed), leaving with unsaved changes asks first, the draft saves itself
/// and never over a newer version; and the form works on a 390 px phone.
/// </summary>
public sealed partial class AssessmentFormTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Framework = "QN-DTI-2025-XA";
    private const string Reporter = "baichay.baocao";
    private const string Evidence = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    private static readonly string Shots = "/tmp/shots-form";

    [Fact]
    public async Task AnEvidenceUploadKeepsTheValuesTypedAndListsTheFile()
    {
        var page = await OpenFormAsync(await app.SignInAsync(Reporter));
        var url = page.Url;
        await Value(page, "NT1.3").FillAsync("15");

        await page.GetByLabel("Tệp minh chứng NT1.1").SetInputFilesAsync(Pdf("bien-ban-NT1.1.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên minh chứng NT1.1", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Đã tải lên minh chứng cho chỉ tiêu NT1.1.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#evidence-list-0")).ToContainTextAsync("bien-ban-NT1.1.pdf");
        Assert.Equal(url, page.Url);
        await Assertions.Expect(Value(page, "NT1.3")).ToHaveValueAsync("15");

        // The upload moved the version and the form followed it: saving now is not refused as stale.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bản nháp.")).ToBeVisibleAsync();
        await Assertions.Expect(Value(page, "NT1.3")).ToHaveValueAsync("15");
        await Assertions.Expect(page.Locator("#evidence-list-0")).ToContainTextAsync("bien-ban-NT1.1.pdf");
    }

    [Fact]
    public async Task WithoutAScriptTheUploadButtonSavesWhatWasTypedWithTheFile()
    {
        var page = await SignInAsync(Reporter, new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "vi-VN" });
        page = await OpenFormAsync(page);
        await Value(page, "NT2.2").FillAsync("1,5");
        await page.GetByLabel("Tệp minh chứng NT2.1").SetInputFilesAsync(Pdf("minh-chung-NT2.1.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên minh chứng NT2.1", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Đã lưu nháp và tải lên minh chứng cho chỉ tiêu NT2.1.")).ToBeVisibleAsync();
        await Assertions.Expect(Value(page, "NT2.2")).ToHaveValueAsync("1,5");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "NT2.1" }).First).ToContainTextAsync("minh-chung-NT2.1.pdf");
    }

    [Fact]
    public async Task LeavingWithUnsavedChangesAsksFirstAndSavingDoesNot()
    {
        var page = await OpenFormAsync(await app.SignInAsync(Reporter));
        var url = page.Url;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };

        // Nothing typed yet: the page is left without a question.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đánh giá DTI" }).First.ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/danh-gia");
        Assert.Empty(dialogs);

        await page.GotoAsync(url);
        await Value(page, "NT1.4").FillAsync("90");
        // Left by a script while the box keeps the focus (a click elsewhere would blur it and start an autosave).
        await page.EvaluateAsync("() => { location.href = '/danh-gia'; }");
        await Expect(() => Assert.Equal(["beforeunload"], dialogs));
        Assert.Equal(url, page.Url);
        await Assertions.Expect(Value(page, "NT1.4")).ToHaveValueAsync("90");

        // Saving the form is not "leaving": no question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bản nháp.")).ToBeVisibleAsync();
        Assert.Equal(["beforeunload"], dialogs);
    }

    [Fact]
    public async Task TheDraftSavesItselfAndNeverOverANewerVersion()
    {
        var page = await OpenFormAsync(await app.SignInAsync(Reporter));
        await Value(page, "NT3.1").FillAsync("100");
        await Value(page, "NT3.1").PressAsync("Tab");
        // The app's clock reads 10:00 in Vietnam.
        await Assertions.Expect(page.Locator("#autosave-status")).ToHaveTextAsync("Đã lưu nháp lúc 10:00");
        await page.ReloadAsync();
        await Assertions.Expect(Value(page, "NT3.1")).ToHaveValueAsync("100");

        // Someone else saves in another window; this window's autosave then says so and overwrites nothing.
        var other = await OpenFormAsync(await app.SignInAsync(Reporter));
        await Value(other, "NT3.4").FillAsync("110");
        await other.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(other.GetByText("Đã lưu bản nháp.")).ToBeVisibleAsync();

        await Value(page, "NT3.4").FillAsync("5");
        await Value(page, "NT3.4").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#autosave-status")).ToHaveTextAsync("Chưa lưu: có phiên bản mới hơn");
        await Assertions.Expect(page.Locator("#form-message")).ToContainTextAsync("phiên bản mới hơn");
        await other.ReloadAsync();
        await Assertions.Expect(Value(other, "NT3.4")).ToHaveValueAsync("110");
    }

    [Fact]
    public async Task OnAPhoneTheFormFitsFoldsAndJumpsToTheNextEmptyIndicator()
    {
        Directory.CreateDirectory(Shots);
        var page = await OpenFormAsync(await app.SignInAsync(Reporter));
        await page.SetViewportSizeAsync(1366, 900);
        await page.ReloadAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "form-1366.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "form-1366-top.png") });

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The form is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide at 390 px.");
        // The compact header: the running total and the save button, under a fifth of the screen.
        await Assertions.Expect(page.Locator("#running-total")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".sticky-score").GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".sticky-score").GetByText("Bộ chỉ số")).ToBeHiddenAsync();
        var header = await page.Locator(".sticky-score").BoundingBoxAsync();
        Assert.True(header!.Height < 844 / 5.0, $"The sticky header is {header.Height} px tall.");
        // The groups fold, each with its filled/total count; only the first group with work left is open.
        var groups = page.Locator("details.indicator-group");
        Assert.True(await groups.CountAsync() > 3);
        Assert.Equal(1, await page.Locator("details.indicator-group[open]").CountAsync());
        await Assertions.Expect(groups.First.Locator("summary")).ToContainTextAsync(new Regex(@"\d+/\d+ đã nhập"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "form-390.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "form-390-top.png") });

        // The jump button brings the next empty indicator on screen, its box focused.
        var jump = page.GetByRole(AriaRole.Button, new() { Name = "Đến chỉ số tiếp theo còn trống" });
        await jump.ClickAsync();
        await jump.ClickAsync();
        var focused = page.Locator(".score-input:focus");
        await Assertions.Expect(focused).ToBeVisibleAsync();
        await Assertions.Expect(focused).ToHaveValueAsync("");
        await Assertions.Expect(focused).ToBeInViewportAsync();
        Assert.True(await page.Locator("details.indicator-group[open]").CountAsync() >= 1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "form-390-jump.png") });
    }

    private static ILocator Value(IPage page, string code) => page.GetByLabel($"Giá trị {code}", new() { Exact = true });

    private static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes(Evidence) };

    /// <summary>The reporter's 2025 assessment: started if it is not yet, opened otherwise.</summary>
    private async Task<IPage> OpenFormAsync(IPage page)
    {
        await page.GotoAsync($"{app.BaseUrl}/danh-gia");
        var start = page.GetByRole(AriaRole.Button, new() { Name = $"Bắt đầu tự đánh giá theo {Framework}" });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }
        else
        {
            await page.Locator("tr", new() { HasText = Framework }).GetByRole(AriaRole.Link).First.ClickAsync();
        }
        await page.WaitForURLAsync(FormUrl());
        return page;
    }

    private async Task<IPage> SignInAsync(string userName, BrowserNewContextOptions options)
    {
        var context = await app.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/");
        return page;
    }

    /// <summary>Retries <paramref name="assertion"/> for a few seconds (the dialog event arrives asynchronously).</summary>
    private static async Task Expect(Action assertion)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                assertion();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    [GeneratedRegex(@"/danh-gia/\d+$")]
    private static partial Regex FormUrl();
}
