using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Infrastructure.Signing;

namespace ThiDua.BrowserTests;

/// <summary>
/// The public verification page (issue 11) as a citizen uses it on a phone: choose a PDF, check it, read the answer in
/// Vietnamese; a copy with one byte changed is refused. At 390 and 1366 px: no horizontal scroll, no axe-core violation.
/// </summary>
public sealed class DocumentVerificationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACitizenChecksASignedCopyOnAPhone()
    {
        var signed = await app.Services.GetRequiredService<IDocumentSigner>().SignPdfAsync(DemoAssessmentSeeder.DemoPdf("Quyet dinh khen thuong (ban thu)"),
            new PdfSignatureRequest("Nguyễn Văn A", "PHÓ CHỦ TỊCH", "Ban hành văn bản thử", "Quảng Ninh", app.Clock.GetUtcNow()));
        var changed = (byte[])signed.Clone();
        changed[changed.Length / 3] ^= 0x01;
        var folder = Path.Combine(Path.GetTempPath(), $"thidua-verify-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var axe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));
        try
        {
            var intact = Path.Combine(folder, "quyet-dinh.pdf");
            var forged = Path.Combine(folder, "quyet-dinh-da-sua.pdf");
            await File.WriteAllBytesAsync(intact, signed);
            await File.WriteAllBytesAsync(forged, changed);
            var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            var page = await context.NewPageAsync();

            foreach (var (file, heading) in new[] { (intact, "Chữ ký số hợp lệ của hệ thống ThiDua"), (forged, "Văn bản không hợp lệ") })
            {
                await page.GotoAsync($"{app.BaseUrl}/cong-khai/xac-thuc");
                await page.GetByLabel("Tệp PDF cần kiểm tra (tối đa 20 MB)").SetInputFilesAsync(file);
                await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
                foreach (var width in new[] { 390, 1366 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                    Assert.True(size[0] <= size[1], $"{width}px: the page is {size[0]}px wide");
                    Assert.Empty(await EveryPageTests.AxeAsync(page, axe));
                }
                await page.SetViewportSizeAsync(390, 844);
                await app.ScreenshotAsync(page, file == intact ? "xac-thuc-hop-le-390" : "xac-thuc-khong-hop-le-390");
            }
            await Assertions.Expect(page.Locator("#ket-qua-xac-thuc")).ToContainTextAsync("Mã băm SHA-256");
            await context.CloseAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
