using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// The one walk of the whole reward route, to show its steps fit together; the rules of each step are specified by
/// the tests of that step.
/// </summary>
public class RewardJourneyTests
{
    [Theory, Providers]
    public async Task ARewardGoesFromDossierToHistory(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        await PublishJudgedRankingAsync(app);
        var leader = await LeaderOfAsync(app, Construction);
        using var anonymous = app.CreateClient();

        var id = await DraftAsync(leader, Construction);
        await UploadDossierAsync(leader, id);
        Assert.Equal("submitted", (string?)(await SubmitAsync(leader, id))["status"]);
        Assert.Equal("received", (string?)(await ReceiveAsync(app, id))["status"]);
        await TickChecklistAsync(app, id);
        var session = (int)(await SessionAsync(app, [id]))["id"]!;
        Assert.Equal([id], (await UnanimousAsync(app, session, id))["passedNominations"]!.AsArray().Select(n => (int)n!));
        Assert.Equal("2027-01-07", (string?)(await NoticeAsync(app, id))["noticeEnd"]);
        await (await CommentAsync(anonymous, id, new { body = "Đồng ý với đề nghị khen thưởng." })).JsonAsync(HttpStatusCode.Created);
        MoveClock(app, AfterChristmasNotice);
        var decision = await (await DecideAsync(await app.ClientAsync(Board), id, "2027-01-08")).JsonAsync(HttpStatusCode.Created);

        var dossier = await NominationAsync(app, id);
        Assert.Equal(["draft", "submitted", "received", "sent_to_council", "voted", "publicly_noticed", "decided"], dossier["steps"]!.AsArray().Select(s => (string)s!["to"]!));
        var reward = (await (await (await app.ClientAsync(Board)).GetAsync($"/api/v1/rewards?unitCode={Construction}")).JsonAsync())["items"]![0]!;
        Assert.Equal("chairman_certificate", (string?)reward["award"]);
        Assert.Equal((string?)decision["number"], (string?)reward["decisionNumber"]);
    }
}
