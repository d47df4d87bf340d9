using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Admin;

public class AuditTests
{
    [Theory, Providers]
    public async Task EveryWriteIsAuditedWithWhoAndBeforeAndAfter(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var admin = await app.ClientAsync("admin");
        var unit = await (await secretariat.GetAsync("/api/v1/units/SO-NGV")).JsonAsync();

        await (await secretariat.PutJsonAsync("/api/v1/units/SO-NGV", new { name = "Sở Ngoại vụ tỉnh Quảng Ninh", type = "department", parentCode = "QN-22", validFrom = "2022-01-01", version = (int)unit["version"]! })).JsonAsync();
        var log = await (await admin.GetAsync("/api/v1/audit?entityType=Unit&userName=thuongtruc")).JsonAsync();

        var entry = Assert.Single(log["items"]!.AsArray());
        Assert.Equal("update", (string?)entry!["action"]);
        Assert.Contains("Sở Ngoại vụ\"", (string?)entry["before"], StringComparison.Ordinal);
        Assert.Contains("Sở Ngoại vụ tỉnh Quảng Ninh", (string?)entry["after"], StringComparison.Ordinal);
        Assert.DoesNotContain("ValidFrom", (string?)entry["after"], StringComparison.Ordinal);
        await (await secretariat.GetAsync("/api/v1/audit")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task TheChainHoldsWhenTheClockIsFinerThanTheDatabase(DatabaseProvider provider)
    {
        // A real clock ticks in 100 ns; PostgreSQL keeps microseconds. The hash must cover the instant as stored.
        var clock = new FakeTimeProvider(ThiDuaApp.DefaultNow.AddTicks(1_234_567));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);
        var admin = await app.ClientAsync("admin");
        await (await admin.PostJsonAsync("/api/v1/units", new { code = "DN-THOI-GIAN", name = "Doanh nghiệp thời gian", type = "enterprise", validFrom = "2026-01-01" }))
            .JsonAsync(HttpStatusCode.Created);

        var check = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();

        Assert.True((bool)check["valid"]!, check.ToJsonString());
    }

    [Theory, Providers]
    public async Task TheChainVerifiesUntilSomeoneEditsTheLogInTheDatabase(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");
        await (await admin.PostJsonAsync("/api/v1/clusters", new { code = "K", name = "Khối Đảng", kind = "bloc", year = 2025, memberCodes = new[] { "SO-NV-2025" } })).JsonAsync(HttpStatusCode.Created);

        var before = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var target = await db.AuditEntries.Where(e => e.EntityType == "Cluster").Select(e => e.Sequence).FirstAsync();
            await db.AuditEntries.Where(e => e.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, "someone-else"));
        }
        var after = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();

        Assert.True((bool)before["valid"]!);
        Assert.True((long)before["checked"]! > 500);
        Assert.False((bool)after["valid"]!);
        Assert.NotNull(after["firstBrokenSequence"]);
    }
}
