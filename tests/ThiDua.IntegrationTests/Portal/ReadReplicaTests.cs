using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Portal;

/// <summary>
/// The public portal reads from <c>ConnectionStrings:ThiDuaReads</c> when it is set (a hot standby in production).
/// Here the "replica" is a second database whose copy of a unit has another name: the public page shows the
/// replica's name, the staff API the main database's — which proves which connection each one uses.
/// </summary>
public class ReadReplicaTests
{
    private const string ReplicaName = "Phường Bãi Cháy (bản đọc)";

    [Theory, Providers]
    public async Task PublicPagesReadTheReplicaAndTheStaffTheMainDatabase(DatabaseProvider provider)
    {
        await using var replica = await ThiDuaApp.StartAsync(provider);
        using (var scope = replica.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            Assert.Equal(1, await db.Units.Where(u => u.Code == BaiChay).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, ReplicaName)));
        }
        await using var app = new ThiDuaApp(await TestDatabases.CreateAsync(provider),
            settings: new Dictionary<string, string> { [$"ConnectionStrings:{DatabaseSetup.ReadsConnectionName}"] = replica.Database.ConnectionString });
        using var anonymous = await app.PageClientAsync(null);
        using var staff = await app.ClientAsync("thuongtruc");

        var page = await anonymous.GetAsync($"/cong-khai/don-vi/{BaiChay}");
        var unit = await staff.GetStringAsync($"/api/v1/units/{BaiChay}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(ReplicaName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(ReplicaName, unit, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task WithoutTheSettingThePublicPagesReadTheMainDatabase(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            await db.Units.Where(u => u.Code == BaiChay).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, ReplicaName));
            Assert.Same(db, scope.ServiceProvider.GetRequiredKeyedService<ThiDuaDbContext>(DatabaseSetup.ReadsKey));
        }
        using var anonymous = await app.PageClientAsync(null);

        var html = await anonymous.GetStringAsync($"/cong-khai/don-vi/{BaiChay}");

        Assert.Contains(ReplicaName, html, StringComparison.Ordinal);
    }
}
