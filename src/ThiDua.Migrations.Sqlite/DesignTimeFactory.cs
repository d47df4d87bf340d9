using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ThiDua.Data;

namespace ThiDua.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add` build the model for Sqlite without starting the web app:
/// `dotnet ef migrations add Name --project src/ThiDua.Migrations.Sqlite`. No database is opened to add a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ThiDuaDbContext>
{
    public ThiDuaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ThiDuaDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
