using System.Net;
using Microsoft.Extensions.Time.Testing;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Movements;

public class AnnualReportTests
{
    private const string Movement = "CDS-2022-2025";

    private static object Draft(string unitCode, int year = 2026) => new
    {
        movementCode = Movement,
        year,
        unitCode,
        summary = "Năm 2026 đơn vị tiếp tục triển khai Phong trào thi đua.",
        results = "Hoàn thành 3/3 nội dung cam kết.",
        proposals = "Đề nghị hỗ trợ đào tạo kỹ năng số.",
    };

    [Theory, Providers]
    public async Task OnTimeAndLateAreDecidedAtMidnightOfTheFifteenthInVietnam(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 14, 23, 59, 0, TimeSpan.FromHours(7)));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);
        var healthReporter = await app.ClientAsync("soyte.baocao");
        var healthLeader = await app.ClientAsync("soyte.lanhdao");
        var wardReporter = await app.ClientAsync("baichay.baocao");
        var wardLeader = await app.ClientAsync("baichay.lanhdao");
        var secretariat = await app.ClientAsync("thuongtruc");

        var health = await (await healthReporter.PostJsonAsync("/api/v1/reports", Draft("SO-YT"))).JsonAsync(HttpStatusCode.Created);
        var ward = await (await wardReporter.PostJsonAsync("/api/v1/reports", Draft("X2025-06673-BAICHAY"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("draft", (string?)health["status"]);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 23, 59, 59, TimeSpan.FromHours(7)));
        var onTime = await (await healthLeader.PostAsync($"/api/v1/reports/{(int)health["id"]!}/submit", null)).JsonAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.FromHours(7)));
        app.ForgetTokens();
        wardLeader = await app.ClientAsync("baichay.lanhdao");
        secretariat = await app.ClientAsync("thuongtruc");
        var late = await (await wardLeader.PostAsync($"/api/v1/reports/{(int)ward["id"]!}/submit", null)).JsonAsync();
        var status = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/report-status?year=2026")).JsonAsync();

        Assert.True((bool)onTime["onTime"]!);
        Assert.False((bool)late["onTime"]!);
        Assert.Equal("2026-12-15", (string?)status["deadline"]);
        Assert.Contains("SO-YT", status["onTime"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("X2025-06673-BAICHAY", status["late"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("SO-GDDT", status["missing"]!.AsArray().Select(c => (string)c!));
        var departments = status["byType"]!.AsArray().Single(t => (string?)t!["type"] == "department")!;
        Assert.Equal(15, (int)departments["expected"]!);
        Assert.Equal(1, (int)departments["onTime"]!);
    }

    [Theory, Providers]
    public async Task OnlyTheLeaderSubmitsAndTheSecretariatReturnsWithAReason(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var leader = await app.ClientAsync("soyte.lanhdao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var other = await app.ClientAsync("baichay.baocao");
        var report = await (await reporter.PostJsonAsync("/api/v1/reports", Draft("SO-YT"))).JsonAsync(HttpStatusCode.Created);
        var id = (int)report["id"]!;

        await (await reporter.PostAsync($"/api/v1/reports/{id}/submit", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/v1/reports/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync("/api/v1/reports", Draft("SO-YT"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/reports", Draft("SO-YT"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await reporter.PostJsonAsync("/api/v1/reports", Draft("SO-YT", 2031))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostJsonAsync("/api/v1/reports", Draft("NOWHERE"))).ProblemAsync(HttpStatusCode.BadRequest);
        var submitted = await (await leader.PostAsync($"/api/v1/reports/{id}/submit", null)).JsonAsync();
        await (await reporter.PutJsonAsync($"/api/v1/reports/{id}", new { summary = "Sửa", results = "Sửa", version = (int)submitted["version"]! })).ProblemAsync(HttpStatusCode.Conflict);
        await (await reporter.PostJsonAsync($"/api/v1/reports/{id}/return", new { reason = "Thiếu số liệu" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PostJsonAsync($"/api/v1/reports/{id}/return", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        var returned = await (await secretariat.PostJsonAsync($"/api/v1/reports/{id}/return", new { reason = "Bổ sung số liệu hồ sơ trực tuyến toàn trình." })).JsonAsync();
        var edited = await (await reporter.PutJsonAsync($"/api/v1/reports/{id}", new { summary = "Tóm tắt đã bổ sung", results = "Hồ sơ trực tuyến toàn trình đạt 82 %.", version = (int)returned["version"]! })).JsonAsync();
        var again = await (await leader.PostAsync($"/api/v1/reports/{id}/submit", null)).JsonAsync();
        var notifications = await (await reporter.GetAsync("/api/v1/notifications")).JsonAsync();

        Assert.Equal("returned", (string?)returned["status"]);
        Assert.Equal("Bổ sung số liệu hồ sơ trực tuyến toàn trình.", (string?)returned["returnReason"]);
        Assert.Equal("Tóm tắt đã bổ sung", (string?)edited["summary"]);
        Assert.Equal("submitted", (string?)again["status"]);
        Assert.Equal((string?)submitted["firstSubmittedAt"], (string?)again["firstSubmittedAt"]);
        Assert.True((int)notifications["unread"]! >= 1);
        Assert.Contains(notifications["items"]!.AsArray(), n => ((string)n!["title"]!).Contains("trả lại", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task TheConsolidatedReportGathersReportsResultsTargetsAndTasks(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var reporter = await app.ClientAsync("soyte.baocao");

        var report = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/consolidated?year=2025")).JsonAsync();
        var xlsx = await secretariat.GetAsync($"/api/v1/movements/{Movement}/consolidated?year=2025&format=xlsx");
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));

        Assert.Equal("2025-12-31", (string?)report["deadline"]);
        Assert.True(report["reports"]!["onTime"]!.AsArray().Count > 40);
        Assert.True(report["reports"]!["late"]!.AsArray().Count > 0);
        Assert.Equal(2, report["dti"]!.AsArray().Count);
        Assert.Equal(29, ((System.Text.Json.Nodes.JsonObject)report["targetsByStatus"]!).Sum(kv => (int)kv.Value!));
        Assert.NotEmpty(report["unitReports"]!.AsArray());
        Assert.Equal(["Tong hop", "DTI", "Chi tieu", "Bao cao don vi", "Chua bao cao"], sheets);
        await (await reporter.GetAsync($"/api/v1/movements/{Movement}/consolidated?year=2025")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
