using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ThiDua.Data;

namespace ThiDua.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add` build the model for Postgres without starting the web app:
/// `dotnet ef migrations add Name --project src/ThiDua.Migrations.Postgres`. No database is opened to add a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ThiDuaDbContext>
{
    public ThiDuaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ThiDuaDbContext>().UseNpgsql("Host=localhost;Database=thidua_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
