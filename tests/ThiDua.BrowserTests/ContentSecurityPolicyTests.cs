using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThiDua.Web.Infrastructure;

namespace ThiDua.BrowserTests;

/// <summary>
/// The pages under the Content-Security-Policy in a real browser, signed in as the administrator and as a commune's
/// reporter: Chromium reports no violation (no inline script, event handler or style attribute is left), nothing is
/// loaded from another origin, and the charts and bars that took their sizes from style attributes still draw.
/// </summary>
public sealed partial class ContentSecurityPolicyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>The menu's pages and their main sub-pages; a page a role may not open shows the error page, checked too.</summary>
    private static readonly string[] MainPages =
    [
        "/", "/don-vi", "/don-vi/SO-YT", "/cum-khoi", "/don-vi/sap-xep",
        "/danh-gia", "/danh-gia/bo-chi-so/QN-DTI-2025-XA", "/ket-qua", "/ket-qua?bo-chi-so=QN-DTI-2024-SO", "/ket-qua/QN-DTI-2024-SO/SO-YT",
        "/chi-tieu", "/chi-tieu/KTS-TY-TRONG-GRDP", "/nhiem-vu",
        "/phong-trao", "/phong-trao/dang-ky", "/phong-trao/bao-cao", "/phong-trao/tong-hop", "/gop-y",
        "/khen-thuong", "/khen-thuong/hoi-dong", "/khen-thuong/quyet-dinh", "/khen-thuong/lich-su", "/khen-thuong/quy-tac", "/lich-lam-viec",
        "/quan-tri/nguoi-dung", "/quan-tri/nhat-ky", "/quan-tri/hop-thu", "/thong-bao",
        "/cong-khai/ket-qua", "/cong-khai/khen-thuong", "/khong-co-trang-nay",
    ];

    /// <summary>Records what the browser refuses: the page's own securitypolicyviolation events and the console's reports.</summary>
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || ''}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task TheAdministratorsPagesRunWithoutAViolation()
    {
        var tab = await WatchedAsync(await app.SignInAsync("admin"));

        var violations = new List<string>();
        foreach (var path in MainPages)
        {
            violations.AddRange(await VisitAsync(tab, path));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task AUnitsPagesAndItsAssessmentFormRunWithoutAViolation()
    {
        var tab = await WatchedAsync(await app.SignInAsync("baichay.baocao"));
        await tab.Page.GotoAsync($"{app.BaseUrl}/danh-gia");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu tự đánh giá theo QN-DTI-2025-XA" }).ClickAsync();
        await tab.Page.WaitForURLAsync(AssessmentUrl());
        var form = new Uri(tab.Page.Url).AbsolutePath;

        var violations = new List<string>();
        foreach (var path in MainPages.Append(form))
        {
            violations.AddRange(await VisitAsync(tab, path));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        // The form's script still reads its rules and scores what is typed.
        await tab.Page.GotoAsync(app.BaseUrl + form);
        await tab.Page.GetByLabel("Giá trị NT1.1", new() { Exact = true }).SelectOptionAsync("true");
        await Assertions.Expect(tab.Page.Locator("#running-total")).Not.ToHaveTextAsync("0");
    }

    [Fact]
    public async Task TheSignInAndPublicPagesRunWithoutAViolation()
    {
        var tab = await WatchedAsync(await (await app.Browser.NewContextAsync()).NewPageAsync());

        var violations = new List<string>();
        foreach (var path in new[] { "/dang-nhap", "/cong-khai/ket-qua", "/cong-khai/khen-thuong", "/khong-co-trang-nay" })
        {
            violations.AddRange(await VisitAsync(tab, path));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task ChartsBarsAndIndentsStillDraw()
    {
        var page = await app.SignInAsync("thuongtruc");

        // The movement's phases share the bar by their length, and the "today" marker sits inside it.
        await page.GotoAsync($"{app.BaseUrl}/phong-trao");
        var bar = await page.Locator(".movement-phases").BoundingBoxAsync();
        var phases = await page.Locator(".movement-phases .progress-bar").EvaluateAllAsync<double[]>("bs => bs.map(b => b.getBoundingClientRect().width)");
        Assert.True(phases.Length >= 2);
        Assert.All(phases, width => Assert.True(width > 20, $"a phase is {width}px wide"));
        Assert.InRange(phases.Sum(), bar!.Width - 2, bar.Width + 2);
        Assert.True(await page.Locator("[data-left-percent]").EvaluateAsync<double>("e => e.offsetLeft") > 0);

        // The registration rate of each unit type: a bar as wide as its share.
        await page.GotoAsync($"{app.BaseUrl}/phong-trao/dang-ky");
        var rates = await page.Locator(".progress-bar[data-width-percent]").EvaluateAllAsync<double[][]>(
            "bs => bs.map(b => [Number(b.dataset.widthPercent), b.getBoundingClientRect().width / b.parentElement.getBoundingClientRect().width * 100])");
        Assert.NotEmpty(rates);
        Assert.All(rates, rate => Assert.InRange(rate[1], rate[0] - 1, rate[0] + 1));

        // A unit's chart is drawn by Chart.js from the canvas's data.
        await page.GotoAsync($"{app.BaseUrl}/ket-qua/QN-DTI-2024-SO/SO-YT");
        Assert.True(await page.EvaluateAsync<bool>("() => { const c = Chart.getChart('groups-chart'); return !!c && c.data.labels.length > 0 && c.width > 0; }"));

        // A framework's tree is indented by depth.
        await page.GotoAsync($"{app.BaseUrl}/danh-gia/bo-chi-so/QN-DTI-2025-XA");
        var group = await page.Locator("td.indent-0").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).paddingLeft)");
        var indicator = await page.Locator("td.indent-1").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).paddingLeft)");
        Assert.True(indicator > group + 10, $"indent {group}px, then {indicator}px");

        // The error page's "back" link goes back without a javascript: URL.
        await page.GotoAsync($"{app.BaseUrl}/phong-trao");
        await page.GotoAsync($"{app.BaseUrl}/khong-co-trang-nay");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại" }).ClickAsync();
        await page.WaitForURLAsync($"{app.BaseUrl}/phong-trao");
    }

    [Fact]
    public async Task ADeclinedConfirmationSendsNothing()
    {
        // data-confirm replaced onclick="return confirm(…)": declining still keeps the form from being sent.
        var page = await app.SignInAsync("thuongtruc");
        // Every 2024 commune is appraised, so the browser asks (with units left out the server asks instead, ADR 019).
        await page.GotoAsync($"{app.BaseUrl}/ket-qua?bo-chi-so=QN-DTI-2024-XA");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.DismissAsync();
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).ClickAsync();

        Assert.StartsWith("Công bố kết quả?", asked, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Công bố" })).ToBeVisibleAsync();
        Assert.Equal($"{app.BaseUrl}/ket-qua?bo-chi-so=QN-DTI-2024-XA", page.Url);
    }

    [Fact]
    public async Task TheApiPageLoadsOnlyFromThisServer()
    {
        var tab = await WatchedAsync(await (await app.Browser.NewContextAsync()).NewPageAsync());
        var elsewhere = new List<string>();
        tab.Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        // Scalar's bundle probes once whether eval works (zod's "jitless" check: try { Function('') } catch) and goes on
        // without it; the policy keeps refusing eval, so that one refusal is expected.
        var violations = (await VisitAsync(tab, "/api-docs/"))
            .Where(v => !ScalarEvalProbe().IsMatch(v))
            .ToList();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Units", Exact = true })).ToBeVisibleAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Empty(elsewhere);
    }

    private static async Task<Watched> WatchedAsync(IPage page)
    {
        await page.Context.AddInitScriptAsync(RecordViolations);
        var watched = new Watched(page, []);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                watched.Console.Add(message.Text);
            }
        };
        return watched;
    }

    /// <summary>A page with the CSP reports of its console since the last visit.</summary>
    private sealed record Watched(IPage Page, List<string> Console);

    /// <summary>Opens a page and answers what the browser refused on it, and a wrong policy or a Server header, each line naming the page.</summary>
    private async Task<List<string>> VisitAsync(Watched watched, string path)
    {
        watched.Console.Clear();
        var response = await watched.Page.GotoAsync(app.BaseUrl + path);
        await watched.Page.WaitForLoadStateAsync(LoadState.Load);
        try
        {
            // A quiet network lets late refusals (a script's own loads) arrive; on a loaded machine the browser may
            // never go quiet for its own reasons, so this is a best effort, not the test (CI timed out here once).
            await watched.Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 });
        }
        catch (System.TimeoutException)
        {
        }
        var headers = await response!.AllHeadersAsync();
        var events = await watched.Page.EvaluateAsync<string[]>("() => window.__violations || []");

        var found = events.Concat(watched.Console).Select(v => $"{path}: {v}").ToList();
        var sent = headers.GetValueOrDefault("content-security-policy") ?? "";
        var expected = path.StartsWith("/api-docs", StringComparison.Ordinal)
            ? SecurityHeaders.ApiDocsPolicy(Nonce().Match(sent).Groups[1].Value)
            : SecurityHeaders.ContentSecurityPolicy;
        if (sent != expected)
        {
            found.Add($"{path}: Content-Security-Policy is \"{sent}\"");
        }
        if (headers.TryGetValue("server", out var server))
        {
            found.Add($"{path}: Server: {server}");
        }
        return found;
    }

    [GeneratedRegex(@"^/api-docs/: script-src blocked eval at \S+/api-docs/scalar\.js:\d+$")]
    private static partial Regex ScalarEvalProbe();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex(@"/danh-gia/\d+$")]
    private static partial Regex AssessmentUrl();
}
