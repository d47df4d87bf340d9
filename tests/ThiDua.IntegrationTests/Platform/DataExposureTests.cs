using System.Net;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// What the outside test found visible to the wrong people (security issue): another unit's progress on a shared task,
/// people's birth dates in the reward history and decisions, and a unit's drafts read by council members and leaders.
/// </summary>
public class DataExposureTests
{
    /// <summary>The seeded shared task 60-NV01 (VNeID), assigned to Sở Y tế, Bãi Cháy and Hà Tu; Sở Y tế reported 70 %.</summary>
    private const string SharedTask = "60-NV01";

    private static async Task<JsonNode> SharedTaskInListAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/tasks?pageSize=500")).JsonAsync())["items"]!.AsArray().Single(t => (string?)t!["code"] == SharedTask)!;

    [Theory, Providers]
    public async Task AUnitSeesOnlyItsOwnPartOfASharedTask(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");

        var listed = await SharedTaskInListAsync(ward);
        var read = await (await ward.GetAsync($"/api/v1/tasks/{(int)listed["id"]!}")).JsonAsync();
        var bySecretariat = await SharedTaskInListAsync(await app.ClientAsync("thuongtruc"));

        foreach (var task in new[] { listed, read })
        {
            Assert.Equal([BaiChay], task["assignees"]!.AsArray().Select(a => (string)a!["unitCode"]!));
            Assert.DoesNotContain(task["history"]!.AsArray(), p => (string?)p!["unitCode"] == Health);
        }
        Assert.Contains(bySecretariat["history"]!.AsArray(), p => (string?)p!["unitCode"] == Health);
        Assert.Equal(3, bySecretariat["assignees"]!.AsArray().Count);
    }

    /// <summary>A Sở Y tế officer with a birth date, awarded the department's own certificate of 2026.</summary>
    private static async Task<int> HealthRewardWithBirthDateAsync(ThiDuaApp app)
    {
        var (reporter, leader) = await HealthStaffAsync(app);
        var id = (int)(await NominateAsync(reporter, new
        {
            movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName = "Đặng Thu Trang", position = "Chuyên viên", organization = "Sở Y tế", dateOfBirth = "1985-06-02" },
            award = "unit_certificate", achievements = "Triển khai hồ sơ sức khoẻ điện tử cho người dân.",
        }))["id"]!;
        await SubmitAsync(leader, id);
        return (int)(await (await DecideAsync(leader, id, "2026-11-27")).JsonAsync(HttpStatusCode.Created))["id"]!;
    }

    [Theory, Providers]
    public async Task ABirthDateIsShownOnlyToThoseWhoHandleTheDossier(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var decision = await HealthRewardWithBirthDateAsync(app);
        var ward = await app.ClientAsync("baichay.baocao");
        const string Person = "/api/v1/rewards/person?fullName=Đặng Thu Trang";

        var otherUnit = new[]
        {
            (await (await ward.GetAsync("/api/v1/rewards?q=dang thu trang")).JsonAsync())["items"]![0]!,
            (await (await ward.GetAsync(Person)).JsonAsync())[0]!,
            (await (await ward.GetAsync($"/api/v1/decisions/{decision}")).JsonAsync())["rewards"]![0]!,
            (await (await (await app.ClientAsync("lanhdao")).GetAsync($"/api/v1/decisions/{decision}")).JsonAsync())["rewards"]![0]!,
        };
        var probe = await (await ward.GetAsync($"{Person}&dateOfBirth=1990-01-01")).JsonAsync();
        var ownUnit = (await (await (await app.ClientAsync("soyte.baocao")).GetAsync("/api/v1/rewards?q=dang thu trang")).JsonAsync())["items"]![0]!;
        var board = (await (await (await app.ClientAsync(Board)).GetAsync($"/api/v1/decisions/{decision}")).JsonAsync())["rewards"]![0]!;

        Assert.All(otherUnit, r => Assert.Null((string?)r["personDateOfBirth"]));
        Assert.Single(probe.AsArray());
        Assert.Equal("1985-06-02", (string?)ownUnit["personDateOfBirth"]);
        Assert.Equal("1985-06-02", (string?)board["personDateOfBirth"]);
    }

    [Theory, Providers]
    public async Task ADraftIsTheUnitsOwnUntilItIsSubmitted(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (reporter, leader) = await HealthStaffAsync(app);
        var id = (int)(await NominateAsync(reporter, PersonNomination()))["id"]!;
        var member = await app.ClientAsync("hoidong1");
        var provinceLeader = await app.ClientAsync("lanhdao");

        var byMember = await member.GetAsync($"/api/v1/nominations/{id}");
        var byLeader = await provinceLeader.GetAsync($"/api/v1/nominations/{id}");
        var eligibilityByMember = await member.GetAsync($"/api/v1/nominations/{id}/eligibility");
        var listedToMember = (await (await member.GetAsync("/api/v1/nominations")).JsonAsync())["items"]!.AsArray().Select(n => (int)n!["id"]!);
        var byBoard = await (await app.ClientAsync(Board)).GetAsync($"/api/v1/nominations/{id}");
        await UploadDossierAsync(reporter, id);
        await SubmitAsync(leader, id);
        var afterSubmit = await member.GetAsync($"/api/v1/nominations/{id}");

        await byMember.ProblemAsync(HttpStatusCode.NotFound);
        await byLeader.ProblemAsync(HttpStatusCode.NotFound);
        await eligibilityByMember.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, listedToMember);
        Assert.Equal(HttpStatusCode.OK, byBoard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterSubmit.StatusCode);
    }

    /// <summary>
    /// A write on another unit's record answers exactly as one on a record that does not exist (404, same title), so
    /// a unit cannot probe which reports, assessments or dossiers others have.
    /// </summary>
    [Theory, Providers]
    public async Task AWriteOnAnotherUnitsRecordAnswersAsAMissingOne(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (healthReporter, _) = await HealthStaffAsync(app);
        var report = (int)(await (await healthReporter.PostJsonAsync("/api/v1/reports", new
        {
            movementCode = Movement, year = 2026, unitCode = Health, summary = "Tóm tắt.", results = "Kết quả.",
        })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var nomination = (int)(await NominateAsync(healthReporter, PersonNomination()))["id"]!;
        var assessment = (int)(await (await (await app.ClientAsync("thuongtruc")).GetAsync($"/api/v1/assessments?unitCode={Health}")).JsonAsync())["items"]![0]!["id"]!;
        var wardReporter = await app.ClientAsync("baichay.baocao");
        var wardLeader = await app.ClientAsync("baichay.lanhdao");
        const int Missing = 987654;

        var pairs = new (Func<int, Task<HttpResponseMessage>> Write, int Existing)[]
        {
            (id => wardReporter.PutJsonAsync($"/api/v1/reports/{id}", new { summary = "Sửa.", results = "Sửa.", version = 1 }), report),
            (id => wardLeader.PostAsync($"/api/v1/reports/{id}/submit", null), report),
            (id => wardLeader.PostAsync($"/api/v1/assessments/{id}/submit", null), assessment),
            (id => UploadAsync(wardReporter, id, "proposal", Pdf("To trinh"), "to-trinh.pdf"), nomination),
            (id => wardReporter.PutJsonAsync($"/api/v1/nominations/{id}", Versioned(PersonNomination(), 1)), nomination),
        };
        foreach (var (write, existing) in pairs)
        {
            var other = await (await write(existing)).ProblemAsync(HttpStatusCode.NotFound);
            var missing = await (await write(Missing)).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal((string?)missing["title"], (string?)other["title"]);
            Assert.Equal(((string)missing["detail"]!).Replace(Missing.ToString(), "N"), ((string)other["detail"]!).Replace(existing.ToString(), "N"));
        }
    }

    private static JsonObject Versioned(object body, int version)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body, HttpExtensions.Json)!.AsObject();
        json["version"] = version;
        return json;
    }
}
