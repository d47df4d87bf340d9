using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Assessment.AssessmentTestData;

namespace ThiDua.IntegrationTests.Assessment;

public class AssessmentPagesTests
{
    [Fact]
    public async Task TheFormSavesTypedValuesTheVietnameseWayAndNamesTheWrongOnes()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var api = await app.ClientAsync("baichay.baocao");
        var id = await CreateAsync(api);
        var page = await app.PageClientAsync("baichay.baocao");
        var version = (string)(await (await api.GetAsync($"/api/v1/assessments/{id}")).JsonAsync())["version"]!.ToString();

        var bad = await page.PostFormAsync($"/danh-gia/{id}", new() { ["version"] = version, ["v3"] = "chín mươi", ["v1"] = "true" }, handler: "Save");
        var good = await page.PostFormAsync($"/danh-gia/{id}", new() { ["version"] = version, ["v3"] = "90,5", ["v1"] = "true", ["n1"] = "Quyết định số 12/QĐ-UBND" }, handler: "Save");
        var saved = await (await api.GetAsync($"/api/v1/assessments/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("NT1.4: 'chín mươi' không phải giá trị hợp lệ", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(0.905, (double)Value(saved, "NT1.4")["value"]!, 9);
        Assert.Equal(27.15, (double)Value(saved, "NT1.4")["points"]!, 9);
        Assert.Equal("Quyết định số 12/QĐ-UBND", (string?)Value(saved, "NT1.2")["note"]);
    }

    [Fact]
    public async Task AnotherUnitsFormIsNotFoundAndTheAppraisalPageIsForbiddenToUnits()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var id = await CreateAsync(await app.ClientAsync("baichay.baocao"));
        var other = await app.PageClientAsync("soyte.baocao");
        var own = await app.PageClientAsync("baichay.lanhdao");

        var foreign = await other.GetAsync($"/danh-gia/{id}");
        var appraise = await own.GetAsync($"/danh-gia/{id}/tham-dinh");
        var form = await own.GetStringAsync($"/danh-gia/{id}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains("Không tìm thấy", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, appraise.StatusCode);
        Assert.Contains("/loi/403", appraise.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Lưu và gửi đánh giá", form, StringComparison.Ordinal);
        Assert.Contains("id=\"running-total\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppraisedFormShowsTheAppraisedBandAndNoLongerAnExpectedOne()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        int id;
        using (var scope = app.Services.CreateScope())
        {
            // Any appraised assessment of the demo data; the Secretariat may open every unit's form.
            id = await scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>().Assessments
                .Where(a => a.Status == ThiDua.Core.Assessment.AssessmentStatus.Appraised).Select(a => a.Id).FirstAsync();
        }

        var appraised = await (await app.PageClientAsync("thuongtruc")).GetStringAsync($"/danh-gia/{id}");
        var draft = await (await app.PageClientAsync("baichay.baocao")).GetStringAsync($"/danh-gia/{await CreateAsync(await app.ClientAsync("baichay.baocao"))}");

        Assert.Contains("Xếp loại theo thẩm định", appraised, StringComparison.Ordinal);
        Assert.Contains("id=\"appraised-band\"", appraised, StringComparison.Ordinal);
        Assert.DoesNotContain("Xếp loại dự kiến", appraised, StringComparison.Ordinal);
        Assert.Contains("Xếp loại dự kiến", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Xếp loại theo thẩm định", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRankingPageShowsBandsIntervalsAndOnlyPublishedResultsToUnits()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.PageClientAsync("thuongtruc");
        var reporter = await app.PageClientAsync("baichay.baocao");
        var anonymous = await app.PageClientAsync(null);

        var live = await secretariat.GetStringAsync("/ket-qua?bo-chi-so=QN-DTI-2025-XA");
        var hidden = await reporter.GetStringAsync("/ket-qua?bo-chi-so=QN-DTI-2025-XA");
        var published = await reporter.GetStringAsync("/ket-qua?bo-chi-so=QN-DTI-2024-XA");
        var open = await anonymous.GetStringAsync("/cong-khai/ket-qua?bo-chi-so=QN-DTI-2024-SO");

        Assert.Contains("Chưa công bố", live, StringComparison.Ordinal);
        Assert.Contains("class=\"rank-interval\"", live, StringComparison.Ordinal);
        Assert.Contains("band-", live, StringComparison.Ordinal);
        Assert.Contains("chưa được công bố", hidden, StringComparison.Ordinal);
        Assert.Contains("Đã công bố", published, StringComparison.Ordinal);
        Assert.Contains("Sở Y tế", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Công bố</button>", published, StringComparison.Ordinal);
    }
}

public class AppraisalHistoryPageTests
{
    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();

    [Fact]
    public async Task TheAppraisalPageTellsItsHistoryInVietnameseWithNamesAndVietnameseNumbers()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.ClientAsync("baichay.baocao");
        var id = await CreateAsync(reporter);
        await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", BaiChayValues(await UploadPdfAsync(reporter)))).JsonAsync();
        await (await (await app.ClientAsync("baichay.lanhdao")).PostAsync($"/api/v1/assessments/{id}/submit", null)).JsonAsync();
        await (await (await app.ClientAsync("thuongtruc")).PostJsonAsync($"/api/v1/assessments/{id}/appraisal", new object[]
        {
            new { indicatorCode = "NT2.2", value = 1.5, reason = "Dự toán chi thường xuyên ghi 1,5 %." },
        })).JsonAsync();

        var page = await (await app.PageClientAsync("thuongtruc")).GetAsync($"/danh-gia/{id}/tham-dinh");
        var document = Parser.ParseDocument(await page.Content.ReadAsStringAsync());
        var statusHistory = string.Join("\n", document.QuerySelectorAll("h2 + ul.small li").Select(li => li.TextContent.Trim()));
        var valueHistory = string.Join("\n", document.QuerySelectorAll("table.small tbody tr").Select(tr => string.Join(" | ", tr.Children.Select(td => td.TextContent.Trim()))));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Phan Văn Long: Đang nhập → Đã gửi, chờ thẩm định", statusHistory, StringComparison.Ordinal);
        Assert.Contains("27/11/2026 10:00", statusHistory, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Thu Hà | NT2.2", valueHistory, StringComparison.Ordinal);
        Assert.Contains("Giá trị thẩm định: (trống) → 1,5", valueHistory, StringComparison.Ordinal);
        Assert.Contains("Ý kiến thẩm định: Chưa thẩm định → Điều chỉnh", valueHistory, StringComparison.Ordinal);
        Assert.Contains("Lý do thẩm định: (trống) → Dự toán chi thường xuyên ghi 1,5 %.", valueHistory, StringComparison.Ordinal);
        Assert.Contains("Đặng Thị Hoa | NT3.3", valueHistory, StringComparison.Ordinal);
        Assert.Contains("Giá trị tự đánh giá: (trống) → 3/4", valueHistory, StringComparison.Ordinal);
        foreach (var code in new[] { "SelfValue", "Decision", "Draft", "Submitted", "numerator", "→ 1.5", "system" })
        {
            Assert.DoesNotContain(code, statusHistory + valueHistory, StringComparison.Ordinal);
        }
    }
}
