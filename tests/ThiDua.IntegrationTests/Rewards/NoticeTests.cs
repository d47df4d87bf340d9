using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// The public notice of a nomination the council passed: ten working days, open to anyone's comment, read by the
/// Board. Every test starts its notice on <see cref="RewardTestData.ChristmasEve"/>.
/// </summary>
public class NoticeTests
{
    private static async Task<int> NoticedAsync(ThiDuaApp app) => (int)(await NoticedConstructionAsync(app))["id"]!;

    private static object Comment() => new { name = "Trần Thị B", contact = "0912 345 678", body = "Tôi xác nhận Sở Xây dựng đã số hoá toàn bộ hồ sơ cấp phép." };

    [Theory, Providers]
    public async Task TheNoticeRunsTenWorkingDaysWithoutWeekendsAndNewYearsDay(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);

        var noticed = await NoticedConstructionAsync(app);

        Assert.Equal("publicly_noticed", (string?)noticed["status"]);
        Assert.Equal("2026-12-24", (string?)noticed["noticeStart"]);
        Assert.Equal("2027-01-07", (string?)noticed["noticeEnd"]);
    }

    [Theory, Providers]
    public async Task TheOpenNoticeShowsItsLastDayButNotTheSteps(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticedAsync(app);
        using var anonymous = app.CreateClient();

        var notices = await (await anonymous.GetAsync("/api/open/v1/notices")).JsonAsync();

        var notice = notices.AsArray().Single(n => (int)n!["nominationId"]! == id)!;
        Assert.Equal("2027-01-07", (string?)notice["noticeEnd"]);
        Assert.DoesNotContain("steps", notice.Text(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AnyoneCommentsWithoutAnAccountAndTheReceiptDoesNotRepeatTheContact(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticedAsync(app);
        using var anonymous = app.CreateClient();

        var receipt = await (await CommentAsync(anonymous, id, Comment())).JsonAsync(HttpStatusCode.Created);

        Assert.Null(receipt["contact"]);
    }

    [Theory, Providers]
    public async Task ACommentNeedsABody(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticedAsync(app);
        using var anonymous = app.CreateClient();

        var response = await CommentAsync(anonymous, id, new { body = "" });

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task ACommentOnNoNoticeIsNotFound(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        using var anonymous = app.CreateClient();

        var response = await CommentAsync(anonymous, 999999, new { body = "Ý kiến về hồ sơ không có" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task TheBoardReadsTheCommentsWithTheirContact(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticedAsync(app);
        using var anonymous = app.CreateClient();
        await (await CommentAsync(anonymous, id, Comment())).JsonAsync(HttpStatusCode.Created);

        var comments = await (await (await app.ClientAsync(Board)).GetAsync($"/api/v1/nominations/{id}/comments")).JsonAsync();

        Assert.Equal("0912 345 678", (string?)comments[0]!["contact"]);
    }

    [Theory, Providers]
    public async Task OnlyTheBoardReadsTheComments(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticedAsync(app);

        var response = await (await app.ClientAsync("soyte.lanhdao")).GetAsync($"/api/v1/nominations/{id}/comments");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AfterItsLastDayANoticeTakesNoComment(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        var id = await NoticedAsync(app);
        MoveClock(app, AfterChristmasNotice);
        using var anonymous = app.CreateClient();

        var response = await CommentAsync(anonymous, id, new { body = "Ý kiến gửi muộn sau thời hạn" });

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task AfterItsLastDayANoticeLeavesTheOpenList(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, ChristmasEve);
        await NoticedAsync(app);
        MoveClock(app, AfterChristmasNotice);
        using var anonymous = app.CreateClient();

        var notices = await (await anonymous.GetAsync("/api/open/v1/notices")).JsonAsync();

        Assert.Empty(notices.AsArray());
    }
}
