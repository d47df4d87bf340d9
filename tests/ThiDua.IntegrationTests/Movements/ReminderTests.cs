using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Reports;

namespace ThiDua.IntegrationTests.Movements;

public class ReminderTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static async Task<int> RunAsync(ThiDuaApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync();
    }

    private static async Task<List<string>> TitlesAsync(ThiDuaApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        return await db.Notifications.Where(n => n.User.UserName == userName).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync();
    }

    [Theory, Providers]
    public async Task RemindersGoOutFourteenSevenThreeAndOneDayBeforeAndOnceOverdue(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, Vietnam));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);

        Assert.Equal(0, await RunAsync(app));                      // 18 days before 15/12/2026: nothing yet
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Vietnam));
        var first = await RunAsync(app);
        Assert.Equal(0, await RunAsync(app));                      // a second run sends nothing again
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 9, 0, 0, Vietnam));
        await RunAsync(app);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 9, 0, 0, Vietnam));
        await RunAsync(app);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 9, 0, 0, Vietnam));
        await RunAsync(app);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 0, 0, 1, Vietnam));
        await RunAsync(app);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 9, 0, 0, Vietnam));
        await RunAsync(app);

        var titles = await TitlesAsync(app, "baichay.lanhdao");
        Assert.True(first >= 70);   // every unit owing a 2026 report (none submitted yet), and the Secretariat
        Assert.Equal(
        [
            "Còn 14 ngày: báo cáo phong trào năm 2026",
            "Còn 7 ngày: báo cáo phong trào năm 2026",
            "Còn 3 ngày: báo cáo phong trào năm 2026",
            "Còn 1 ngày: báo cáo phong trào năm 2026",
            "Quá hạn báo cáo phong trào năm 2026",
        ], titles);
        var secretariat = await TitlesAsync(app, "thuongtruc");
        Assert.Contains("Còn 14 ngày: báo cáo tổng hợp năm 2026", secretariat);
        using var scope = app.Services.CreateScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>().Outbox.CountAsync();
        Assert.Equal(0, outbox); // demo accounts have no e-mail address
    }

    [Theory, Providers]
    public async Task AUnitThatSubmittedIsNotRemindedAndRestartsDoNotRepeatReminders(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Vietnam));
        var database = await TestDatabases.CreateAsync(provider);
        database.KeepOnDispose = true;
        await using (var app = new ThiDuaApp(database, clock))
        {
            var reporter = await app.ClientAsync("soyte.baocao");
            var leader = await app.ClientAsync("soyte.lanhdao");
            var report = await (await reporter.PostJsonAsync("/api/v1/reports", new { movementCode = "CDS-2022-2025", year = 2026, unitCode = "SO-YT", summary = "Tóm tắt", results = "Kết quả" })).JsonAsync(System.Net.HttpStatusCode.Created);
            await (await leader.PostAsync($"/api/v1/reports/{(int)report["id"]!}/submit", null)).JsonAsync();
            await RunAsync(app);
            Assert.Empty(await TitlesAsync(app, "soyte.lanhdao"));
            Assert.Single(await TitlesAsync(app, "baichay.lanhdao"));
        }

        // A restart on the same database: the 14-day reminder is not sent again.
        database.KeepOnDispose = false;
        await using var restarted = new ThiDuaApp(database, clock);
        Assert.Equal(0, await RunAsync(restarted));
        Assert.Single(await TitlesAsync(restarted, "baichay.lanhdao"));
    }

    [Theory, Providers]
    public async Task AUnitOfAnotherProvinceOwesNoReportAndGetsNoReminder(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Vietnam));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);
        int outsideId;
        using (var scope = app.Services.CreateScope())
        {
            // Another province (as seed-national adds them) with a commune under it, and that commune's leader.
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var province = new ThiDua.Data.Units.Unit { Code = "T-HAIPHONG", Name = "Thành phố Hải Phòng", Type = ThiDua.Core.Units.UnitType.Province, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(province);
            await db.SaveChangesAsync();
            var commune = new ThiDua.Data.Units.Unit { Code = "X-HP-THUYNGUYEN", Name = "Xã Thủy Nguyên", Type = ThiDua.Core.Units.UnitType.Commune, ParentId = province.Id, ValidFrom = new DateOnly(2025, 7, 1) };
            db.Units.Add(commune);
            await db.SaveChangesAsync();
            outsideId = commune.Id;
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ThiDua.Data.Accounts.ApplicationUser>>();
            var leader = new ThiDua.Data.Accounts.ApplicationUser { UserName = "thuynguyen.lanhdao", FullName = "Lãnh đạo xã Thủy Nguyên", UnitId = commune.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(leader, ThiDuaApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(leader, ThiDua.Web.Infrastructure.Auth.Roles.UnitLeader)).Succeeded);
        }

        Assert.True(await RunAsync(app) >= 70);
        Assert.Empty(await TitlesAsync(app, "thuynguyen.lanhdao"));
        Assert.Single(await TitlesAsync(app, "baichay.lanhdao"));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            Assert.False(await db.SentReminders.AnyAsync(r => r.UnitId == outsideId));
            var movement = await db.Movements.AsNoTracking().FirstAsync(m => m.Code == "CDS-2022-2025");
            var expected = await scope.ServiceProvider.GetRequiredService<ReportService>().ExpectedAsync(movement, 2026, default);
            Assert.DoesNotContain(expected, u => u.Id == outsideId);
            Assert.Contains(expected, u => u.Code == "X2025-06673-BAICHAY");
        }
        var status = await (await (await app.ClientAsync("thuongtruc")).GetAsync("/api/v1/movements/CDS-2022-2025/report-status?year=2026")).JsonAsync();
        Assert.DoesNotContain("X-HP-THUYNGUYEN", status["missing"]!.AsArray().Select(c => (string)c!));
        Assert.NotEmpty(status["missing"]!.AsArray());
    }

    [Fact]
    public async Task TheBackgroundServiceSendsRemindersWhenTheClockMoves()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Vietnam));
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite, clock, new Dictionary<string, string> { ["Reminders:Enabled"] = "true" });

        var titles = new List<string>();
        for (var attempt = 0; attempt < 100 && titles.Count == 0; attempt++)
        {
            await Task.Delay(100);
            titles = await TitlesAsync(app, "baichay.lanhdao");
        }
        Assert.Equal(["Còn 14 ngày: báo cáo phong trào năm 2026"], titles);

        clock.Advance(TimeSpan.FromDays(7));
        for (var attempt = 0; attempt < 100 && titles.Count == 1; attempt++)
        {
            await Task.Delay(100);
            titles = await TitlesAsync(app, "baichay.lanhdao");
        }
        Assert.Equal("Còn 7 ngày: báo cáo phong trào năm 2026", titles[^1]);
    }
}
