using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Movements;

public class MovementPagesTests
{
    [Fact]
    public async Task TheTimelineRegistrationAndReportPagesShowTheYear()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.PageClientAsync("thuongtruc");

        var timeline = await secretariat.GetStringAsync("/phong-trao");
        var registration = await secretariat.GetStringAsync("/phong-trao/dang-ky");
        var reports = await secretariat.GetStringAsync("/phong-trao/bao-cao?nam=2025");
        var consolidated = await secretariat.GetStringAsync("/phong-trao/tong-hop?nam=2025");

        Assert.Contains("Tổng kết Phong trào thi đua giai đoạn 2022–2025 (Quý IV/2025)", timeline, StringComparison.Ordinal);
        Assert.Contains("trước 15/12/2026", timeline, StringComparison.Ordinal);
        Assert.Contains("Đơn vị chưa đăng ký", registration, StringComparison.Ordinal);
        Assert.Contains("Phường Bãi Cháy", registration, StringComparison.Ordinal);
        Assert.Contains("trước ngày 15/12/2025", reports, StringComparison.Ordinal);
        Assert.Contains("Muộn", reports, StringComparison.Ordinal);
        Assert.Contains("Báo cáo tổng hợp kết quả Phong trào thi đua năm 2025", consolidated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegistrationWithAFutureDateIsRefusedInVietnameseAndTheConsolidatedReportIsNotForUnits()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.PageClientAsync("baichay.baocao");

        var response = await reporter.PostFormAsync("/phong-trao/dang-ky", new() { ["launchedOn"] = "01/01/2030", ["commitments"] = "Cam kết" }, handler: "Register");
        var consolidated = await reporter.GetAsync("/phong-trao/tong-hop");

        Assert.Contains("ở tương lai", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, consolidated.StatusCode);
        Assert.Contains("/loi/403", consolidated.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackPagesAreClosedToInspectorsAndTheBellCountsUnread()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var ward = await app.PageClientAsync("baichay.baocao");
        var inspector = await app.PageClientAsync("thanhtra");
        var board = await app.PageClientAsync("banthidua");

        var created = await ward.PostFormAsync("/gop-y", new() { ["subject"] = "Mẫu báo cáo thành tích", ["body"] = "Đề nghị cung cấp mẫu báo cáo thành tích tập thể." });
        var location = created.Headers.Location!.ToString();
        var boardHome = await board.GetStringAsync("/");
        var denied = await inspector.GetAsync("/gop-y");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Matches(@"/gop-y/\d+$", location);
        Assert.Contains("id=\"unread-count\"", boardHome, StringComparison.Ordinal);
        Assert.Contains("/loi/403", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
