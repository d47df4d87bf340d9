using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

public class CouncilTests
{
    [Theory, Providers]
    public async Task BallotsAreSecretCountedOnceAndDecidedByThreshold(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishDepartments2025Async(app);
        var construction = await ReceivedAsync(app, Construction);
        var homeAffairs = await ReceivedAsync(app, HomeAffairs);
        var session = await SessionAsync(app, [construction, homeAffairs]);
        var sessionId = (int)session["id"]!;
        Assert.Equal(2.0 / 3, (double)session["quorumFraction"]!, 6);
        Assert.Equal(0.5, (double)session["passFraction"]!);
        var status = await (await (await app.ClientAsync("banthidua")).GetAsync($"/api/v1/nominations/{construction}")).JsonAsync();
        Assert.Equal("sent_to_council", (string?)status["status"]);

        // Someone outside the session, even a council member elsewhere, cannot vote; a ballot must cover every nomination once.
        var outsider = await (await app.ClientAsync("admin")).PostJsonAsync("/api/v1/users", new { userName = "hoidong4", password = ThiDuaApp.Password, fullName = "Thành viên khác", roles = new[] { "CouncilMember" } });
        Assert.Equal(HttpStatusCode.Created, outsider.StatusCode);
        var hoidong4 = await app.ClientAsync("hoidong4");
        await (await hoidong4.PostJsonAsync($"/api/v1/council-sessions/{sessionId}/ballots", new { votes = new[] { new { nominationId = construction, choice = "yes" }, new { nominationId = homeAffairs, choice = "yes" } } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await hoidong4.GetAsync($"/api/v1/council-sessions/{sessionId}")).ProblemAsync(HttpStatusCode.Forbidden);
        var member1 = await app.ClientAsync("hoidong1");
        await (await member1.PostJsonAsync($"/api/v1/council-sessions/{sessionId}/ballots", new { votes = new[] { new { nominationId = construction, choice = "yes" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await member1.PostRawAsync($"/api/v1/council-sessions/{sessionId}/ballots", $$"""{"votes":[{"nominationId":{{construction}},"choice":"maybe"},{"nominationId":{{homeAffairs}},"choice":"yes"}]}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);

        await VoteAsync(app, "hoidong1", sessionId, (construction, "yes"), (homeAffairs, "yes"));
        await (await member1.PostJsonAsync($"/api/v1/council-sessions/{sessionId}/ballots", new { votes = new[] { new { nominationId = construction, choice = "no" }, new { nominationId = homeAffairs, choice = "no" } } }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await VoteAsync(app, "hoidong2", sessionId, (construction, "yes"), (homeAffairs, "no"));

        // While voting runs, the session shows who voted but no tally.
        var open = await (await member1.GetAsync($"/api/v1/council-sessions/{sessionId}")).JsonAsync();
        Assert.Null(open["result"]);
        Assert.Equal([true, true, false], open["members"]!.AsArray().Select(m => (bool)m!["voted"]!));
        await (await member1.PostAsync($"/api/v1/council-sessions/{sessionId}/close", null)).ProblemAsync(HttpStatusCode.Forbidden);

        var board = await app.ClientAsync("banthidua");
        var result = await (await board.PostAsync($"/api/v1/council-sessions/{sessionId}/close", null)).JsonAsync();
        Assert.True((bool)result["quorumMet"]!);
        Assert.Equal(2, (int)result["present"]!);
        Assert.Equal(3, (int)result["members"]!);
        var tallies = result["tallies"]!.AsArray();
        var xd = tallies.Single(t => (int)t!["nominationId"]! == construction)!;
        var nv = tallies.Single(t => (int)t!["nominationId"]! == homeAffairs)!;
        Assert.Equal((2, 0, 0, true), ((int)xd["yes"]!, (int)xd["no"]!, (int)xd["abstain"]!, (bool)xd["passed"]!));
        // One yes of two present is 50 %, not more than half: not passed.
        Assert.Equal((1, 1, false), ((int)nv["yes"]!, (int)nv["no"]!, (bool)nv["passed"]!));
        Assert.Equal([construction], result["passedNominations"]!.AsArray().Select(n => (int)n!));
        await (await board.PostAsync($"/api/v1/council-sessions/{sessionId}/close", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await (await app.ClientAsync("hoidong3")).PostJsonAsync($"/api/v1/council-sessions/{sessionId}/ballots", new { votes = new[] { new { nominationId = construction, choice = "no" }, new { nominationId = homeAffairs, choice = "no" } } }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("voted", (string?)(await (await board.GetAsync($"/api/v1/nominations/{construction}")).JsonAsync())["status"]);
        Assert.Equal("rejected", (string?)(await (await board.GetAsync($"/api/v1/nominations/{homeAffairs}")).JsonAsync())["status"]);

        // Secrecy: nothing anyone can read pairs a member with a choice.
        var admin = await app.ClientAsync("admin");
        var readable = new List<string>
        {
            (await (await board.GetAsync($"/api/v1/council-sessions/{sessionId}")).JsonAsync()).Text(),
            (await (await board.GetAsync("/api/v1/council-sessions")).JsonAsync()).Text(),
            (await (await member1.GetAsync($"/api/v1/council-sessions/{sessionId}")).JsonAsync()).Text(),
            (await (await board.GetAsync($"/api/v1/nominations/{construction}")).JsonAsync()).Text(),
            (await (await admin.GetAsync("/api/v1/audit?pageSize=500&userName=hoidong1")).JsonAsync()).Text(),
            (await (await admin.GetAsync("/api/v1/audit?pageSize=500&userName=hoidong2")).JsonAsync()).Text(),
        };
        foreach (var text in readable)
        {
            Assert.DoesNotContain("\"choice\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Yes\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"No\"", text, StringComparison.Ordinal);
        }
        var tallyAudit = await (await admin.GetAsync("/api/v1/audit?entityType=BallotTally")).JsonAsync();
        Assert.Equal(0, (int)tallyAudit["total"]!);
        var receipts = await (await admin.GetAsync("/api/v1/audit?entityType=BallotReceipt")).JsonAsync();
        Assert.Equal(2, (int)receipts["total"]!);

        // And the database itself has no row that holds a voter and a choice together.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var names = entity.GetProperties().Select(p => p.Name).ToHashSet();
            Assert.False(names.Contains("UserId") && (names.Contains("Yes") || names.Contains("Choice")), $"{entity.ClrType.Name} pairs a user with a choice");
        }
        Assert.Equal(2, await db.BallotReceipts.CountAsync(r => r.SessionId == sessionId));
    }

    [Theory, Providers]
    public async Task WithoutQuorumTheNominationsWaitForAnotherSessionAndThresholdsAreSettable(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishDepartments2025Async(app);
        var construction = await ReceivedAsync(app, Construction);
        var board = await app.ClientAsync("banthidua");

        var first = await SessionAsync(app, [construction]);
        await VoteAsync(app, "hoidong1", (int)first["id"]!, (construction, "yes"));
        var noQuorum = await (await board.PostAsync($"/api/v1/council-sessions/{(int)first["id"]!}/close", null)).JsonAsync();
        Assert.False((bool)noQuorum["quorumMet"]!);
        Assert.Empty(noQuorum["passedNominations"]!.AsArray());
        Assert.Equal("received", (string?)(await (await board.GetAsync($"/api/v1/nominations/{construction}")).JsonAsync())["status"]);

        // A stricter rule for this award: more than 70 % of those present. Two yes of three is 66,7 %: not passed.
        var second = await SessionAsync(app, [construction], threshold: 0.7);
        Assert.Equal(0.7, (double)second["passFraction"]!);
        await VoteAsync(app, "hoidong1", (int)second["id"]!, (construction, "yes"));
        await VoteAsync(app, "hoidong2", (int)second["id"]!, (construction, "yes"));
        await VoteAsync(app, "hoidong3", (int)second["id"]!, (construction, "abstain"));
        var strict = await (await board.PostAsync($"/api/v1/council-sessions/{(int)second["id"]!}/close", null)).JsonAsync();
        Assert.True((bool)strict["quorumMet"]!);
        Assert.False((bool)strict["tallies"]![0]!["passed"]!);
        Assert.Equal(1, (int)strict["tallies"]![0]!["abstain"]!);
    }

    [Theory, Providers]
    public async Task OnlyReceivedEligibleNominationsOfCouncilMembersGoToTheCouncil(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishDepartments2025Async(app);
        var industry = await ReceivedAsync(app, Industry);
        var board = await app.ClientAsync("banthidua");

        var ineligible = await (await board.PostJsonAsync("/api/v1/council-sessions", new { date = "2026-11-27", nominationIds = new[] { industry }, memberUserNames = Members }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("DTI 2025: 82,09/100 — dưới ngưỡng Tốt 85.", ineligible["errors"]![$"nomination:{industry}"].Strings());

        var draft = await (await (await app.ClientAsync("soyte.baocao")).PostJsonAsync("/api/v1/nominations", FinalNomination("SO-YT"))).JsonAsync(HttpStatusCode.Created);
        await (await board.PostJsonAsync("/api/v1/council-sessions", new { date = "2026-11-27", nominationIds = new[] { (int)draft["id"]! }, memberUserNames = Members }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await board.PostJsonAsync("/api/v1/council-sessions", new { date = "2026-11-27", nominationIds = new[] { 999999 }, memberUserNames = Members }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var construction = await ReceivedAsync(app, Construction);
        var notMember = await (await board.PostJsonAsync("/api/v1/council-sessions", new { date = "2026-11-27", nominationIds = new[] { construction }, memberUserNames = new[] { "hoidong1", "thanhtra" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("không phải thành viên Hội đồng", (string?)notMember["detail"]);
    }
}
