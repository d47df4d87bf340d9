using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// Pick, don't type (issue 15): units are chosen from a list by name that posts the codes the server always
/// expected (one value per unit; a program's comma-separated codes still work); and one date style on every page:
/// text boxes "ngày/tháng/năm" read as dd/MM/yyyy (ISO still accepted), never the browser's own date field.
/// </summary>
public class PickAndDatePagesTests
{
    [Fact]
    public async Task AClusterIsMadeOfTheUnitsPickedByName()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync("thuongtruc");

        var form = await client.GetStringAsync("/cum-khoi");
        Assert.Contains("<select class=\"form-select form-select-sm\" id=\"Input_Members\" name=\"Input.Members\" multiple", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"X2025-06673-BAICHAY\">Phường Bãi Cháy</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("cách nhau bằng dấu phẩy", form, StringComparison.Ordinal);

        var token = await client.PageTokenAsync("/cum-khoi");
        var posted = await client.PostAsync("/cum-khoi", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Code", "CUM-THU"), new("Input.Name", "Cụm thử"), new("Input.Kind", "cluster"),
            new("Input.Year", "2026"), new("Input.Members", "X2025-06673-BAICHAY"), new("Input.Members", "SO-YT"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync("/cum-khoi?nam=2026");
        var start = page.IndexOf("Cụm thử", StringComparison.Ordinal);
        var cluster = page[start..page.IndexOf("Thêm cụm, khối", start, StringComparison.Ordinal)];
        Assert.Contains("Phường Bãi Cháy", cluster, StringComparison.Ordinal);
        Assert.Contains("Sở Y tế", cluster, StringComparison.Ordinal);

        // A refused cluster keeps what was picked.
        var refused = await client.PostAsync("/cum-khoi", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Code", ""), new("Input.Name", "Cụm thiếu mã"), new("Input.Kind", "cluster"),
            new("Input.Year", "2026"), new("Input.Members", "SO-YT"),
        ]));
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("<option value=\"SO-YT\" selected=\"selected\">", again);
    }

    [Fact]
    public async Task TasksAreAssignedToUnitsPickedFromTheList()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync("thuongtruc");
        var form = await client.GetStringAsync("/nhiem-vu");
        Assert.Contains("name=\"Units\" multiple", form, StringComparison.Ordinal);
        // The units are no longer a text box of codes (the CSV import's help still explains its own column).
        Assert.DoesNotMatch("<input[^>]*name=\"Units\"", form);

        var token = await client.PageTokenAsync("/nhiem-vu");
        var posted = await client.PostAsync("/nhiem-vu?handler=Create", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("SourceDocument", ThiDua.Web.Features.Tasks.TaskService.KnownDocuments[0]), new("Code", "NV-CHON"),
            new("Title", "Nhiệm vụ giao bằng danh sách"), new("DueDate", "31/12/2026"),
            new("Units", "X2025-06673-BAICHAY"), new("Units", "SO-YT"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var api = await app.ClientAsync("thuongtruc");
        var tasks = await (await api.GetAsync("/api/v1/tasks?unitCode=X2025-06673-BAICHAY&pageSize=500")).Content.ReadAsStringAsync();
        var task = tasks[tasks.IndexOf("NV-CHON", StringComparison.Ordinal)..];
        Assert.Contains("X2025-06673-BAICHAY", task[..Math.Min(task.Length, 2000)], StringComparison.Ordinal);
        Assert.Contains("2026-12-31", task[..Math.Min(task.Length, 2000)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostedDateIsReadAsDayMonthYearAndABadOneIsSaidInVietnamese()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.PageClientAsync("admin");

        var form = await admin.GetStringAsync("/lich-lam-viec?nam=2027");
        Assert.DoesNotContain("type=\"date\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"date\" name=\"date\" placeholder=\"ngày/tháng/năm\"", form, StringComparison.Ordinal);

        var added = await admin.PostFormAsync("/lich-lam-viec?nam=2027", new() { ["date"] = "20/03/2027", ["kind"] = "WorkingDay", ["name"] = "Làm bù" }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("20/03/2027", await admin.GetStringAsync("/lich-lam-viec?nam=2027"), StringComparison.Ordinal);

        var bad = await admin.PostFormAsync("/lich-lam-viec?nam=2027", new() { ["date"] = "31/02/2027", ["kind"] = "WorkingDay", ["name"] = "Ngày không có" }, handler: "Add");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("\"31/02/2027\" không phải ngày: hãy nhập theo dạng ngày/tháng/năm", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A date in a link, both styles; the box shows it as people write it.
        var rules = await admin.GetStringAsync("/khen-thuong/quy-tac?ngay=15/01/2024");
        Assert.Contains("value=\"15/01/2024\"", rules, StringComparison.Ordinal);
        Assert.Contains("value=\"15/01/2024\"", await admin.GetStringAsync("/khen-thuong/quy-tac?ngay=2024-01-15"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/khen-thuong/quy-tac", "thuongtruc")]
    [InlineData("/khen-thuong/ca-nhan", "thuongtruc")]
    [InlineData("/khen-thuong/hoi-dong", "banthidua")]
    [InlineData("/khen-thuong/quyet-dinh", "banthidua")]
    public async Task NoPageUsesTheBrowsersDateField(string url, string user)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.PageClientAsync(user);
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.DoesNotContain("type=\"date\"", html, StringComparison.Ordinal);
    }
}
