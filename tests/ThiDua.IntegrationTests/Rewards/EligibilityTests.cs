using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// Who may be rewarded: a unit by its published DTI and its tasks of the phase, a person or an enterprise by the
/// criteria the Board confirms.
/// </summary>
public class EligibilityTests
{
    private static async Task<int> AssignTaskAsync(ThiDuaApp app, string unitCode)
    {
        var secretariat = await app.ClientAsync("thuongtruc");
        var task = await (await secretariat.PostJsonAsync("/api/v1/tasks", new
        {
            sourceDocument = "59/KH-UBND", code = "59-NV-TEST", title = "Số hoá hồ sơ thủ tục hành chính còn hiệu lực", assigneeUnitCodes = new[] { unitCode }, dueDate = "2025-09-30",
        })).JsonAsync(HttpStatusCode.Created);
        return (int)task["id"]!;
    }

    private static async Task<int> PersonAsync(HttpClient reporter) => (int)(await NominateAsync(reporter, PersonNomination()))["id"]!;

    private static async Task<HttpResponseMessage> CheckCriteriaAsync(HttpClient client, int id, object criteria) =>
        await client.PutJsonAsync($"/api/v1/nominations/{id}/criteria", criteria);

    [Theory, Providers]
    public async Task AUnitWhosePublishedDtiReachesTheLineOfGoodIsEligible(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var dti = await PublishedDtiAsync(app, Construction);
        Assert.True(dti.ReachesGood, $"Premise: {Construction} is at least at the line of Tốt ({dti}).");
        var id = await BoardDraftAsync(app, Construction);
        await TickChecklistAsync(app, id);

        var eligibility = await EligibilityAsync(app, id);

        Assert.True((bool)eligibility["eligible"]!);
        Assert.Equal(dti.GoodDetail, (string?)eligibility.Rule("dti_good")["detail"]);
    }

    [Theory, Providers]
    public async Task ADepartmentFormedIn2025IsJudgedOnItsPredecessorsMeanAndTheReasonSaysSo(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var dti = await PublishedDtiAsync(app, Construction);
        var id = await BoardDraftAsync(app, Construction);

        var detail = (string?)(await EligibilityAsync(app, id)).Rule("dti_good")["detail"];

        Assert.NotNull(dti.Predecessors);
        Assert.StartsWith("DTI 2024: đơn vị chưa có kết quả riêng; xét theo trung bình các đơn vị tiền thân (", detail, StringComparison.Ordinal);
        Assert.Equal(dti.Predecessors!.Average(p => p.Score), dti.Score100, 9);
    }

    [Theory, Providers]
    public async Task TheLawsPreconditionsAreItemsTheBoardTicksForAUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var id = await BoardDraftAsync(app, Construction);

        var before = await EligibilityAsync(app, id);
        await TickChecklistAsync(app, id);
        var after = await EligibilityAsync(app, id);

        Assert.False((bool)before["eligible"]!);
        Assert.False((bool)before.Rule("criterion:doan-ket")["passed"]!);
        Assert.True((bool)after["eligible"]!);
    }

    [Theory, Providers]
    public async Task AUnitBelowTheLineOfGoodIsNotEligibleEvenWithItsTasksDone(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var dti = await PublishedDtiAsync(app, Industry);
        Assert.False(dti.ReachesGood, $"Premise: {Industry} is below the line of Tốt ({dti}).");
        var id = await BoardDraftAsync(app, Industry);

        var eligibility = await EligibilityAsync(app, id);

        Assert.False((bool)eligibility["eligible"]!);
        Assert.False((bool)eligibility.Rule("dti_good")["passed"]!);
        Assert.Equal(dti.BelowGoodDetail, (string?)eligibility.Rule("dti_good")["detail"]);
        Assert.True((bool)eligibility.Rule("tasks_completed")["passed"]!);
    }

    [Theory, Providers]
    public async Task AnOpenTaskOfThePhaseKeepsAGoodUnitIneligible(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var id = await BoardDraftAsync(app, LabourFederation);
        await AssignTaskAsync(app, LabourFederation);

        var eligibility = await EligibilityAsync(app, id);

        Assert.True((bool)eligibility.Rule("dti_good")["passed"]!);
        Assert.False((bool)eligibility.Rule("tasks_completed")["passed"]!);
        Assert.Contains("hoàn thành 0/1 (0 %) — chưa đạt yêu cầu hoàn thành toàn bộ", (string?)eligibility.Rule("tasks_completed")["detail"], StringComparison.Ordinal);
        Assert.False((bool)eligibility["eligible"]!);
    }

    [Theory, Providers]
    public async Task CompletingTheOpenTaskMakesTheUnitEligible(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var id = await BoardDraftAsync(app, LabourFederation);
        var task = await AssignTaskAsync(app, LabourFederation);
        var secretariat = await app.ClientAsync("thuongtruc");

        await (await secretariat.PostJsonAsync($"/api/v1/tasks/{task}/progress", new { unitCode = LabourFederation, percent = 100, completed = true, note = "Đã số hoá 100 %" }))
            .JsonAsync(HttpStatusCode.Created);
        await TickChecklistAsync(app, id);

        var eligibility = await EligibilityAsync(app, id);
        Assert.True((bool)eligibility["eligible"]!);
        Assert.Contains("hoàn thành 1/1 (100 %) — đạt", (string?)eligibility.Rule("tasks_completed")["detail"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task APersonIsNotEligibleUntilTheBoardConfirmsTheMandatoryCriteria(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await PersonAsync(await app.ClientAsync("soyte.baocao"));

        var eligibility = await EligibilityAsync(app, id);

        Assert.False((bool)eligibility["eligible"]!);
        Assert.Contains(eligibility["reasons"]!.AsArray(), r => (string?)r!["rule"] == "criterion:sang-kien" && !(bool)r["passed"]!);
    }

    [Theory, Providers]
    public async Task OnlyTheBoardConfirmsTheCriteria(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var id = await PersonAsync(reporter);

        var response = await CheckCriteriaAsync(reporter, id, new[] { new { code = "sang-kien", @checked = true } });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AnUnknownCriterionIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await PersonAsync(await app.ClientAsync("soyte.baocao"));

        var response = await CheckCriteriaAsync(await app.ClientAsync(Board), id, new[] { new { code = "khong-co", @checked = true } });

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task ConfirmedCriteriaMakeThePersonEligibleAndTheBoardsNoteIsInTheReason(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await PersonAsync(await app.ClientAsync("soyte.baocao"));

        await (await CheckCriteriaAsync(await app.ClientAsync(Board), id, new[]
        {
            new { code = "sang-kien", @checked = true, note = (string?)"Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm 2024" },
            new { code = "thanh-tich-xuat-sac", @checked = true, note = (string?)null },
            new { code = "hoan-thanh-nhiem-vu", @checked = true, note = (string?)null },
            new { code = "chap-hanh", @checked = true, note = (string?)null },
        })).JsonAsync();

        var eligibility = await EligibilityAsync(app, id);
        Assert.True((bool)eligibility["eligible"]!);
        Assert.Contains(eligibility["reasons"]!.AsArray(), r => ((string?)r!["detail"])!.EndsWith("đạt — Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm 2024.", StringComparison.Ordinal));
    }
}
