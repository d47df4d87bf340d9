using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>The council: who sits, who votes, what it takes to pass, and that no one learns how a member voted.</summary>
public class CouncilTests
{
    /// <summary>A session of the three members on two eligible, received nominations.</summary>
    private sealed record Session(int Id, int Construction, int ForeignAffairs);

    private static async Task<Session> OpenSessionAsync(ThiDuaApp app)
    {
        var construction = await ReceivedConstructionAsync(app);
        var homeAffairs = await ReceivedAsync(app, ForeignAffairs);
        var session = await SessionAsync(app, [construction, homeAffairs]);
        return new Session((int)session["id"]!, construction, homeAffairs);
    }

    /// <summary>Two members of three have voted: Sở Xây dựng two yes, Sở Nội vụ one yes and one no.</summary>
    private static async Task<Session> SplitVoteAsync(ThiDuaApp app)
    {
        var session = await OpenSessionAsync(app);
        await VoteAsync(app, "hoidong1", session.Id, (session.Construction, "yes"), (session.ForeignAffairs, "yes"));
        await VoteAsync(app, "hoidong2", session.Id, (session.Construction, "yes"), (session.ForeignAffairs, "no"));
        return session;
    }

    /// <summary>The split vote with the third member too (yes for Sở Xây dựng, abstaining on Sở Ngoại vụ), closed by the Board.</summary>
    private static async Task<(Session Session, JsonNode Result)> ClosedSplitVoteAsync(ThiDuaApp app)
    {
        var session = await SplitVoteAsync(app);
        await VoteAsync(app, "hoidong3", session.Id, (session.Construction, "yes"), (session.ForeignAffairs, "abstain"));
        return (session, await CloseByBoardAsync(app, session.Id));
    }

    private static async Task<HttpResponseMessage> BallotOfNoAsync(ThiDuaApp app, string member, Session session) =>
        await BallotAsync(await app.ClientAsync(member), session.Id, (session.Construction, "no"), (session.ForeignAffairs, "no"));

    /// <summary>An open session, and a council member made after it who is not one of its members.</summary>
    private static async Task<(Session Session, HttpClient Outsider)> OutsiderOfAnOpenSessionAsync(ThiDuaApp app)
    {
        var session = await OpenSessionAsync(app);
        var outsider = await (await app.ClientAsync("admin")).PostJsonAsync("/api/v1/users",
            new { userName = "hoidong4", password = ThiDuaApp.Password, fullName = "Thành viên khác", roles = new[] { "CouncilMember" } });
        Assert.Equal(HttpStatusCode.Created, outsider.StatusCode);
        return (session, await app.ClientAsync("hoidong4"));
    }

    /// <summary>One member of three voted yes for Sở Xây dựng, and the Board closed the session.</summary>
    private static async Task<(int Nomination, JsonNode Result)> WithoutQuorumAsync(ThiDuaApp app)
    {
        var construction = await ReceivedConstructionAsync(app);
        var session = (int)(await SessionAsync(app, [construction]))["id"]!;
        await VoteAsync(app, "hoidong1", session, (construction, "yes"));
        return (construction, await CloseByBoardAsync(app, session));
    }

    [Theory, Providers]
    public async Task TheChairmansCertificateRulesAskTwoThirdsOfTheMembersAndSeventyPercentOfAllOfThemInFavour(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var construction = await ReceivedConstructionAsync(app);
        var rules = await (await (await app.ClientAsync(Board)).GetAsync("/api/v1/reward-rules?award=chairman_certificate&date=2026-11-27")).JsonAsync();

        var session = await SessionAsync(app, [construction]);

        Assert.Equal((double)rules["quorumFraction"]!, (double)session["quorumFraction"]!, 6);
        Assert.Equal((double)rules["passFraction"]!, (double)session["passFraction"]!);
        Assert.Equal(0.7, (double)session["passFraction"]!);
        Assert.True((bool)session["passOfMembers"]!);
    }

    [Theory, Providers]
    public async Task EveryMemberOfTheCouncilSitsInTheSessionNamedOrNot(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var construction = await ReceivedConstructionAsync(app);

        var session = await SessionAsync(app, [construction], ["hoidong1"]);

        Assert.Equal(Members, session["members"]!.AsArray().Select(m => (string)m!["userName"]!));
    }

    [Theory, Providers]
    public async Task ANominationPutBeforeASessionIsSentToTheCouncil(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var session = await OpenSessionAsync(app);

        Assert.Equal("sent_to_council", await StatusAsync(app, session.Construction));
    }

    [Theory, Providers]
    public async Task ACouncilMemberOutsideTheSessionDoesNotVoteInIt(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (session, outsider) = await OutsiderOfAnOpenSessionAsync(app);

        var response = await BallotAsync(outsider, session.Id, (session.Construction, "yes"), (session.ForeignAffairs, "yes"));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task ACouncilMemberOutsideTheSessionDoesNotSeeIt(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (session, outsider) = await OutsiderOfAnOpenSessionAsync(app);

        var response = await outsider.GetAsync($"/api/v1/council-sessions/{session.Id}");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task ABallotCoversEveryNominationOfTheSession(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await OpenSessionAsync(app);

        var response = await BallotAsync(await app.ClientAsync("hoidong1"), session.Id, (session.Construction, "yes"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task AChoiceOtherThanYesNoOrAbstainIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await OpenSessionAsync(app);

        var response = await (await app.ClientAsync("hoidong1")).PostRawAsync($"/api/v1/council-sessions/{session.Id}/ballots",
            $$"""{"votes":[{"nominationId":{{session.Construction}},"choice":"maybe"},{"nominationId":{{session.ForeignAffairs}},"choice":"yes"}]}""");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task AMemberVotesOnce(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await OpenSessionAsync(app);
        await VoteAsync(app, "hoidong1", session.Id, (session.Construction, "yes"), (session.ForeignAffairs, "yes"));

        var response = await BallotOfNoAsync(app, "hoidong1", session);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task WhileVotingRunsTheSessionShowsWhoVotedButNoTally(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await SplitVoteAsync(app);

        var open = await (await (await app.ClientAsync("hoidong1")).GetAsync($"/api/v1/council-sessions/{session.Id}")).JsonAsync();

        Assert.Null(open["result"]);
        Assert.Equal([true, true, false], open["members"]!.AsArray().Select(m => (bool)m!["voted"]!));
    }

    [Theory, Providers]
    public async Task OnlyTheBoardClosesASession(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await SplitVoteAsync(app);

        var response = await CloseAsync(await app.ClientAsync("hoidong1"), session.Id);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task TheMembersWhoVotedArePresentAndTheOthersRecordedAbsent(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await SplitVoteAsync(app);

        var result = await CloseByBoardAsync(app, session.Id);

        Assert.True((bool)result["quorumMet"]!);
        Assert.Equal(2, (int)result["present"]!);
        Assert.Equal(3, (int)result["members"]!);
        Assert.Equal(["Đỗ Văn Nam"], result["absent"].Strings());
    }

    [Theory, Providers]
    public async Task ANominationNeedsSeventyPercentOfAllTheCouncilsMembersWhoeverWasPresent(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var session = await SplitVoteAsync(app);

        var result = await CloseByBoardAsync(app, session.Id);

        // Both present said yes for Sở Xây dựng, but two of the council's three members is 66,7 %.
        var xd = result["tallies"]!.AsArray().Single(t => (int)t!["nominationId"]! == session.Construction)!;
        Assert.Equal((2, false), ((int)xd["yes"]!, (bool)xd["passed"]!));
        Assert.Empty(result["passedNominations"]!.AsArray());
    }

    [Theory, Providers]
    public async Task ANominationPassesWithEnoughOfAllTheMembers(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var (session, result) = await ClosedSplitVoteAsync(app);

        var tallies = result["tallies"]!.AsArray();
        var xd = tallies.Single(t => (int)t!["nominationId"]! == session.Construction)!;
        var ngv = tallies.Single(t => (int)t!["nominationId"]! == session.ForeignAffairs)!;
        Assert.Equal((3, 0, 0, true), ((int)xd["yes"]!, (int)xd["no"]!, (int)xd["abstain"]!, (bool)xd["passed"]!));
        Assert.Equal((1, 1, 1, false), ((int)ngv["yes"]!, (int)ngv["no"]!, (int)ngv["abstain"]!, (bool)ngv["passed"]!));
        Assert.Equal([session.Construction], result["passedNominations"]!.AsArray().Select(n => (int)n!));
    }

    [Theory, Providers]
    public async Task ASessionIsClosedOnce(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (session, _) = await ClosedSplitVoteAsync(app);

        var response = await CloseAsync(await app.ClientAsync(Board), session.Id);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task NoBallotIsCastAfterTheSessionCloses(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (session, _) = await ClosedSplitVoteAsync(app);

        var response = await BallotOfNoAsync(app, "hoidong3", session);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task ClosingMarksAPassedNominationVotedAndAFailedOneRejected(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var (session, _) = await ClosedSplitVoteAsync(app);

        Assert.Equal("voted", await StatusAsync(app, session.Construction));
        Assert.Equal("rejected", await StatusAsync(app, session.ForeignAffairs));
    }

    [Theory, Providers]
    public async Task NothingAnyoneCanReadPairsAMemberWithAChoice(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (session, _) = await ClosedSplitVoteAsync(app);
        var board = await app.ClientAsync(Board);
        var member = await app.ClientAsync("hoidong1");
        var admin = await app.ClientAsync("admin");

        var readable = new List<string>
        {
            (await (await board.GetAsync($"/api/v1/council-sessions/{session.Id}")).JsonAsync()).Text(),
            (await (await board.GetAsync("/api/v1/council-sessions")).JsonAsync()).Text(),
            (await (await member.GetAsync($"/api/v1/council-sessions/{session.Id}")).JsonAsync()).Text(),
            (await (await board.GetAsync($"/api/v1/nominations/{session.Construction}")).JsonAsync()).Text(),
            (await (await admin.GetAsync("/api/v1/audit?pageSize=500&userName=hoidong1")).JsonAsync()).Text(),
            (await (await admin.GetAsync("/api/v1/audit?pageSize=500&userName=hoidong2")).JsonAsync()).Text(),
        };

        foreach (var text in readable)
        {
            Assert.DoesNotContain("\"choice\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Yes\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"No\"", text, StringComparison.Ordinal);
        }
        Assert.Equal(0, (int)(await (await admin.GetAsync("/api/v1/audit?entityType=BallotTally")).JsonAsync())["total"]!);
        Assert.Equal(3, (int)(await (await admin.GetAsync("/api/v1/audit?entityType=BallotReceipt")).JsonAsync())["total"]!);
    }

    [Theory, Providers]
    public async Task NoRowOfTheDatabasePairsAVoterWithAChoice(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (session, _) = await ClosedSplitVoteAsync(app);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();

        foreach (var entity in db.Model.GetEntityTypes())
        {
            var names = entity.GetProperties().Select(p => p.Name).ToHashSet();
            Assert.False(names.Contains("UserId") && (names.Contains("Yes") || names.Contains("Choice")), $"{entity.ClrType.Name} pairs a user with a choice");
        }
        // Who voted is kept, as a receipt of each ballot.
        Assert.Equal(3, await db.BallotReceipts.CountAsync(r => r.SessionId == session.Id));
    }

    [Theory, Providers]
    public async Task WithoutAQuorumNothingPasses(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var (_, result) = await WithoutQuorumAsync(app);

        Assert.False((bool)result["quorumMet"]!);
        Assert.Empty(result["passedNominations"]!.AsArray());
    }

    [Theory, Providers]
    public async Task WithoutAQuorumTheNominationWaitsForAnotherSession(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (nomination, _) = await WithoutQuorumAsync(app);

        Assert.Equal("received", await StatusAsync(app, nomination));
        await SessionAsync(app, [nomination]);
    }

    [Theory, Providers]
    public async Task TheBoardMaySetAStricterMajorityButNotALowerOne(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var construction = await ReceivedConstructionAsync(app);

        var lower = await ConveneAsync(app, [construction], threshold: 0.5);
        var session = await SessionAsync(app, [construction], threshold: 0.9);

        Assert.Contains("threshold", (await lower.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0.9, (double)session["passFraction"]!);
    }

    [Theory, Providers]
    public async Task UnderAMajorityOfSeventyPercentTwoYesAndAnAbstentionDoNotPass(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var construction = await ReceivedConstructionAsync(app);
        var session = (int)(await SessionAsync(app, [construction]))["id"]!;
        await VoteAsync(app, "hoidong1", session, (construction, "yes"));
        await VoteAsync(app, "hoidong2", session, (construction, "yes"));
        await VoteAsync(app, "hoidong3", session, (construction, "abstain"));

        var result = await CloseByBoardAsync(app, session);

        // Two yes of three present is 66,7 %: an abstention counts as present.
        Assert.True((bool)result["quorumMet"]!);
        Assert.False((bool)result["tallies"]![0]!["passed"]!);
        Assert.Equal(1, (int)result["tallies"]![0]!["abstain"]!);
    }

    [Theory, Providers]
    public async Task AnIneligibleNominationIsRefusedWithTheRuleItFails(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await PublishJudgedRankingAsync(app);
        var industry = await ReceivedAsync(app, Industry);
        var dti = await PublishedDtiAsync(app, Industry);
        Assert.False(dti.ReachesGood, $"Premise: {Industry} is below the line of Tốt ({dti}).");

        var response = await ConveneAsync(app, [industry]);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(dti.BelowGoodDetail, problem["errors"]![$"nomination:{industry}"].Strings());
    }

    [Theory, Providers]
    public async Task ANominationNotYetReceivedDoesNotGoToTheCouncil(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var draft = await DraftAsync(await app.ClientAsync("soyte.baocao"), Health);

        var response = await ConveneAsync(app, [draft]);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task AnUnknownNominationDoesNotGoToTheCouncil(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await ConveneAsync(app, [999999]);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task OnlyCouncilMembersSitInASession(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var construction = await ReceivedConstructionAsync(app);

        var response = await ConveneAsync(app, [construction], ["hoidong1", "thanhtra"]);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("không phải thành viên Hội đồng", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
