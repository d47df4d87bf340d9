using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Accounts;

public class AccountPagesTests
{
    [Fact]
    public async Task TheAdminAddsAUserOnTheUsersPage()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.PageClientAsync("admin");

        var weak = await admin.PostFormAsync("/quan-tri/nguoi-dung", new()
        {
            ["Input.UserName"] = "campha.lanhdao",
            ["Input.FullName"] = "Trịnh Văn Cẩm",
            ["Input.Password"] = "ngắn",
            ["Input.Roles"] = "UnitLeader",
            ["Input.UnitCode"] = "X2025-06793-CAMPHA",
        });
        var ok = await admin.PostFormAsync("/quan-tri/nguoi-dung", new()
        {
            ["Input.UserName"] = "campha.lanhdao",
            ["Input.FullName"] = "Trịnh Văn Cẩm",
            ["Input.Password"] = "CamPha@2026",
            ["Input.Roles"] = "UnitLeader",
            ["Input.UnitCode"] = "X2025-06793-CAMPHA",
        });
        var list = await admin.GetStringAsync("/quan-tri/nguoi-dung");

        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("Trịnh Văn Cẩm", list, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo đơn vị", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminLocksAndUnlocksAnAccountOnTheUsersPage()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.PageClientAsync("admin");
        var leader = await app.ClientAsync("lanhdao");

        var self = await admin.PostFormAsync("/quan-tri/nguoi-dung", new() { ["userName"] = "admin" }, handler: "Lock");
        var locked = await admin.PostFormAsync("/quan-tri/nguoi-dung", new() { ["userName"] = "lanhdao" }, handler: "Lock");
        var list = await admin.GetStringAsync("/quan-tri/nguoi-dung");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var tokenAfter = await leader.GetAsync("/api/v1/users/me");
        var unlocked = await admin.PostFormAsync("/quan-tri/nguoi-dung", new() { ["userName"] = "lanhdao" }, handler: "Unlock");

        Assert.Contains("Không thể tự khoá tài khoản đang dùng.", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Đang bị khoá", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostJsonAsync("/api/v1/auth/token", new { userName = "lanhdao", password = ThiDuaApp.Password })).StatusCode);
    }

    [Fact]
    public async Task APersonChangesTheirPasswordAndStaysSignedInHere()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var browser = await app.PageClientAsync("thanhtra");

        var mismatch = await browser.PostFormAsync("/tai-khoan/mat-khau", new() { ["Input.CurrentPassword"] = ThiDuaApp.Password, ["Input.NewPassword"] = "Vịnh Hạ Long 2026", ["Input.Confirm"] = "khác" });
        var wrong = await browser.PostFormAsync("/tai-khoan/mat-khau", new() { ["Input.CurrentPassword"] = "SaiMatKhau1", ["Input.NewPassword"] = "Vịnh Hạ Long 2026", ["Input.Confirm"] = "Vịnh Hạ Long 2026" });
        var changed = await browser.PostFormAsync("/tai-khoan/mat-khau", new() { ["Input.CurrentPassword"] = ThiDuaApp.Password, ["Input.NewPassword"] = "Vịnh Hạ Long 2026", ["Input.Confirm"] = "Vịnh Hạ Long 2026" });
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var stillHere = await browser.GetAsync("/thong-bao");
        var withNew = await app.CreateClient().PostJsonAsync("/api/v1/auth/token", new { userName = "thanhtra", password = "Vịnh Hạ Long 2026" });

        Assert.Contains("không khớp", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Mật khẩu hiện tại không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task TheAuditPageVerifiesTheChain()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.PageClientAsync("admin");

        var response = await admin.PostFormAsync("/quan-tri/nhat-ky", new(), handler: "Verify");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Chuỗi nhật ký toàn vẹn", html, StringComparison.Ordinal);
    }
}
