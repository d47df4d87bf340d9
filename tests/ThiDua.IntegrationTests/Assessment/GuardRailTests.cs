using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Assessment.AssessmentTestData;
using RewardData = ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Assessment;

/// <summary>Risky actions name what they would leave behind: unappraised units, empty indicators, a file offered twice.</summary>
public class GuardRailTests
{
    [Theory]
    [Providers]
    public async Task PublishingNamesTheUnitsNotAppraisedAndRefusesOnlyWhenAskedToRequireThemAll(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");

        // Phường Bãi Cháy has not started its 2025 assessment; other communes are in draft, submitted or returned.
        var refused = await (await secretariat.PostAsync($"/api/v1/frameworks/{Communes2025}/publish?requireAllAppraised=true", null)).ProblemAsync(HttpStatusCode.Conflict);
        var listed = refused["unappraised"]!.AsArray();
        var stillLive = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={Communes2025}")).JsonAsync();
        var published = await (await secretariat.PostAsync($"/api/v1/frameworks/{Communes2025}/publish", null)).JsonAsync();

        Assert.Contains(listed, u => (string?)u!["unitCode"] == BaiChay && (string?)u["status"] == "not_started" && (string?)u["statusName"] == "Chưa lập bản tự đánh giá");
        Assert.Contains(listed, u => (string?)u!["status"] == "submitted");
        Assert.Contains("Phường Bãi Cháy", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.False((bool)stillLive["published"]!);
        Assert.Equal(listed.Count, published["unappraised"]!.AsArray().Count);
        Assert.Contains("không có trong kết quả đã công bố", (string?)published["warning"], StringComparison.Ordinal);
        Assert.True((int)published["units"]! > 0);
    }

    [Fact]
    public async Task ThePublishButtonAsksFirstNamingTheUnitsAndPublishesWithoutThemOnConfirmation()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var page = await app.PageClientAsync("thuongtruc");
        var url = $"/ket-qua?bo-chi-so={Communes2025}";

        var asked = await page.PostFormAsync(url, [], handler: "Publish");
        var question = await asked.Content.ReadAsStringAsync();
        var notYet = await page.GetStringAsync(url);
        var confirmed = await page.PostFormAsync(url, new() { ["xacNhan"] = "true" }, handler: "Publish");
        var after = await page.GetStringAsync(url);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("id=\"publish-confirm\"", question, StringComparison.Ordinal);
        Assert.Contains("Phường Bãi Cháy — <span class=\"text-muted\">Chưa lập bản tự đánh giá</span>", question, StringComparison.Ordinal);
        Assert.Contains("Công bố, không tính các đơn vị này", question, StringComparison.Ordinal);
        Assert.Contains("Quay lại", question, StringComparison.Ordinal);
        Assert.Contains("Chưa công bố", notYet, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Đã công bố", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSubmitConfirmationListsTheIndicatorsStillEmpty()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var leader = await app.ClientAsync("baichay.lanhdao");
        var id = await CreateAsync(leader);
        var saved = await (await leader.PutJsonAsync($"/api/v1/assessments/{id}/values", new object[]
        {
            new { indicatorCode = "NT1.2", value = true },
            new { indicatorCode = "NT1.3", value = 15 },
        })).JsonAsync();
        var missing = saved["missing"]!.AsArray().Count;

        var html = await (await app.PageClientAsync("baichay.lanhdao")).GetStringAsync($"/danh-gia/{id}");

        Assert.True(missing > 12);
        Assert.Contains($"data-confirm=\"Còn {missing} chỉ tiêu chưa nhập (theo lần lưu gần nhất), sẽ tính 0 điểm:", html, StringComparison.Ordinal);
        Assert.Contains("• NT1.1 ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("• NT1.2 ", html, StringComparison.Ordinal);
        Assert.Contains($"… và {missing - 12} chỉ tiêu khác.", html, StringComparison.Ordinal);
        Assert.Contains("Gửi đánh giá? Sau khi gửi, giá trị sẽ khoá cho đến khi thẩm định xong.", html, StringComparison.Ordinal);
    }

    [Theory]
    [Providers]
    public async Task TheSameFileOfferedTwiceInOneDossierIsRefusedNamingTheDocumentItDuplicates(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var id = await RewardData.DraftAsync(reporter, RewardData.Health);
        var proposal = RewardData.Pdf("To trinh de nghi khen thuong So Y te");
        await (await RewardData.UploadAsync(reporter, id, "proposal", proposal, "to-trinh.pdf")).JsonAsync(HttpStatusCode.Created);

        var asMinutes = await (await RewardData.UploadAsync(reporter, id, "minutes", proposal, "bien-ban.pdf")).ProblemAsync(HttpStatusCode.Conflict);
        var again = await (await RewardData.UploadAsync(reporter, id, "proposal", proposal, "to-trinh-lai.pdf")).ProblemAsync(HttpStatusCode.Conflict);
        var otherDossier = await RewardData.DraftAsync(reporter, RewardData.Health);
        var elsewhere = await RewardData.UploadAsync(reporter, otherDossier, "proposal", proposal, "to-trinh.pdf");
        var minutes = await RewardData.UploadAsync(reporter, id, "minutes", RewardData.Pdf("Bien ban hop xet duyet So Y te"), "bien-ban.pdf");
        var dossier = await RewardData.NominationAsync(app, id);

        Assert.Contains("trùng nội dung với tài liệu “Tờ trình đề nghị khen thưởng” (bản 1, tệp to-trinh.pdf", (string?)asMinutes["detail"], StringComparison.Ordinal);
        Assert.Contains("Biên bản họp xét duyệt", (string?)asMinutes["detail"], StringComparison.Ordinal);
        Assert.Contains("giống hệt tài liệu “Tờ trình đề nghị khen thưởng”", (string?)again["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, minutes.StatusCode);
        Assert.Equal(2, dossier["documents"]!.AsArray().Count);
    }
}
