using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Inspections;

public class InspectionApiTests
{
    private const string Health = "SO-YT";
    private const string Justice = "SO-TP";
    private const string BaiChay = "X2025-06673-BAICHAY";

    private static object Plan(string[] units, string[]? inspectors = null, string start = "2026-11-20", string end = "2026-12-20") => new
    {
        year = 2026, title = "Kiểm tra chuyển đổi số cuối năm 2026", unitCodes = units, startDate = start, endDate = end,
        inspectorUserNames = inspectors ?? ["thanhtra"], scope = "Minh chứng DTI, nhiệm vụ, báo cáo năm.",
    };

    [Theory, Providers]
    public async Task InspectorsRecordFindingsTheUnitAnswersAndSeesOnlyItsOwn(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var inspector = await app.ClientAsync("thanhtra");
        var health = await app.ClientAsync("soyte.baocao");
        var ward = await app.ClientAsync("baichay.baocao");

        var plan = await (await secretariat.PostJsonAsync("/api/v1/inspections", Plan([Health, Justice]))).JsonAsync(HttpStatusCode.Created);
        var id = (int)plan["id"]!;
        Assert.Equal(["thanhtra"], plan["inspectors"]!.AsArray().Select(i => (string?)i!["userName"]));
        var visit = await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/visits", new { unitCode = Health, date = "2026-11-25", note = "Làm việc với Sở." })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Health, (string?)visit["unitCode"]);
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/visits", new { unitCode = Health, date = "2027-02-01" })).ProblemAsync(HttpStatusCode.BadRequest);

        var own = await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/findings", new
        {
            unitCode = Health, subject = "dti", text = "Thiếu minh chứng hồ sơ bệnh án điện tử.",
            recommendations = new[] { new { text = "Bổ sung minh chứng.", dueDate = "2026-12-10" } },
        })).JsonAsync(HttpStatusCode.Created);
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/findings", new
        {
            unitCode = Justice, subject = "report", text = "Báo cáo năm của Sở Tư pháp gửi muộn.",
            recommendations = new[] { new { text = "Gửi báo cáo đúng hạn.", dueDate = "2026-12-31" } },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("dti", (string?)own["subject"]);
        var rid = (int)own["recommendations"]![0]!["id"]!;
        Assert.Equal("open", (string?)own["recommendations"]![0]!["status"]);

        // A unit outside the plan, and a due date already past, are the inspector's input errors.
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/findings", new { unitCode = BaiChay, text = "Không thuộc kế hoạch." })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/findings", new
        {
            unitCode = Health, text = "Hạn đã qua.", recommendations = new[] { new { text = "Làm ngay.", dueDate = "2026-01-01" } },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        // The unit sees the plan with its own findings only; another unit's plan is missing to it.
        var seen = await (await health.GetAsync($"/api/v1/inspections/{id}")).JsonAsync();
        Assert.Equal([Health], seen["findings"]!.AsArray().Select(f => (string?)f!["unitCode"]));
        Assert.DoesNotContain("Sở Tư pháp gửi muộn", seen.ToJsonString(), StringComparison.Ordinal);
        var csv = await (await health.GetAsync($"/api/v1/inspections/{id}/report.csv")).Content.ReadAsStringAsync();
        Assert.Contains("Thiếu minh chứng hồ sơ bệnh án điện tử.", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tư pháp gửi muộn", csv, StringComparison.Ordinal);
        var board = await (await (await app.ClientAsync("banthidua")).GetAsync($"/api/v1/inspections/{id}")).JsonAsync();
        Assert.Equal(2, board["findings"]!.AsArray().Count);
        var missing = await (await ward.GetAsync("/api/v1/inspections/987654")).ProblemAsync(HttpStatusCode.NotFound);
        var notHers = await (await ward.GetAsync($"/api/v1/inspections/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((string?)missing["title"], (string?)notHers["title"]);
        var wardList = await (await ward.GetAsync("/api/v1/inspections")).JsonAsync();
        Assert.DoesNotContain(id, wardList["items"]!.AsArray().Select(p => (int)p!["id"]!));
        var healthList = await (await health.GetAsync("/api/v1/inspections?year=2026")).JsonAsync();
        var listed = healthList["items"]!.AsArray().Single(p => (int)p!["id"]! == id)!;
        Assert.Equal(1, (int)listed["findings"]!);

        // Another unit's recommendation answers as a missing one; the unit's answer is recorded.
        var justiceRid = (int)board["findings"]!.AsArray().Single(f => (string?)f!["unitCode"] == Justice)!["recommendations"]![0]!["id"]!;
        await (await health.PostJsonAsync($"/api/v1/inspections/{id}/recommendations/{justiceRid}/response", new { text = "Xen vào.", done = true })).ProblemAsync(HttpStatusCode.NotFound);
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{id}/recommendations/{rid}/response", new { text = "Không phải đơn vị.", done = true })).ProblemAsync(HttpStatusCode.Forbidden);
        var answered = await (await health.PostJsonAsync($"/api/v1/inspections/{id}/recommendations/{rid}/response", new { text = "Đang bổ sung minh chứng.", done = false })).JsonAsync();
        Assert.Equal("responded", (string?)answered["status"]);
        Assert.False((bool)answered["overdue"]!);

        // Past its due date and not done: overdue, by the app's clock.
        app.Clock.Advance(TimeSpan.FromDays(20));
        app.ForgetTokens();
        health = await app.ClientAsync("soyte.baocao");
        var late = await (await health.GetAsync($"/api/v1/inspections/{id}")).JsonAsync();
        Assert.True((bool)late["findings"]![0]!["recommendations"]![0]!["overdue"]!);
        var stale = (int)answered["version"]! - 1;
        await (await health.PostJsonAsync($"/api/v1/inspections/{id}/recommendations/{rid}/response", new { text = "Bản cũ.", done = true, version = stale })).ProblemAsync(HttpStatusCode.Conflict);
        var done = await (await health.PostJsonAsync($"/api/v1/inspections/{id}/recommendations/{rid}/response", new { text = "Đã bổ sung đủ minh chứng.", done = true, version = (int)answered["version"]! })).JsonAsync();
        Assert.Equal("done", (string?)done["status"]);
        Assert.False((bool)done["overdue"]!);
        Assert.Equal("soyte.baocao", (string?)done["respondedBy"]);

        // Every write is in the audit log.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDua.Data.ThiDuaDbContext>();
        var audited = db.AuditEntries.Where(a => a.EntityType.StartsWith("Inspection")).Select(a => a.EntityType + ":" + a.Action).Distinct().ToList();
        Assert.Contains("InspectionPlan:create", audited);
        Assert.Contains("InspectionVisit:create", audited);
        Assert.Contains("InspectionFinding:create", audited);
        Assert.Contains("InspectionRecommendation:update", audited);
    }

    [Theory, Providers]
    public async Task OnlyPlannersPlanAndOnlyThePlansInspectorsRecordFindings(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var board = await app.ClientAsync("banthidua");
        var inspector = await app.ClientAsync("thanhtra");

        // A plan whose team does not include the demo inspector: she inspects other plans, not this one.
        var other = await (await board.PostJsonAsync("/api/v1/inspections", Plan([Health], inspectors: []))).JsonAsync(HttpStatusCode.Created);
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{(int)other["id"]!}/findings", new { unitCode = Health, text = "Không thuộc đoàn." })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.PostJsonAsync($"/api/v1/inspections/{(int)other["id"]!}/visits", new { unitCode = Health, date = "2026-11-25" })).ProblemAsync(HttpStatusCode.Forbidden);
        // Inspectors read every plan (ADR 022); the council does not.
        await (await inspector.GetAsync($"/api/v1/inspections/{(int)other["id"]!}")).JsonAsync();
        await (await (await app.ClientAsync("hoidong1")).GetAsync("/api/v1/inspections")).ProblemAsync(HttpStatusCode.Forbidden);

        await (await inspector.PostJsonAsync("/api/v1/inspections", Plan([Health]))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("soyte.lanhdao")).PostJsonAsync("/api/v1/inspections", Plan([Health]))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("lanhdao")).PostJsonAsync("/api/v1/inspections", Plan([Health]))).ProblemAsync(HttpStatusCode.Forbidden);

        var backwards = await (await board.PostJsonAsync("/api/v1/inspections", Plan([Health], start: "2026-12-20", end: "2026-11-20"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(backwards["errors"]!["endDate"]);
        var unknown = await (await board.PostJsonAsync("/api/v1/inspections", Plan(["KHONG-CO"]))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["unitCodes"]);
        var notInspector = await (await board.PostJsonAsync("/api/v1/inspections", Plan([Health], inspectors: ["lanhdao"]))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notInspector["errors"]!["inspectorUserNames"]);
    }

    [Theory, Providers]
    public async Task TheDemoPlanHasAnOverdueRecommendation(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var list = await (await (await app.ClientAsync("lanhdao")).GetAsync("/api/v1/inspections?year=2026")).JsonAsync();
        var demo = list["items"]!.AsArray().Single(p => (string?)p!["title"] == ThiDua.Web.Data.Seed.DemoInspectionSeeder.Title)!;
        Assert.Equal(1, (int)demo["overdueRecommendations"]!);
        Assert.Equal(["thanhtra"], demo["inspectors"]!.AsArray().Select(i => (string?)i!["userName"]));
    }
}
