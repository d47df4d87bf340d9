using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;

namespace ThiDua.IntegrationTests.Data;

public class DatabaseTests
{
    [Fact]
    public void NeitherMigrationsProjectLagsTheModel()
    {
        // No database is opened: the model is compared with each provider's latest snapshot.
        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgres = new Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project src/ThiDua.Migrations.Sqlite");
        Assert.False(postgres.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --project src/ThiDua.Migrations.Postgres");
    }

    [Theory, Providers]
    public async Task AFirstStartMigratesAndSeedsAndASecondAddsNothingAndKeepsEdits(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateEmptyAsync(provider);
        database.KeepOnDispose = true;
        int units, lineage, users, audit;
        await using (var first = new ThiDuaApp(database))
        {
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            units = await db.Units.CountAsync();
            lineage = await db.UnitLineage.CountAsync();
            users = await db.Users.CountAsync();
            await db.Units.Where(u => u.Code == "SO-YT").ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, "Sở Y tế (đã sửa)"));
            audit = await db.AuditEntries.CountAsync();
        }

        database.KeepOnDispose = false;
        await using var second = new ThiDuaApp(database);
        using var scope2 = second.Services.CreateScope();
        var db2 = scope2.ServiceProvider.GetRequiredService<ThiDuaDbContext>();

        Assert.Equal(ProvinceSeeder.ReadRows().Count, units);
        Assert.Equal(288, units);
        Assert.Equal(ProvinceSeeder.ReadRows().Sum(r => r.Predecessors.Count), lineage);
        Assert.Equal(210, lineage);
        Assert.Equal(AccountSeeder.DemoAccounts.Count + 1, users);
        Assert.Equal(units, await db2.Units.CountAsync());
        Assert.Equal(lineage, await db2.UnitLineage.CountAsync());
        Assert.Equal(users, await db2.Users.CountAsync());
        Assert.Equal(audit, await db2.AuditEntries.CountAsync());
        Assert.Equal("Sở Y tế (đã sửa)", await db2.Units.Where(u => u.Code == "SO-YT").Select(u => u.Name).SingleAsync());
        Assert.Empty(await db2.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void EveryPredecessorInTheSeedExists()
    {
        var rows = ProvinceSeeder.ReadRows();
        var codes = rows.Select(r => r.Code).ToHashSet();

        Assert.All(rows.SelectMany(r => r.Predecessors), p => Assert.Contains(p, codes));
        Assert.All(rows.Where(r => r.ParentCode is not null), r => Assert.Contains(r.ParentCode!, codes));
        Assert.All(rows, r => Assert.True(r.ValidTo is null || r.ValidFrom <= r.ValidTo, r.Code));
        Assert.All(rows, r => Assert.True(r.Name.IsNormalized(System.Text.NormalizationForm.FormC), r.Code));
    }
}
