using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Tasks;

public class TasksApiTests
{
    [Theory, Providers]
    public async Task CompletionIsRightPerUnitAndPerPhase(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var leader = await app.ClientAsync("soyte.lanhdao");

        async Task<int> Create(string code, string due, params string[] units) =>
            (int)(await (await secretariat.PostJsonAsync("/api/v1/tasks", new { sourceDocument = "59/KH-UBND", code, title = $"Nhiệm vụ {code}", assigneeUnitCodes = units, dueDate = due })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var a = await Create("T-A", "2023-09-30", "SO-GDDT");
        var b = await Create("T-B", "2023-12-31", "SO-GDDT", "SO-TP");
        var c = await Create("T-C", "2025-11-30", "SO-GDDT");
        await Create("T-D", "2028-12-31", "SO-GDDT");

        async Task Report(int id, string unit, double percent, bool completed) =>
            await (await secretariat.PostJsonAsync($"/api/v1/tasks/{id}/progress", new { unitCode = unit, percent, completed, note = "Báo cáo" })).JsonAsync(HttpStatusCode.Created);
        await Report(a, "SO-GDDT", 100, true);
        await Report(b, "SO-GDDT", 60, false);
        await Report(c, "SO-GDDT", 100, true);
        await Report(b, "SO-TP", 100, true);

        var midterm = await (await secretariat.GetAsync("/api/v1/units/SO-GDDT/task-completion?phase=midterm")).JsonAsync();
        var final = await (await secretariat.GetAsync("/api/v1/units/SO-GDDT/task-completion?phase=final")).JsonAsync();
        var next = await (await secretariat.GetAsync("/api/v1/units/SO-GDDT/task-completion?phase=next")).JsonAsync();
        var justice = await (await secretariat.GetAsync("/api/v1/units/SO-TP/task-completion?phase=midterm")).JsonAsync();

        Assert.Equal((2, 1, 0.5), ((int)midterm["assigned"]!, (int)midterm["completed"]!, (double)midterm["completionRate"]!));
        // The final review also counts the demo task 1488-NV03 (due 2024, 80 % done).
        Assert.Equal((4, 2), ((int)final["assigned"]!, (int)final["completed"]!));
        Assert.Equal(0.5, (double)final["completionRate"]!, 9);
        Assert.Equal((1, 0), ((int)next["assigned"]!, (int)next["completed"]!));
        Assert.Equal(1.0, (double)justice["completionRate"]!);
        await (await leader.GetAsync("/api/v1/units/SO-GDDT/task-completion")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.GetAsync("/api/v1/units/SO-GDDT/task-completion?phase=2024")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task AssigneesReportOnlyTheirOwnProgressAndOverdueTasksAreFlagged(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var health = await app.ClientAsync("soyte.baocao");
        var baiChay = await app.ClientAsync("baichay.baocao");
        var created = await (await secretariat.PostJsonAsync("/api/v1/tasks", new
        {
            sourceDocument = "1488",
            code = "1488-X1",
            title = "Kết nối cơ sở dữ liệu y tế với nền tảng dùng chung",
            assigneeUnitCodes = new[] { "SO-YT", "X2025-06673-BAICHAY" },
            dueDate = "2027-06-30",
        })).JsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;

        await (await health.PostJsonAsync($"/api/v1/tasks/{id}/progress", new { unitCode = "SO-YT", percent = 100, completed = true, note = "Đã kết nối" })).JsonAsync(HttpStatusCode.Created);
        await (await health.PostJsonAsync($"/api/v1/tasks/{id}/progress", new { unitCode = "X2025-06673-BAICHAY", percent = 100, completed = true })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await baiChay.PostJsonAsync($"/api/v1/tasks/{id}/progress", new { unitCode = "X2025-06673-BAICHAY", percent = 120, completed = false })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await baiChay.PostJsonAsync($"/api/v1/tasks/{id}/progress", new { unitCode = "X2025-06673-BAICHAY", percent = 50, completed = true })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await baiChay.PostJsonAsync($"/api/v1/tasks/{id}/progress", new { unitCode = "SO-GDDT", percent = 50, completed = false })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await health.PostJsonAsync("/api/v1/tasks", new { sourceDocument = "59/KH-UBND", code = "X", title = "Không được", assigneeUnitCodes = new[] { "SO-YT" }, dueDate = "2026-01-01" })).ProblemAsync(HttpStatusCode.Forbidden);

        var task = await (await secretariat.GetAsync($"/api/v1/tasks/{id}")).JsonAsync();
        Assert.Equal("1488/QĐ-UBND", (string?)task["sourceDocument"]);
        Assert.False((bool)task["assignees"]![0]!["overdue"]!);
        app.Clock.Advance(TimeSpan.FromDays(365));
        app.ForgetTokens(); // tokens issued a year ago have expired
        secretariat = await app.ClientAsync("thuongtruc");
        baiChay = await app.ClientAsync("baichay.baocao");
        health = await app.ClientAsync("soyte.baocao");
        var overdue = await (await secretariat.GetAsync("/api/v1/tasks?overdue=true&unitCode=X2025-06673-BAICHAY")).JsonAsync();
        var mine = await (await baiChay.GetAsync("/api/v1/tasks?pageSize=500")).JsonAsync();
        Assert.Contains(overdue["items"]!.AsArray(), t => (int)t!["id"]! == id);
        Assert.All(mine["items"]!.AsArray(), t => Assert.Contains(t!["assignees"]!.AsArray(), a => (string?)a!["unitCode"] == "X2025-06673-BAICHAY"));
        // A unit sees only its own row of a shared task, so which tasks Sở Y tế does not share is read as the Secretariat sees them.
        var everyone = (await (await secretariat.GetAsync("/api/v1/tasks?pageSize=500")).JsonAsync())["items"]!.AsArray();
        var notHealths = mine["items"]!.AsArray().Select(t => (int)t!["id"]!)
            .First(mineId => !everyone.Single(t => (int)t!["id"]! == mineId)!["assignees"]!.AsArray().Any(a => (string?)a!["unitCode"] == "SO-YT"));
        await (await health.GetAsync($"/api/v1/tasks/{notHealths}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task AMergedCommuneAnswersForItsPredecessorsTasks(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");

        // Demo tasks: 59-NV02 was assigned in 2023 to Bãi Cháy and Hùng Thắng (both completed) — today Phường Bãi Cháy.
        var completion = await (await secretariat.GetAsync("/api/v1/units/X2025-06673-BAICHAY/task-completion?phase=midterm")).JsonAsync();

        Assert.Equal(1, (int)completion["assigned"]!);
        Assert.Equal(1.0, (double)completion["completionRate"]!);
    }

    [Theory, Providers]
    public async Task TasksAreImportedFromCsvWithADryRun(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        const string csv = "sourceDocument,code,title,assigneeUnitCodes,dueDate,description\n"
            + "60/KH-UBND,60-A,Cấp căn cước điện tử cho cán bộ,SO-NV-2025;SO-TP,31/12/2025,\n"
            + "60/KH-UBND,60-B,Thanh toán không dùng tiền mặt,SO-TC-2025,2025-12-31,Thu phí\n"
            + "60/KH-UBND,60-C,Sai đơn vị,NOPE,2025-12-31,\n"
            + "60/KH-UBND,60-D,Sai ngày,SO-TP,31/13/2025,\n";

        using var dryForm = new MultipartFormDataContent { { new StringContent(csv), "file", "nhiem-vu.csv" } };
        var dry = await (await secretariat.PostAsync("/api/v1/tasks/import?dryRun=true", dryForm)).JsonAsync();
        using var goodForm = new MultipartFormDataContent { { new StringContent(string.Join('\n', csv.Split('\n').Take(3))), "file", "nhiem-vu.csv" } };
        var real = await (await secretariat.PostAsync("/api/v1/tasks/import?dryRun=false", goodForm)).JsonAsync();
        var list = await (await secretariat.GetAsync("/api/v1/tasks?sourceDocument=60/KH-UBND&pageSize=500")).JsonAsync();

        Assert.Equal([4, 5], dry["errors"]!.AsArray().Select(e => (int)e!["row"]!));
        Assert.Equal(2, (int)real["created"]!);
        Assert.Contains(list["items"]!.AsArray(), t => (string?)t!["code"] == "60-A" && t["assignees"]!.AsArray().Count == 2 && (string?)t["dueDate"] == "2025-12-31");
    }
}
