using System.Net;
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
