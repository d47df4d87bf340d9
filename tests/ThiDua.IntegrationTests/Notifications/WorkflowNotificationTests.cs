using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Assessment.AssessmentTestData;
using RewardData = ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Notifications;

/// <summary>Every workflow step that hands work to someone reaches the people who must act, in the bell, and no one else.</summary>
public class WorkflowNotificationTests
{
    /// <summary>The titles and bodies in a user's bell, one line each.</summary>
    private static async Task<string> BellAsync(ThiDuaApp app, string userName)
    {
        var body = await (await (await app.ClientAsync(userName)).GetAsync("/api/v1/notifications")).JsonAsync();
        return string.Join("\n", body["items"]!.AsArray().Select(n => $"{(string?)n!["title"]} | {(string?)n["body"]} | {(string?)n["link"]}"));
    }

    [Theory]
    [Providers]
    public async Task SubmissionReturnAppraisalAndPublicationReachTheSecretariatAndTheUnitOnly(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var id = await CreateAsync(reporter);
        await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", BaiChayValues(await UploadPdfAsync(reporter)))).JsonAsync();

        await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).JsonAsync();
        var afterSubmit = await BellAsync(app, "thuongtruc");
        await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/return", new { message = "Giải trình số liệu chỉ tiêu HD1.1" })).JsonAsync();
        var wardAfterReturn = await BellAsync(app, "baichay.baocao");
        var leaderAfterReturn = await BellAsync(app, "baichay.lanhdao");
        await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).JsonAsync();
        var afterResubmit = await BellAsync(app, "thuongtruc");
        await (await secretariat.PostAsync($"/api/v1/assessments/{id}/finalize", null)).JsonAsync();
        var afterAppraisal = await BellAsync(app, "baichay.baocao");
        await (await secretariat.PostAsync($"/api/v1/frameworks/{Communes2025}/publish", null)).JsonAsync();
        var afterPublication = await BellAsync(app, "baichay.lanhdao");

        Assert.Contains($"Phường Bãi Cháy đã gửi bản tự đánh giá DTI năm 2025", afterSubmit, StringComparison.Ordinal);
        Assert.Contains($"/danh-gia/{id}/tham-dinh", afterSubmit, StringComparison.Ordinal);
        Assert.Contains("Bản tự đánh giá DTI năm 2025 được trả lại để giải trình | Lý do: Giải trình số liệu chỉ tiêu HD1.1", wardAfterReturn, StringComparison.Ordinal);
        Assert.Contains("được trả lại để giải trình", leaderAfterReturn, StringComparison.Ordinal);
        Assert.Contains("Phường Bãi Cháy đã gửi lại bản tự đánh giá DTI năm 2025", afterResubmit, StringComparison.Ordinal);
        Assert.Contains("Bản tự đánh giá DTI năm 2025 đã được thẩm định | Điểm thẩm định: 841,75/1.000", afterAppraisal, StringComparison.Ordinal);
        Assert.Contains("Đã công bố kết quả", afterPublication, StringComparison.Ordinal);
        Assert.Contains($"/ket-qua?bo-chi-so={Communes2025}", afterPublication, StringComparison.Ordinal);
        // Another unit's staff, and roles with nothing to do, hear nothing of it.
        foreach (var other in new[] { "soyte.baocao", "soyte.lanhdao", "banthidua", "hoidong1" })
        {
            Assert.DoesNotContain("bản tự đánh giá", await BellAsync(app, other), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Đã công bố kết quả", await BellAsync(app, other), StringComparison.Ordinal);
        }
    }

    [Theory]
    [Providers]
    public async Task ADossiersRouteReachesItsLeaderAndItsUnitAndNotAnotherUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var staff = await RewardData.HealthStaffAsync(app);
        var id = await RewardData.DraftAsync(staff.Reporter, RewardData.Health);

        await RewardData.UploadDossierAsync(staff.Reporter, id);
        var leaderWhenReady = await BellAsync(app, "soyte.lanhdao");
        var reporterWhenReady = await BellAsync(app, "soyte.baocao");
        await RewardData.SubmitAsync(staff.Leader, id);
        var boardAfterSubmit = await BellAsync(app, RewardData.Board);
        await RewardData.ReceiveAsync(app, id);
        var afterReceipt = await BellAsync(app, "soyte.baocao");
        await (await (await app.ClientAsync(RewardData.Board)).PostJsonAsync($"/api/v1/nominations/{id}/return", new { reason = "Thiếu số liệu năm 2025 trong báo cáo thành tích" })).JsonAsync();
        var afterReturn = await BellAsync(app, "soyte.lanhdao");

        Assert.Contains("Hồ sơ khen thưởng đã đủ tài liệu, chờ lãnh đạo trình | Sở Y tế", leaderWhenReady, StringComparison.Ordinal);
        Assert.Contains($"/khen-thuong/{id}", leaderWhenReady, StringComparison.Ordinal);
        Assert.DoesNotContain("đủ tài liệu", reporterWhenReady, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ đề nghị khen thưởng mới", boardAfterSubmit, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ khen thưởng đã được tiếp nhận | Sở Y tế", afterReceipt, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ khen thưởng được trả lại | Sở Y tế", afterReturn, StringComparison.Ordinal);
        Assert.Contains("Lý do: Thiếu số liệu năm 2025 trong báo cáo thành tích.", afterReturn, StringComparison.Ordinal);
        foreach (var other in new[] { "baichay.baocao", "baichay.lanhdao", "hoidong1", "thuongtruc" })
        {
            Assert.DoesNotContain("Hồ sơ", await BellAsync(app, other), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASessionReachesOnlyItsMembersAndItsOutcomeAndNoticeReachTheProposingUnit()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.ClientAsync("admin");
        var outsider = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = "hoidong.huyen", password = ThiDuaApp.Password, fullName = "Thành viên Hội đồng cấp huyện", roles = new[] { "CouncilMember" },
        });
        Assert.Equal(HttpStatusCode.Created, outsider.StatusCode);
        var id = await RewardData.ReceivedConstructionAsync(app);
        var session = (int)(await RewardData.SessionAsync(app, [id]))["id"]!;
        var member = await BellAsync(app, "hoidong1");
        var notMember = await BellAsync(app, "hoidong.huyen");

        await RewardData.UnanimousAsync(app, session, id);
        var afterVote = await BellAsync(app, $"lanhdao.{RewardData.Construction.ToLowerInvariant()}");
        await RewardData.NoticeAsync(app, id);
        var afterNotice = await BellAsync(app, $"lanhdao.{RewardData.Construction.ToLowerInvariant()}");

        Assert.Contains("Phiên họp Hội đồng ngày 27/11/2026", member, StringComparison.Ordinal);
        Assert.Contains($"/khen-thuong/hoi-dong/{session}", member, StringComparison.Ordinal);
        Assert.DoesNotContain("Phiên họp", notMember, StringComparison.Ordinal);
        Assert.Contains("Hội đồng Thi đua – Khen thưởng đã thông qua hồ sơ", afterVote, StringComparison.Ordinal);
        Assert.Contains("3 đồng ý", afterVote, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ khen thưởng đang được công khai lấy ý kiến", afterNotice, StringComparison.Ordinal);
        Assert.Matches(@"đến hết ngày \d{2}/\d{2}/\d{4}", afterNotice);
        foreach (var other in new[] { "soyte.lanhdao", "baichay.lanhdao" })
        {
            Assert.DoesNotContain("Hội đồng", await BellAsync(app, other), StringComparison.Ordinal);
            Assert.DoesNotContain("công khai", await BellAsync(app, other), StringComparison.Ordinal);
        }
    }
}
