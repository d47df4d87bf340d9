using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Accounts;

/// <summary>
/// What the outside test found about signing in (security issue): five wrong passwords locked anyone out, the message
/// told a locked account from an unknown name, nothing limited attempts or anonymous comments, tokens outlived a
/// password change or a locked account, the refresh token had no endpoint, and the page cookie wrote through the API.
/// </summary>
public class SignInSecurityTests
{
    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password) =>
        client.PostJsonAsync("/api/v1/auth/token", new { userName, password });

    [Theory, Providers]
    public async Task WrongPasswordsMakeTheAccountWaitWithoutLockingIt_AndNeverTellWhetherItExists(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider, settings: new Dictionary<string, string> { ["RateLimits:FailedSignInsPerAccount"] = "3" });
        using var client = app.CreateClient();

        var wrong = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            wrong.Add((string)(await (await TokenAsync(client, "lanhdao", "SaiMatKhau1")).ProblemAsync(HttpStatusCode.Unauthorized))["detail"]!);
            unknown.Add((string)(await (await TokenAsync(client, "khongco", "SaiMatKhau1")).ProblemAsync(HttpStatusCode.Unauthorized))["detail"]!);
        }
        var waiting = await TokenAsync(client, "lanhdao", ThiDuaApp.Password);
        var unknownWaiting = await TokenAsync(client, "khongco", ThiDuaApp.Password);
        var otherAccount = await TokenAsync(client, "thuongtruc", ThiDuaApp.Password);
        DateTimeOffset? lockoutEnd;
        using (var scope = app.Services.CreateScope())
        {
            lockoutEnd = await scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>().Users.Where(u => u.UserName == "lanhdao").Select(u => u.LockoutEnd).SingleAsync();
        }

        Assert.Single(wrong.Concat(unknown).Distinct());
        await waiting.ProblemAsync(HttpStatusCode.TooManyRequests);
        await unknownWaiting.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(waiting.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
        Assert.Null(lockoutEnd);
    }

    [Theory, Providers]
    public async Task OneAddressMayTryOnlySoOftenOnTheApiAndTheLoginPage(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider, settings: new Dictionary<string, string> { ["RateLimits:SignInsPerAddressPerMinute"] = "4" });
        using var client = app.CreateClient();
        var pages = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await TokenAsync(client, $"nguoi{i}", "SaiMatKhau1")).StatusCode);
        }
        var limited = await TokenAsync(client, "thuongtruc", ThiDuaApp.Password);
        var page = await pages.PostFormAsync("/dang-nhap", new() { ["Input.UserName"] = "thuongtruc", ["Input.Password"] = ThiDuaApp.Password });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AnonymousCommentsOnANoticeAreLimitedPerAddress(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider, settings: new Dictionary<string, string> { ["RateLimits:PublicCommentsPerAddress"] = "3" });
        using var anonymous = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await anonymous.PostJsonAsync("/api/open/v1/notices/999999/comments", new { body = "Ý kiến thứ " + i })).StatusCode);
        }
        var limited = await anonymous.PostJsonAsync("/api/open/v1/notices/999999/comments", new { body = "Ý kiến nữa" });
        var reading = await anonymous.GetAsync("/api/open/v1/notices");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }

    [Theory, Providers]
    public async Task ALockedAccountLosesItsTokensAndCookiesWithinAMinute(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var token = await app.ClientAsync("lanhdao");
        var cookie = await app.PageClientAsync("lanhdao");
        var admin = await app.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/thong-bao")).StatusCode);

        var locked = await (await admin.PostAsync("/api/v1/users/lanhdao/lock", null)).JsonAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var tokenAfter = await token.GetAsync("/api/v1/users/me");
        var cookieApiAfter = await cookie.GetAsync("/api/v1/users/me");
        var cookieAfter = await cookie.GetAsync("/thong-bao");
        using var anonymous = app.CreateClient();
        var signIn = await TokenAsync(anonymous, "lanhdao", ThiDuaApp.Password);
        await (await admin.PostAsync("/api/v1/users/lanhdao/unlock", null)).JsonAsync();
        var afterUnlock = await TokenAsync(anonymous, "lanhdao", ThiDuaApp.Password);

        Assert.True((bool)locked["lockedOut"]!);
        await tokenAfter.ProblemAsync(HttpStatusCode.Unauthorized);
        await cookieApiAfter.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, cookieAfter.StatusCode);
        Assert.Contains("/dang-nhap", cookieAfter.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await signIn.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, afterUnlock.StatusCode);
    }

    [Theory, Providers]
    public async Task APasswordChangeEndsTheOtherTokensAndTheirRefresh(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();
        var first = await (await TokenAsync(anonymous, "lanhdao", ThiDuaApp.Password)).JsonAsync();
        var refreshed = await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = (string)first["refreshToken"]! })).JsonAsync();
        var old = app.CreateClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)refreshed["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/v1/users/me")).StatusCode);

        var wrongCurrent = await old.PostJsonAsync("/api/v1/users/me/password", new { currentPassword = "SaiMatKhau1", newPassword = "Hạ Long 2026 mới" });
        var changed = await old.PostJsonAsync("/api/v1/users/me/password", new { currentPassword = ThiDuaApp.Password, newPassword = "Hạ Long 2026 mới" });
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var oldAfter = await old.GetAsync("/api/v1/users/me");
        var refreshAfter = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = (string)first["refreshToken"]! });
        var withNew = await TokenAsync(anonymous, "lanhdao", "Hạ Long 2026 mới");

        Assert.False(string.IsNullOrEmpty((string?)refreshed["accessToken"]));
        Assert.Contains("currentPassword", (await wrongCurrent.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await oldAfter.ProblemAsync(HttpStatusCode.Unauthorized);
        await refreshAfter.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Theory, Providers]
    public async Task TheApiTakesThePageCookieForWritesOnlyWithTheAntiforgeryToken(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var browser = await app.PageClientAsync("baichay.baocao");
        var feedback = new { unitCode = "X2025-06673-BAICHAY", subject = "Hỏi về hồ sơ", body = "Phường mới có được đề nghị không?" };

        var cookieOnly = await browser.PostJsonAsync("/api/v1/feedback", feedback);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(ThiDua.Web.Data.Seed.DemoAssessmentSeeder.DemoPdf("Minh chung")), "file", "minh-chung.pdf" } };
        var fileCookieOnly = await browser.PostAsync("/api/v1/files", upload);
        var read = await browser.GetAsync("/api/v1/feedback");
        var token = await browser.PageTokenAsync("/gop-y");
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback") { Content = System.Net.Http.Json.JsonContent.Create(feedback) };
        withToken.Headers.Add("RequestVerificationToken", token);
        var accepted = await browser.SendAsync(withToken);

        await cookieOnly.ProblemAsync(HttpStatusCode.BadRequest);
        await fileCookieOnly.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
