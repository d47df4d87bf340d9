using System.Net;
using ThiDua.IntegrationTests.Assessment;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Home;

/// <summary>The "Việc cần làm" home page of each role lists the work that waits for it, with its link, and nothing of another unit.</summary>
public class WorkListTests
{
    [Theory]
    [Providers]
    public async Task AReporterSeesItsUnitsAssessmentReportTasksAndDossiersAndNothingOfAnotherUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var wardReporter = await app.ClientAsync("baichay.baocao");
        var assessment = await AssessmentTestData.CreateAsync(wardReporter);
        var wardDossier = await DraftAsync(wardReporter, BaiChay);
        var healthDossier = await DraftAsync(await app.ClientAsync("soyte.baocao"), Health);

        var ward = await (await app.PageClientAsync("baichay.baocao")).GetStringAsync("/");
        var health = await (await app.PageClientAsync("soyte.baocao")).GetStringAsync("/");

        Assert.Contains("Việc cần làm", ward, StringComparison.Ordinal);
        Assert.Contains("Nhập bản tự đánh giá DTI năm 2025", ward, StringComparison.Ordinal);
        Assert.Contains($"href=\"/danh-gia/{assessment}\"", ward, StringComparison.Ordinal);
        Assert.Contains("Soạn báo cáo phong trào năm 2026", ward, StringComparison.Ordinal);
        Assert.Contains("Hạn: trước ngày 15/12/2026", ward, StringComparison.Ordinal);
        Assert.Contains("href=\"/phong-trao/bao-cao?nam=2026\"", ward, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 60-NV01", ward, StringComparison.Ordinal);
        Assert.Contains("Quá hạn: 31/12/2025", ward, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 60-NV02", ward, StringComparison.Ordinal);
        Assert.Contains("Hoàn thiện hồ sơ khen thưởng: Phường Bãi Cháy", ward, StringComparison.Ordinal);
        Assert.Contains($"href=\"/khen-thuong/{wardDossier}\"", ward, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/khen-thuong/{healthDossier}\"", ward, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Y tế", ward, StringComparison.Ordinal);

        // Sở Y tế has not started its 2025 assessment; its completed tasks are not work.
        Assert.Contains("Lập bản tự đánh giá DTI năm 2025", health, StringComparison.Ordinal);
        Assert.Contains($"href=\"/khen-thuong/{healthDossier}\"", health, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 60-NV01", health, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 60-NV02", health, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 1488-NV03", health, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/danh-gia/{assessment}\"", health, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/khen-thuong/{wardDossier}\"", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUnitLeaderIsAskedToSendWhatIsReadyAndToResubmitWhatWasReturned()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var leader = await app.ClientAsync("baichay.lanhdao");
        var assessment = await AssessmentTestData.CreateAsync(leader);
        var dossier = await DraftAsync(leader, BaiChay);
        await UploadDossierAsync(leader, dossier);
        await SubmitAsync(leader, dossier);
        await (await (await app.ClientAsync(Board)).PostJsonAsync($"/api/v1/nominations/{dossier}/return", new { reason = "Thiếu xác nhận của Công an phường" })).JsonAsync();

        var home = await (await app.PageClientAsync("baichay.lanhdao")).GetStringAsync("/");

        Assert.Contains("Xem và gửi bản tự đánh giá DTI năm 2025", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/danh-gia/{assessment}\"", home, StringComparison.Ordinal);
        Assert.Contains("Gửi báo cáo phong trào năm 2026", home, StringComparison.Ordinal);
        Assert.Contains("Bổ sung hồ sơ khen thưởng được trả lại: Phường Bãi Cháy", home, StringComparison.Ordinal);
        Assert.Contains("Thiếu xác nhận của Công an phường", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecretariatSeesAssessmentsToAppraiseMissingReportsAndRankingsToPublish()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);

        var home = await (await app.PageClientAsync("thuongtruc")).GetStringAsync("/");

        Assert.Contains("Thẩm định bản tự đánh giá DTI năm 2025", home, StringComparison.Ordinal);
        Assert.Matches(@"href=""/danh-gia/\d+/tham-dinh""", home);
        Assert.Matches(@"\d+ đơn vị chưa gửi báo cáo phong trào năm 2026", home);
        Assert.Contains("href=\"/phong-trao/tong-hop?nam=2026\"", home, StringComparison.Ordinal);
        Assert.Contains("Công bố kết quả", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/ket-qua?bo-chi-so=QN-DTI-2025-XA\"", home, StringComparison.Ordinal);
        // The 2024 rankings are published and nothing was appraised since.
        Assert.DoesNotContain("href=\"/ket-qua?bo-chi-so=QN-DTI-2024-XA\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBoardSeesDossiersToReceiveSessionsToCloseAndFeedbackAndAMemberSeesOnlyBallotsNotCast()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var (_, submitted) = await HealthSubmittedAsync(app);
        var received = await ReceivedConstructionAsync(app);
        var session = (int)(await SessionAsync(app, [received]))["id"]!;
        var ward = await app.PageClientAsync("baichay.baocao");
        await ward.PostFormAsync("/gop-y", new() { ["subject"] = "Mẫu báo cáo thành tích", ["body"] = "Đề nghị cung cấp mẫu báo cáo thành tích tập thể." });
        await VoteAsync(app, "hoidong2", session, (received, "yes"));

        var board = await (await app.PageClientAsync(Board)).GetStringAsync("/");
        var member = await (await app.PageClientAsync("hoidong1")).GetStringAsync("/");
        var voted = await (await app.PageClientAsync("hoidong2")).GetStringAsync("/");

        Assert.Contains("Tiếp nhận hồ sơ: Sở Y tế", board, StringComparison.Ordinal);
        Assert.Contains($"href=\"/khen-thuong/{submitted}\"", board, StringComparison.Ordinal);
        Assert.Contains("Kết thúc bỏ phiếu phiên họp Hội đồng ngày 27/11/2026", board, StringComparison.Ordinal);
        Assert.Contains($"href=\"/khen-thuong/hoi-dong/{session}\"", board, StringComparison.Ordinal);
        Assert.Contains("Trả lời vướng mắc: Mẫu báo cáo thành tích", board, StringComparison.Ordinal);
        Assert.Contains("Bỏ phiếu phiên họp Hội đồng ngày 27/11/2026", member, StringComparison.Ordinal);
        Assert.Contains($"href=\"/khen-thuong/hoi-dong/{session}\"", member, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/khen-thuong/hoi-dong/{session}\"", voted, StringComparison.Ordinal);
        Assert.Contains("Không có việc nào đang chờ", voted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInspectorLeaderAdminAndPublicPagesSayWhatThereIs()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);

        var inspector = await (await app.PageClientAsync("thanhtra")).GetStringAsync("/");
        var leader = await (await app.PageClientAsync("lanhdao")).GetStringAsync("/");
        var admin = await (await app.PageClientAsync("admin")).GetStringAsync("/");
        var anonymous = await (await app.PageClientAsync(null)).GetAsync("/");
        var publicPage = await anonymous.Content.ReadAsStringAsync();

        Assert.Contains("Chưa có kế hoạch kiểm tra", inspector, StringComparison.Ordinal);
        Assert.Contains("Tổng quan", leader, StringComparison.Ordinal);
        Assert.Contains("href=\"/ket-qua\"", leader, StringComparison.Ordinal);
        Assert.Contains("Không có việc nào đang chờ", admin, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain("Việc cần làm", publicPage, StringComparison.Ordinal);
        Assert.Contains("Đơn vị đang hoạt động", publicPage, StringComparison.Ordinal);
    }
}
