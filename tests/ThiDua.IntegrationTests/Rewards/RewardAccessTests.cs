using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>Roles outside a step of the reward route are refused it; the public reads what is open.</summary>
public class RewardAccessTests
{
    [Theory, Providers]
    public async Task ACouncilMemberDoesNotNominate(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("hoidong1")).PostJsonAsync("/api/v1/nominations", FinalNomination(Health));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AnInspectorDoesNotConveneTheCouncil(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("thanhtra")).PostJsonAsync("/api/v1/council-sessions",
            new { date = "2026-11-27", nominationIds = new[] { 1 }, memberUserNames = Members });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AUnitReporterDoesNotIssueDecisions(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("soyte.baocao")).PostJsonAsync("/api/v1/decisions",
            new { date = "2026-11-27", signerName = "A", signerTitle = "B", nominationIds = new[] { 1 } });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AUnitReporterDoesNotSeeCouncilSessions(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("soyte.baocao")).GetAsync("/api/v1/council-sessions");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AUnitReporterDoesNotVote(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await BallotAsync(await app.ClientAsync("soyte.baocao"), 1, (1, "yes"));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task TheRewardHistoryNeedsASignIn(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/rewards");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, Providers]
    public async Task NoticesAndRewardsAreOpenWithoutASignIn(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/open/v1/notices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/open/v1/rewards")).StatusCode);
    }
}
