using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Feedback;

public class FeedbackApiTests
{
    [Theory, Providers]
    public async Task AUnitRaisesAProblemTheBoardAnswersAndOnlyTheyCanSeeIt(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var board = await app.ClientAsync("banthidua");
        var secretariat = await app.ClientAsync("thuongtruc");
        var otherUnit = await app.ClientAsync("soyte.baocao");
        var inspector = await app.ClientAsync("thanhtra");

        var thread = await (await ward.PostJsonAsync("/api/v1/feedback", new { unitCode = "X2025-06673-BAICHAY", subject = "Hồ sơ đề nghị khen thưởng sau sáp nhập", body = "Phường mới thành lập từ 01/7/2025 có được đề nghị Bằng khen tổng kết không?" })).JsonAsync(HttpStatusCode.Created);
        var id = (int)thread["id"]!;
        var answered = await (await board.PostJsonAsync($"/api/v1/feedback/{id}/replies", new { body = "Phường kế thừa thành tích của các đơn vị tiền thân; hồ sơ gửi qua ThiDua." })).JsonAsync(HttpStatusCode.Created);
        var followUp = await (await ward.PostJsonAsync($"/api/v1/feedback/{id}/replies", new { body = "Cảm ơn, đề nghị hướng dẫn thêm mẫu tờ trình." })).JsonAsync(HttpStatusCode.Created);
        var seenBySecretariat = await (await secretariat.GetAsync($"/api/v1/feedback/{id}")).JsonAsync();

        Assert.Equal("open", (string?)thread["status"]);
        Assert.Equal("answered", (string?)answered["status"]);
        Assert.Equal("open", (string?)followUp["status"]);
        Assert.Equal([true, false], seenBySecretariat["replies"]!.AsArray().Select(r => (bool)r!["fromBoard"]!));
        await (await otherUnit.GetAsync($"/api/v1/feedback/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherUnit.PostJsonAsync($"/api/v1/feedback/{id}/replies", new { body = "Xen vào" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await inspector.GetAsync($"/api/v1/feedback/{id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.GetAsync("/api/v1/feedback")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await otherUnit.PostJsonAsync("/api/v1/feedback", new { unitCode = "X2025-06673-BAICHAY", subject = "Giả danh", body = "Không được" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.PostJsonAsync("/api/v1/feedback", new { unitCode = "SO-YT", subject = "Ban không nêu", body = "Ban không nêu vướng mắc thay đơn vị" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await ward.PostJsonAsync("/api/v1/feedback", new { unitCode = "X2025-06673-BAICHAY", subject = "", body = "" })).ProblemAsync(HttpStatusCode.BadRequest);

        var closed = await (await board.PostAsync($"/api/v1/feedback/{id}/close", null)).JsonAsync();
        Assert.Equal("closed", (string?)closed["status"]);
        await (await ward.PostJsonAsync($"/api/v1/feedback/{id}/replies", new { body = "Sau khi đóng" })).ProblemAsync(HttpStatusCode.Conflict);
        var own = await (await ward.GetAsync("/api/v1/feedback")).JsonAsync();
        Assert.All(own["items"]!.AsArray(), t => Assert.Equal("X2025-06673-BAICHAY", (string?)t!["unitCode"]));
        var boardList = await (await board.GetAsync("/api/v1/feedback")).JsonAsync();
        Assert.True((int)boardList["total"]! >= 2);
    }
}
