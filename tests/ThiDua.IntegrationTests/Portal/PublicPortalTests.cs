using System.Net;
using System.Text.RegularExpressions;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Portal;

/// <summary>
/// The public portal (/cong-khai) and the open data together: every page answers without signing in, and only
/// published data ever appears — not a ranking that is appraised but unpublished, not a draft nomination, not a
/// rewarded person's birth date (R16, ADR 023).
/// </summary>
public class PublicPortalTests
{
    public static readonly string[] Pages =
    [
        "/cong-khai",
        "/cong-khai/phong-trao",
        "/cong-khai/ket-qua",
        "/cong-khai/ket-qua?bo-chi-so=QN-DTI-2024-XA",
        "/cong-khai/muc-tieu",
        "/cong-khai/khen-thuong",
        "/cong-khai/xac-thuc",
        "/cong-khai/du-lieu-mo",
        $"/cong-khai/don-vi/{BaiChay}",
        $"/cong-khai/don-vi/{Health}",
    ];

    [Theory, Providers]
    public async Task EveryPublicPageAnswersWithoutSignIn(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = await app.PageClientAsync(null);

        foreach (var page in Pages)
        {
            using var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            // Every page carries the portal's navigation, with itself marked as the current one.
            Assert.Contains("aria-label=\"Trang công khai\"", html, StringComparison.Ordinal);
            Assert.True(html.Contains("aria-current=\"page\"", StringComparison.Ordinal), $"{page}: no current item in the navigation");
            Assert.Contains("href=\"/cong-khai/xac-thuc\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/cong-khai/don-vi/KHONG-CO")).StatusCode);
    }

    [Theory, Providers]
    public async Task AnAppraisedButUnpublishedRankingAppearsNowhere(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        using var anonymous = await app.PageClientAsync(null);
        // The demo data appraises most of 2025 but publishes only 2024: the Secretariat sees 2025's ranking.
        var unpublished = await (await secretariat.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2025-XA&pageSize=500")).JsonAsync();
        Assert.NotEmpty(unpublished["items"]!.AsArray());
        var unit = (string)unpublished["items"]![0]!["unitCode"]!;

        await (await anonymous.GetAsync("/api/open/v1/results?frameworkCode=QN-DTI-2025-XA")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/open/v1/results.csv?frameworkCode=QN-DTI-2025-XA")).ProblemAsync(HttpStatusCode.NotFound);
        foreach (var url in OpenDataTests.OpenGets.Concat(Pages).Append($"/cong-khai/don-vi/{unit}").Append("/cong-khai/ket-qua?bo-chi-so=QN-DTI-2025-XA"))
        {
            var body = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("QN-DTI-2025", body, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task ADraftNominationAndABirthDateNeverAppear(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");
        // A rewarded officer whose dossier holds her birth date, and a draft nomination nobody has submitted.
        var rewarded = (int)(await NominateAsync(reporter, Officer("Lý Thị Khánh Vân", "1981-07-23")))["id"]!;
        await SubmitAsync(leader, rewarded);
        await WardDecisionAsync(app, rewarded, "2026-12-31");
        await NominateAsync(reporter, Officer("Tạ Văn Bản Nháp", "1979-02-11"));
        using var anonymous = await app.PageClientAsync(null);

        var rewards = await (await anonymous.GetAsync("/api/open/v1/rewards?year=2026")).JsonAsync();
        Assert.Contains(rewards["items"]!.AsArray(), r => (string?)r!["personFullName"] == "Lý Thị Khánh Vân" && (string?)r["personPosition"] == "Công chức Văn hoá – Xã hội");
        foreach (var url in OpenDataTests.OpenGets.Concat(Pages).Append("/api/open/v1/rewards?year=2026"))
        {
            var body = WebUtility.HtmlDecode(await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync());
            Assert.DoesNotContain("Bản Nháp", body, StringComparison.Ordinal);
            foreach (var birth in new[] { "1981-07-23", "23/07/1981", "23/7/1981", "1979-02-11", "11/02/1979" })
            {
                Assert.DoesNotContain(birth, body, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("dateOfBirth", body, StringComparison.OrdinalIgnoreCase);
        }
        // The rewarded officer does appear where rewards are public: the rewards page and her ward's profile.
        Assert.Contains("Lý Thị Khánh Vân", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/cong-khai/don-vi/{BaiChay}")), StringComparison.Ordinal);
        Assert.Contains("Lý Thị Khánh Vân", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/cong-khai/khen-thuong")), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ATargetWithoutAPublicFigureSaysSoAndHasNoChart(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = await app.PageClientAsync(null);
        var targets = (await (await anonymous.GetAsync("/api/open/v1/targets")).JsonAsync()).AsArray();
        var measured = targets.Count(t => t!["measurements"]!.AsArray().Count > 0);

        var html = await anonymous.GetStringAsync("/cong-khai/muc-tieu");

        Assert.Equal(targets.Count - measured, Regex.Count(html, "Chưa có số liệu công bố"));
        Assert.Equal(measured, Regex.Count(html, "class=\"target-chart"));
        // Who typed a figure in is the staff's business, not the public's.
        Assert.All(targets.SelectMany(t => t!["measurements"]!.AsArray()), m => Assert.Null((string?)m!["recordedBy"]));
    }

    [Theory, Providers]
    public async Task AMergedWardsProfileShowsItsPredecessorsPublishedResults(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = await app.PageClientAsync(null);
        var ranking = await (await anonymous.GetAsync("/api/open/v1/results?frameworkCode=QN-DTI-2024-XA")).JsonAsync();
        var board = await app.ClientAsync(Board);
        var predecessors = (await (await board.GetAsync($"/api/v1/units/{BaiChay}")).JsonAsync())["predecessors"]!.Strings().ToList();
        var published = ranking["items"]!.AsArray().Where(i => predecessors.Contains((string)i!["unitCode"]!)).ToList();
        Assert.NotEmpty(published);

        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/cong-khai/don-vi/{BaiChay}"));

        foreach (var item in published)
        {
            Assert.Contains($"{(string)item!["unitName"]!} (đơn vị tiền thân)", html, StringComparison.Ordinal);
        }
        Assert.Contains("class=\"history-chart\"", html, StringComparison.Ordinal);
    }

    private static object Officer(string fullName, string dateOfBirth) => new
    {
        movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
        person = new { fullName, position = "Công chức Văn hoá – Xã hội", organization = "UBND phường Bãi Cháy", dateOfBirth, gender = "nữ" },
        award = "unit_certificate", achievements = "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.",
    };
}
