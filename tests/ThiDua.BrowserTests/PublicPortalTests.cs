using Microsoft.Playwright;

namespace ThiDua.BrowserTests;

/// <summary>
/// The public portal in Chromium at a laptop's and a phone's width, without signing in: every page fits the window
/// (no horizontal scroll), axe-core (WCAG 2.1 A and AA) finds nothing, and every chart is drawn on a canvas of a real
/// size. The screenshots go to docs/screenshots/portal.
/// </summary>
public sealed class PublicPortalTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly (string Path, string Name, int Charts)[] Pages =
    [
        ("/cong-khai", "trang-chu", 0),
        ("/cong-khai/phong-trao", "phong-trao", 0),
        ("/cong-khai/ket-qua?bo-chi-so=QN-DTI-2024-XA", "xep-hang", 1),
        ("/cong-khai/don-vi/X2025-06673-BAICHAY", "don-vi", 1),
        ("/cong-khai/muc-tieu", "chi-tieu", 1),
        ("/cong-khai/khen-thuong", "khen-thuong", 0),
        ("/cong-khai/sang-kien", "sang-kien", 0),
        ("/cong-khai/xac-thuc", "xac-thuc", 0),
        ("/cong-khai/du-lieu-mo", "du-lieu-mo", 0),
    ];

    private static readonly (int Width, int Height)[] Widths = [(1366, 900), (390, 844)];

    [Fact]
    public async Task EveryPortalPageFitsALaptopAndAPhonePassesAxeAndDrawsItsCharts()
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));
        var shots = Path.Combine(RepositoryRoot(), "docs", "screenshots", "portal");
        Directory.CreateDirectory(shots);
        var findings = new List<string>();
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        // The demo data publishes an initiative (with a picture): its page is a portal page too.
        var published = await context.APIRequest.GetAsync(app.BaseUrl + "/api/open/v1/initiatives");
        var firstInitiative = (await published.JsonAsync())!.Value.GetProperty("items")[0].GetProperty("id").GetInt32();
        var pages = Pages.Append(($"/cong-khai/sang-kien/{firstInitiative}", "sang-kien-chi-tiet", 0)).ToList();

        foreach (var (width, height) in Widths)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, name, charts) in pages)
            {
                var where = $"{width}px {path}";
                var response = await page.GotoAsync(app.BaseUrl + path);
                if (response?.Status != 200)
                {
                    findings.Add($"{where}: HTTP {response?.Status}");
                    continue;
                }
                await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (overflow[0] > overflow[1])
                {
                    findings.Add($"{where}: the page is {overflow[0]}px wide in a {overflow[1]}px window");
                }
                // A chart is drawn when Chart.js owns the canvas and the canvas has a size.
                var drawn = await page.EvaluateAsync<int>("""
                    () => [...document.querySelectorAll('canvas')].filter(c => window.Chart && Chart.getChart(c) && c.width > 0 && c.height > 0
                        && c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().height > 0).length
                    """);
                if (drawn < charts)
                {
                    findings.Add($"{where}: {drawn} charts drawn, expected at least {charts}");
                }
                findings.AddRange((await EveryPageTests.AxeAsync(page, axe)).Select(v => $"{where}: axe {v.Rule} {v.Text}"));
                await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"{name}-{width}.png"), FullPage = true });
            }
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    /// <summary>The folder of ThiDua.slnx, above the test's output folder.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ThiDua.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("ThiDua.slnx not found above " + AppContext.BaseDirectory);
    }
}
