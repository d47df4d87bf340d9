using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Movements;

public class RegistrationTests
{
    private const string Movement = "CDS-2022-2025";

    [Theory, Providers]
    public async Task AUnitRegistersWithItsCommitmentsAndTheRateMoves(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var secretariat = await app.ClientAsync("thuongtruc");

        var before = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/registration-status")).JsonAsync();
        var registered = await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", new
        {
            unitCode = "X2025-06673-BAICHAY",
            launchedOn = "2025-07-20",
            launchDocument = "Kế hoạch số 05/KH-UBND ngày 18/7/2025 của UBND phường Bãi Cháy",
            commitments = new[] { "100% hồ sơ thủ tục hành chính tiếp nhận trực tuyến", "Đạt loại Tốt trong đánh giá DTI 2025" },
        })).JsonAsync(HttpStatusCode.Created);
        var after = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/registration-status")).JsonAsync();

        Assert.Contains("X2025-06673-BAICHAY", before["missing"]!.AsArray().Select(c => (string)c!));
        Assert.DoesNotContain("X2025-06673-BAICHAY", after["missing"]!.AsArray().Select(c => (string)c!));
        Assert.Equal((int)before["registered"]! + 1, (int)after["registered"]!);
        Assert.Equal((int)before["total"]!, (int)after["total"]!);
        Assert.Equal(2, registered["commitments"]!.AsArray().Count);
        var communes = after["byType"]!.AsArray().Single(t => (string?)t!["type"] == "commune")!;
        Assert.Equal(54, (int)communes["total"]!);
        Assert.Equal(76, (int)after["total"]!);   // 15 departments, 7 mass organisations, 54 communes on 27/11/2026
        var in2024 = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/registration-status?asOf=2024-12-31")).JsonAsync();
        Assert.Equal(13, (int)in2024["byType"]!.AsArray().Single(t => (string?)t!["type"] == "district")!["total"]!);
    }

    [Theory, Providers]
    public async Task BadRegistrationsAreRefusedClearly(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        object Registration(string unitCode = "X2025-06673-BAICHAY", string launchedOn = "2025-07-20", string[]? commitments = null) =>
            new { unitCode, launchedOn, commitments = commitments ?? ["Cam kết hoàn thành nhiệm vụ"] };

        var future = await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration(launchedOn: "2026-12-01"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration(launchedOn: "2021-01-01"))).ProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration(unitCode: "NOWHERE"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration(commitments: ["  "]))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration(unitCode: "SO-YT"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/movements/NO-MOVEMENT/registrations", Registration())).ProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration())).JsonAsync(HttpStatusCode.Created);
        var second = await (await reporter.PostJsonAsync($"/api/v1/movements/{Movement}/registrations", Registration())).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("tương lai", (string?)future["detail"], StringComparison.Ordinal);
        Assert.Contains("NOWHERE", (string?)unknown["detail"], StringComparison.Ordinal);
        Assert.Contains("đã đăng ký", (string?)second["detail"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ALaunchIsRecordedBeforeRegistration(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var leader = await app.ClientAsync("baichay.lanhdao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var before = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/registration-status")).JsonAsync();

        await (await leader.PostJsonAsync($"/api/v1/movements/{Movement}/launches", new { unitCode = "X2025-06673-BAICHAY", launchedOn = "2025-07-25", launchDocument = "Kế hoạch số 05/KH-UBND" })).JsonAsync();
        var after = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/registration-status")).JsonAsync();

        Assert.Equal((int)before["launched"]! + 1, (int)after["launched"]!);
        Assert.Equal((int)before["registered"]!, (int)after["registered"]!);
    }
}
