using System.Net;
using System.Text.RegularExpressions;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Targets;

namespace ThiDua.IntegrationTests.Targets;

public class TargetAndTaskPagesTests
{
    [Fact]
    public async Task TheSecretariatRecordsAFigureOnTheTargetPageAndTheDashboardShowsItsStatus()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.PageClientAsync("thuongtruc");

        var bad = await secretariat.PostFormAsync("/chi-tieu/XHS-CAP-QUANG-HO-GIA-DINH", new() { ["Input.Year"] = "2025", ["Input.Value"] = "120", ["Input.Source"] = "Viettel Quảng Ninh" }, handler: "Measure");
        var good = await secretariat.PostFormAsync("/chi-tieu/XHS-CAP-QUANG-HO-GIA-DINH", new() { ["Input.Year"] = "2025", ["Input.Value"] = "96,5", ["Input.Source"] = "Sở KH&CN, báo cáo hạ tầng số 2025" }, handler: "Measure");
        var detail = await secretariat.GetStringAsync("/chi-tieu/XHS-CAP-QUANG-HO-GIA-DINH");
        var dashboard = await secretariat.GetStringAsync("/chi-tieu?nam=2026");

        Assert.Contains("Tỷ lệ phần trăm phải từ 0 đến 100.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("96,5 %", detail, StringComparison.Ordinal);
        Assert.Contains("Sở KH&amp;CN, báo cáo hạ tầng số 2025", detail, StringComparison.Ordinal);
        Assert.Contains("Đã đạt", detail, StringComparison.Ordinal);
        Assert.Contains("Kinh tế số", dashboard, StringComparison.Ordinal);
        Assert.Contains("status-achieved", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATargetWithoutMeasuredValuesSaysSoInsteadOfDrawingEmptyAxes()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.PageClientAsync("thuongtruc");

        var dashboard = await secretariat.GetStringAsync("/chi-tieu");
        var unmeasured = await secretariat.GetStringAsync("/chi-tieu/XHS-TRUONG-HOC-CDS");
        var ranked = await secretariat.GetStringAsync("/chi-tieu/DTI-TOP3");

        var cards = Regex.Count(dashboard, "class=\"card h-100 target-card\"");
        var charts = Regex.Count(dashboard, "<canvas class=\"target-chart");
        var sentences = Regex.Count(dashboard, Regex.Escape(TargetDisplay.NoMeasurement));
        Assert.True(charts >= 1 && sentences >= 1, $"{charts} charts, {sentences} sentences");
        Assert.Equal(cards, charts + sentences);
        Assert.Contains(TargetDisplay.NoMeasurement, unmeasured, StringComparison.Ordinal);
        Assert.DoesNotContain("<canvas", unmeasured, StringComparison.Ordinal);
        // DTI-TOP3 has the 2020–2022 ranks: a chart whose axis counts whole ranks.
        Assert.Contains("&quot;wholeNumbers&quot;:true", ranked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterSeesHerUnitsTasksAndReportsProgress()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var reporter = await app.PageClientAsync("soyte.baocao");
        var api = await app.ClientAsync("soyte.baocao");
        var mine = await (await api.GetAsync("/api/v1/tasks?sourceDocument=60/KH-UBND")).JsonAsync();
        var taskId = (int)mine["items"]![0]!["id"]!;

        var page = await reporter.GetStringAsync("/nhiem-vu");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(taskId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "taskId" },
            { new StringContent("100"), "percent" },
            { new StringContent("true"), "completed" },
            { new StringContent("Áp dụng cho toàn bộ thủ tục"), "note" },
        };
        var posted = await reporter.PostAsync("/nhiem-vu?handler=Report", form);
        var after = await (await api.GetAsync($"/api/v1/tasks/{taskId}")).JsonAsync();

        Assert.Contains("Nhiệm vụ của Sở Y tế", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thêm nhiệm vụ", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True((bool)after["assignees"]!.AsArray().Single(a => (string?)a!["unitCode"] == "SO-YT")!["completed"]!);
    }

    [Fact]
    public async Task TheProvinceWideTaskPageShowsCompletionPerUnit()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.PageClientAsync("thuongtruc");

        var html = await secretariat.GetStringAsync("/nhiem-vu?gd=final");

        Assert.Contains("Nhiệm vụ được giao toàn tỉnh", html, StringComparison.Ordinal);
        Assert.Contains("Mức độ hoàn thành theo đơn vị", html, StringComparison.Ordinal);
        Assert.Contains("Sở Giáo dục và Đào tạo", html, StringComparison.Ordinal);
        Assert.Contains("Thêm nhiệm vụ", html, StringComparison.Ordinal);
    }
}
