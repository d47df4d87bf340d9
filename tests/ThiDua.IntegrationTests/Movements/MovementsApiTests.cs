using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Movements;

public class MovementsApiTests
{
    private const string Movement = "CDS-2022-2025";

    [Theory, Providers]
    public async Task TheSeededMovementHasThePhasesAndMilestonesOfSectionV(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("lanhdao");

        var movement = await (await client.GetAsync($"/api/v1/movements/{Movement}")).JsonAsync();

        Assert.Equal("Phong trào thi đua Chuyển đổi số toàn diện tỉnh Quảng Ninh giai đoạn 2022–2025", (string?)movement["name"]);
        Assert.Equal("2022-07-15", (string?)movement["decisionDate"]);
        Assert.Equal("12-15", (string?)movement["reportDeadline"]);
        Assert.Equal("12-31", (string?)movement["consolidatedDeadline"]);
        var milestones = movement["milestones"]!.AsArray().ToDictionary(m => (string)m!["code"]!, m => m!);
        Assert.Equal(("2023-10-01", "2023-12-31"), ((string?)milestones["SO-KET-2023"]["startDate"], (string?)milestones["SO-KET-2023"]["dueDate"]));
        Assert.Equal(("2025-10-01", "2025-12-31"), ((string?)milestones["TONG-KET-2025"]["startDate"], (string?)milestones["TONG-KET-2025"]["dueDate"]));
        Assert.Contains("100%", (string?)milestones["PHAT-DONG-2022"]["title"], StringComparison.Ordinal);
        Assert.Equal("done", (string?)milestones["TONG-KET-2025"]["state"]);
        Assert.Equal("current", (string?)milestones["GIAI-DOAN-2026-2030"]["state"]);
        Assert.Equal("2026-2030", (string?)movement["currentPhase"]);
        Assert.Equal(3, movement["phases"]!.AsArray().Count);
    }

    [Theory, Providers]
    public async Task TheSecretariatChangesTheDeadlineAndAddsMilestones(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var reporter = await app.ClientAsync("soyte.baocao");
        var movement = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}")).JsonAsync();
        var version = (int)movement["version"]!;
        object Body(string deadline, int v) => new
        {
            code = Movement,
            name = (string)movement["name"]!,
            decisionNumber = "2025/QĐ-UBND",
            decisionDate = "2022-07-15",
            startDate = "2022-07-15",
            endDate = "2030-12-31",
            reportDeadline = deadline,
            version = v,
        };

        var changed = await (await secretariat.PutJsonAsync($"/api/v1/movements/{Movement}", Body("10/12", version))).JsonAsync();
        await (await secretariat.PutJsonAsync($"/api/v1/movements/{Movement}", Body("12-15", version))).ProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PutJsonAsync($"/api/v1/movements/{Movement}", Body("31/02", (int)changed["version"]!))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PutJsonAsync($"/api/v1/movements/{Movement}", Body("12-15", (int)changed["version"]!))).ProblemAsync(HttpStatusCode.Forbidden);
        var milestone = await (await secretariat.PostJsonAsync($"/api/v1/movements/{Movement}/milestones", new { code = "SO-KET-2028", title = "Sơ kết giai đoạn 2026–2030 (Quý IV/2028)", startDate = "2028-10-01", dueDate = "2028-12-31", phaseCode = "2026-2030" })).JsonAsync(HttpStatusCode.Created);
        await (await secretariat.PostJsonAsync($"/api/v1/movements/{Movement}/milestones", new { code = "SO-KET-2028", title = "Trùng", dueDate = "2028-12-31" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PostJsonAsync($"/api/v1/movements/{Movement}/milestones", new { code = "X-1", title = "Giai đoạn sai", dueDate = "2028-12-31", phaseCode = "2031" })).ProblemAsync(HttpStatusCode.BadRequest);
        var status = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/report-status?year=2026")).JsonAsync();

        Assert.Equal("12-10", (string?)changed["reportDeadline"]);
        Assert.Equal("upcoming", (string?)milestone["state"]);
        Assert.Equal("2026-12-10", (string?)status["deadline"]);
    }
}
