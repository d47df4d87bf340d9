using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Inspections;

public class InspectionPagesTests
{
    [Fact]
    public async Task APlanIsMadeInspectedAndAnsweredThroughThePages()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.PageClientAsync("thuongtruc");
        var inspector = await app.PageClientAsync("thanhtra");
        var health = await app.PageClientAsync("soyte.lanhdao");

        var wrongDates = await secretariat.PostFormAsync("/kiem-tra", new()
        {
            ["Form.Year"] = "2026", ["Form.Title"] = "Kiểm tra cuối năm", ["Form.StartDate"] = "20/12/2026", ["Form.EndDate"] = "01/12/2026",
            ["Units"] = "SO-YT", ["Inspectors"] = "thanhtra",
        });
        Assert.Equal(HttpStatusCode.OK, wrongDates.StatusCode);
        Assert.Contains("Ngày kết thúc phải từ ngày bắt đầu trở đi", await wrongDates.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await secretariat.PostFormAsync("/kiem-tra", new()
        {
            ["Form.Year"] = "2026", ["Form.Title"] = "Kiểm tra cuối năm của Sở Y tế", ["Form.StartDate"] = "20/11/2026", ["Form.EndDate"] = "20/12/2026",
            ["Form.Scope"] = "Minh chứng DTI.", ["Units"] = "SO-YT,SO-TP", ["Inspectors"] = "thanhtra",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var plan = created.Headers.Location!.ToString();
        Assert.Matches(@"^/kiem-tra/\d+$", plan);

        var finding = await inspector.PostFormAsync(plan, new()
        {
            ["unitCode"] = "SO-YT", ["subject"] = "Dti", ["text"] = "Thiếu minh chứng kết nối đơn thuốc.", ["recommendation"] = "Bổ sung minh chứng kết nối.", ["dueDate"] = "10/12/2026",
        }, "Finding");
        Assert.Equal(HttpStatusCode.Redirect, finding.StatusCode);
        var visit = await inspector.PostFormAsync(plan, new() { ["unitCode"] = "SO-YT", ["date"] = "25/11/2026", ["note"] = "Làm việc với Sở." }, "Visit");
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);

        var page = await health.GetStringAsync(plan);
        Assert.Contains("Thiếu minh chứng kết nối đơn thuốc.", page, StringComparison.Ordinal);
        Assert.Contains("Chưa trả lời", page, StringComparison.Ordinal);
        var recommendation = System.Text.RegularExpressions.Regex.Match(page, "name=\"recommendationId\" value=\"(\\d+)\"").Groups[1].Value;
        var answered = await health.PostFormAsync(plan, new() { ["recommendationId"] = recommendation, ["text"] = "Đã bổ sung minh chứng.", ["done"] = "true" }, "Response");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Đã thực hiện xong", await health.GetStringAsync(plan), StringComparison.Ordinal);

        var report = await secretariat.GetStringAsync($"{plan}/bao-cao");
        Assert.Contains("BÁO CÁO KẾT QUẢ KIỂM TRA", report, StringComparison.Ordinal);
        Assert.Contains("Đã bổ sung minh chứng.", report, StringComparison.Ordinal);
        // The ward is not in this plan: its page is missing to the ward's staff.
        var ward = await app.PageClientAsync("baichay.baocao");
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync(plan)).StatusCode);
    }
}
