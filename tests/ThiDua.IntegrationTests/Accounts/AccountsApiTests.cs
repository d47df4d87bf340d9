using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Accounts;

public class AccountsApiTests
{
    [Theory, Providers]
    public async Task TheTokenEndpointAnswersAsTheContractSays(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var client = app.CreateClient();

        var ok = await (await client.PostJsonAsync("/api/v1/auth/token", new { userName = "thuongtruc", password = ThiDuaApp.Password })).JsonAsync();
        var wrong = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "thuongtruc", password = "SaiMatKhau1" });
        var unknown = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "SaiMatKhau1" });

        Assert.Equal("Bearer", (string?)ok["tokenType"]);
        Assert.False(string.IsNullOrEmpty((string?)ok["accessToken"]));
        Assert.True((int)ok["expiresIn"]! > 0);
        await wrong.ProblemAsync(HttpStatusCode.Unauthorized);
        await unknown.ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostRawAsync("/api/v1/auth/token", "not json")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task TheAdminCreatesAUnitReporterWhoCanThenSignIn(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");

        var created = await (await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = "hatu.baocao",
            password = "Quangninh2026",
            fullName = "Lê Văn Tú",
            email = "tu.lv@quangninh.gov.vn",
            roles = new[] { "UnitReporter" },
            unitCode = "X2025-06652-HATU",
        })).JsonAsync(HttpStatusCode.Created);
        var client = await app.ClientAsync("hatu.baocao", "Quangninh2026");
        var me = await (await client.GetAsync("/api/v1/users/me")).JsonAsync();

        Assert.Equal("X2025-06652-HATU", (string?)created["unitCode"]);
        Assert.Equal(["UnitReporter"], me["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Theory, Providers]
    public async Task BadUsersAreRefusedAndOnlyTheAdminCreatesUsers(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");
        var secretariat = await app.ClientAsync("thuongtruc");

        object User(string password = "Quangninh2026", string[]? roles = null, string? unitCode = null, string userName = "moi") =>
            new { userName, password, fullName = "Người Dùng Mới", roles = roles ?? ["Inspector"], unitCode };

        await (await secretariat.PostJsonAsync("/api/v1/users", User())).ProblemAsync(HttpStatusCode.Forbidden);
        var shortPassword = await (await admin.PostJsonAsync("/api/v1/users", User(password: "Ab1"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("10", (string?)shortPassword["detail"], StringComparison.Ordinal);
        await (await admin.PostJsonAsync("/api/v1/users", User(password: "quangninhtinh"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostJsonAsync("/api/v1/users", User(roles: ["Emperor"]))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostJsonAsync("/api/v1/users", User(roles: ["UnitLeader"]))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostJsonAsync("/api/v1/users", User(roles: ["UnitLeader"], unitCode: "NOPE"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostJsonAsync("/api/v1/users", User(userName: "thuongtruc"))).ProblemAsync(HttpStatusCode.Conflict);
        var list = await (await admin.GetAsync("/api/v1/users?pageSize=500")).JsonAsync();
        Assert.DoesNotContain(list["items"]!.AsArray(), u => (string?)u!["userName"] == "moi");
    }
}
