using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Core.Assessment;
using ThiDua.Core.Units;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Dashboard;

public class DashboardApiTests
{
    private const string BaiChay = "X2025-06673-BAICHAY";

    [Theory, Providers]
    public async Task TheFiguresFollowTheDataTheyCount(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var leader = await app.ClientAsync("lanhdao");
        var before = await (await leader.GetAsync("/api/v1/dashboard?year=2026")).JsonAsync();

        // Registration and reporting are the movement's own status figures.
        var registration = await (await leader.GetAsync("/api/v1/movements/CDS-2022-2025/registration-status?asOf=2026-11-27")).JsonAsync();
        Assert.Equal((int)registration["registered"]!, (int)before["registration"]!["count"]!);
        Assert.Equal((int)registration["total"]!, (int)before["registration"]!["total"]!);

        // A report sent, an assessment started, an overdue task and an overdue recommendation each move their figure by one.
        var ward = await app.ClientAsync("baichay.baocao");
        var report = (int)(await (await ward.PostJsonAsync("/api/v1/reports", new { movementCode = "CDS-2022-2025", year = 2026, unitCode = BaiChay, summary = "Tóm tắt năm.", results = "Kết quả năm." })).JsonAsync(HttpStatusCode.Created))["id"]!;
        await (await (await app.ClientAsync("baichay.lanhdao")).PostAsync($"/api/v1/reports/{report}/submit", null)).JsonAsync();
        await (await ward.PostJsonAsync("/api/v1/assessments", new { frameworkCode = "QN-DTI-2025-XA", unitCode = BaiChay })).JsonAsync(HttpStatusCode.Created);
        var secretariat = await app.ClientAsync("thuongtruc");
        await (await secretariat.PostJsonAsync("/api/v1/tasks", new { sourceDocument = "60/KH-UBND", code = "60-KT01", title = "Nhiệm vụ đã quá hạn để kiểm tra bảng điều hành", assigneeUnitCodes = new[] { "SO-YT" }, dueDate = "2026-06-30" })).JsonAsync(HttpStatusCode.Created);
        var plan = (int)(await (await secretariat.PostJsonAsync("/api/v1/inspections", new { year = 2026, title = "Kiểm tra bảng điều hành", unitCodes = new[] { "SO-YT" }, startDate = "2026-11-20", endDate = "2026-12-20", inspectorUserNames = new[] { "thanhtra" } })).JsonAsync(HttpStatusCode.Created))["id"]!;
        await (await (await app.ClientAsync("thanhtra")).PostJsonAsync($"/api/v1/inspections/{plan}/findings", new { unitCode = "SO-YT", text = "Kết quả kiểm tra.", recommendations = new[] { new { text = "Kiến nghị sẽ quá hạn.", dueDate = "2026-11-28" } } })).JsonAsync(HttpStatusCode.Created);

        var now = await (await leader.GetAsync("/api/v1/dashboard?year=2026")).JsonAsync();
        Assert.Equal((int)before["reporting"]!["count"]! + 1, (int)now["reporting"]!["count"]!);
        Assert.Equal((int)before["reporting"]!["total"]!, (int)now["reporting"]!["total"]!);
        Assert.Equal((int)before["overdueTasks"]! + 1, (int)now["overdueTasks"]!);
        Assert.Contains("60-KT01", now["overdueTaskList"]!.AsArray().Select(t => (string?)t!["code"]));
        Assert.Equal((int)before["overdueRecommendations"]!, (int)now["overdueRecommendations"]!);
        Assert.Equal(2025, (int)now["dtiYear"]!);
        Assert.Equal(Draft(before, "commune") + 1, Draft(now, "commune"));

        // The recommendation falls due by the clock.
        app.Clock.Advance(TimeSpan.FromDays(3));
        app.ForgetTokens();
        leader = await app.ClientAsync("lanhdao");
        var later = await (await leader.GetAsync("/api/v1/dashboard?year=2026")).JsonAsync();
        Assert.Equal((int)before["overdueRecommendations"]! + 1, (int)later["overdueRecommendations"]!);
        Assert.Contains(plan, later["overdueRecommendationList"]!.AsArray().Select(r => (int)r!["planId"]!));

        // Assessments by type and state, the band distribution and the movers agree with the database.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDua.Data.ThiDuaDbContext>();
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.Framework.Year == 2025)
            .Select(a => new { a.Framework.UnitType, a.Status }).ToListAsync();
        foreach (var row in later["assessments"]!.AsArray())
        {
            Assert.True(UnitTypes.TryParse((string?)row!["unitType"], out var type));
            var ofType = assessments.Where(a => a.UnitType == type).ToList();
            Assert.Equal(ofType.Count, (int)row["total"]!);
            Assert.Equal(ofType.Count(a => a.Status == AssessmentStatus.Appraised), (int)row["appraised"]!);
            Assert.Equal(ofType.Count(a => a.Status == AssessmentStatus.Submitted), (int)row["submitted"]!);
            Assert.Equal(ofType.Count(a => a.Status == AssessmentStatus.Draft), (int)row["draft"]!);
            var distribution = later["distribution"]!.AsArray().Where(d => (string?)d!["unitType"] == (string?)row["unitType"]).ToList();
            Assert.Equal(ofType.Count(a => a.Status == AssessmentStatus.Appraised), distribution.Sum(d => d!["bands"]!.AsArray().Sum(b => (int)b!["count"]!)));
        }
        Assert.Equal(assessments.Count, later["assessments"]!.AsArray().Sum(r => (int)r!["total"]!));
        var risers = later["risers"]!.AsArray().Select(m => (double)m!["change100"]!).ToList();
        Assert.NotEmpty(risers);
        Assert.Equal(risers.OrderByDescending(c => c), risers);
        Assert.All(risers, c => Assert.True(c > 0));
        Assert.All(later["fallers"]!.AsArray(), m => Assert.True((double)m!["change100"]! < 0));
        var nominations = await db.Nominations.AsNoTracking().Where(n => n.Year == 2026 && n.Status != ThiDua.Core.Rewards.NominationStatus.Draft).CountAsync();
        Assert.Equal(nominations, later["nominations"]!.AsArray().Sum(n => (int)n!["count"]!));
    }

    [Theory, Providers]
    public async Task OnlyLeadersAndTheProvincesOfficesSeeTheDashboard(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        foreach (var user in new[] { "lanhdao", "thuongtruc", "banthidua", "admin" })
        {
            await (await (await app.ClientAsync(user)).GetAsync("/api/v1/dashboard")).JsonAsync();
        }
        foreach (var user in new[] { "soyte.baocao", "baichay.lanhdao", "hoidong1", "thanhtra" })
        {
            await (await (await app.ClientAsync(user)).GetAsync("/api/v1/dashboard")).ProblemAsync(HttpStatusCode.Forbidden);
        }
        var page = await app.PageClientAsync("soyte.lanhdao");
        var denied = await page.GetAsync("/lanh-dao");
        Assert.Contains("/loi/403", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        var leader = await app.PageClientAsync("lanhdao");
        var html = await (await leader.GetAsync("/lanh-dao")).Content.ReadAsStringAsync();
        Assert.Contains("Bảng điều hành của lãnh đạo", html, StringComparison.Ordinal);
        Assert.Contains("dti-distribution", html, StringComparison.Ordinal);
        await (await (await app.ClientAsync("lanhdao")).GetAsync("/api/v1/dashboard?year=1999")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static int Draft(JsonNode dashboard, string unitType) =>
        dashboard["assessments"]!.AsArray().Where(r => (string?)r!["unitType"] == unitType).Sum(r => (int)r!["draft"]!);
}
