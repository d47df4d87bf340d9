using System.Net;
using AngleSharp.Html.Parser;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Units;

public class UnitPagesTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task TheLoginPageIsVietnameseAndPagesNeedASignIn()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync(null);

        var login = await client.GetAsync("/dang-nhap");
        var units = await client.GetAsync("/don-vi");
        var html = await login.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập ThiDua", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, units.StatusCode);
        Assert.StartsWith("http://localhost/dang-nhap", units.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordShowsAVietnameseMessage()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync(null);

        var response = await client.PostFormAsync("/dang-nhap", new() { ["Input.UserName"] = "thuongtruc", ["Input.Password"] = "sai-mat-khau" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task TheTreeOnTheLastDayOf2024HasThirteenDistrictsAndOf2025None(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.PageClientAsync("soyte.baocao");

        var doc2024 = Parser.ParseDocument(await client.GetStringAsync("/don-vi?ngay=31/12/2024"));
        var doc2025 = Parser.ParseDocument(await client.GetStringAsync("/don-vi?ngay=31/12/2025"));

        var province2024 = doc2024.QuerySelector("ul.tree > li")!;
        var districts = province2024.QuerySelectorAll(":scope > ul > li").Where(li => li.QuerySelector("a")!.GetAttribute("href")!.StartsWith("/don-vi/H-", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, districts.Count);
        Assert.Contains(districts, d => d.TextContent.Contains("Thành phố Đông Triều", StringComparison.Ordinal));
        Assert.Contains("31/12/2024", doc2024.QuerySelector("h1 + div")!.TextContent, StringComparison.Ordinal);

        var province2025 = doc2025.QuerySelector("ul.tree > li")!;
        var top2025 = province2025.QuerySelectorAll(":scope > ul > li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.DoesNotContain(top2025, h => h.StartsWith("/don-vi/H-", StringComparison.Ordinal));
        Assert.Equal(54, top2025.Count(h => h.StartsWith("/don-vi/X2025-", StringComparison.Ordinal)));
        Assert.Contains("Đặc khu", doc2025.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AUnitPageShowsItsValidityPredecessorsAndSuccessors(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.PageClientAsync("baichay.baocao");

        var html = await client.GetStringAsync("/don-vi/X2025-06673-BAICHAY");
        var oldHtml = await client.GetStringAsync("/don-vi/X-06679-HUNGTHANG");

        Assert.Contains("01/07/2025 – nay", html, StringComparison.Ordinal);
        Assert.Contains("Phường Hùng Thắng", html, StringComparison.Ordinal);
        Assert.Contains("hợp vào từ 01/07/2025", html, StringComparison.Ordinal);
        Assert.Contains("Phường Bãi Cháy", oldHtml, StringComparison.Ordinal);
        Assert.Contains("Đã kết thúc", oldHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchForgivesMissingDiacritics()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync("thuongtruc");

        var doc = Parser.ParseDocument(await client.GetStringAsync("/don-vi?ngay=31/12/2025&q=van%20don"));

        var rows = doc.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Đặc khu Vân Đồn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadDateOnTheTreePageGetsAVietnameseMessage()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync("thuongtruc");

        var response = await client.GetAsync("/don-vi?ngay=31/31/2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("phải có dạng ngày/tháng/năm", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministrationPagesAreForbiddenToAUnitReporter()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync("soyte.baocao");

        foreach (var url in new[] { "/quan-tri/nguoi-dung", "/quan-tri/nhat-ky", "/don-vi/sap-xep", "/don-vi/them", "/don-vi/SO-YT/sua" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/loi/403", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        var denied = await client.GetAsync("/loi/403");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Không có quyền", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterCannotPostAnotherUnitsFocalPerson()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.PageClientAsync("soyte.baocao");
        var secretariat = await app.PageClientAsync("thuongtruc");

        // The form is not shown to her; posting it anyway is refused by the server.
        var ownPage = await reporter.GetStringAsync("/don-vi/SO-YT");
        var otherPage = await reporter.GetStringAsync("/don-vi/X2025-06673-BAICHAY");
        var token = System.Text.RegularExpressions.Regex.Match(ownPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await reporter.PostAsync("/don-vi/X2025-06673-BAICHAY?handler=FocalPerson", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["FocalPerson.Name"] = "Người khác",
            ["FocalPerson.Version"] = "1",
        }));
        var saved = await secretariat.PostFormAsync("/don-vi/X2025-06673-BAICHAY", new() { ["FocalPerson.Name"] = "Đặng Thị Hoa", ["FocalPerson.Version"] = "1" }, handler: "FocalPerson");

        Assert.Contains("Cán bộ đầu mối", ownPage, StringComparison.Ordinal);
        Assert.Contains("name=\"FocalPerson.Name\"", ownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"FocalPerson.Name\"", otherPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task TheReorganizationFormDoesAMergeAndShowsItsFaultsInVietnamese()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync("thuongtruc");

        var bad = await client.PostFormAsync("/don-vi/sap-xep", new()
        {
            ["Input.Kind"] = "merge",
            ["Input.EffectiveDate"] = "01/07/2026",
            ["Input.From"] = "X2025-06652-HATU",
            ["Input.To[0].Code"] = "X2026-A",
            ["Input.To[0].Name"] = "Phường A",
            ["Input.To[0].Type"] = "commune",
            ["Input.To[0].ParentCode"] = "QN-22",
        });
        var good = await client.PostFormAsync("/don-vi/sap-xep", new()
        {
            ["Input.Kind"] = "merge",
            ["Input.EffectiveDate"] = "01/07/2026",
            ["Input.From"] = "X2025-06652-HATU, X2025-06658-CAOXANH",
            ["Input.To[0].Code"] = "X2026-A",
            ["Input.To[0].Name"] = "Phường A",
            ["Input.To[0].Type"] = "commune",
            ["Input.To[0].ParentCode"] = "QN-22",
        });
        var unitPage = await client.GetStringAsync("/don-vi/X2026-A");

        Assert.Contains("Hợp nhất cần ít nhất 2 đơn vị cũ.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Đã thực hiện.", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Phường Hà Tu", unitPage, StringComparison.Ordinal);
        Assert.Contains("Phường Cao Xanh", unitPage, StringComparison.Ordinal);
    }
}
