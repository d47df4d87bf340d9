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
    public async Task TheAuditPageVerifiesTheChain()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.PageClientAsync("admin");

        var response = await admin.PostFormAsync("/quan-tri/nhat-ky", new(), handler: "Verify");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Chuỗi nhật ký toàn vẹn", html, StringComparison.Ordinal);
    }
}
