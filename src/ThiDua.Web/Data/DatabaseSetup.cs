using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using ThiDua.Web.Data.Seed;

namespace ThiDua.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the database from configuration (<c>Database:Provider</c> = Sqlite | Postgres) and the migrations
/// project that belongs to it; applies migrations and seeds at start. Nothing uses EnsureCreated.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{name}' is unknown; use Sqlite or Postgres.");
    }

    public static IServiceCollection AddThiDuaDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = Provider(configuration);
        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider is Postgres."),
            _ => SqliteConnectionString(configuration.GetConnectionString("Sqlite") ?? "Data Source=data/thidua.db", environment.ContentRootPath),
        };

        services.AddDbContext<ThiDuaDbContext>(options => Configure(options, provider, connectionString, environment));

        // Public pages and open data may read from a hot standby (ConnectionStrings:ThiDuaReads): a separate,
        // no-tracking context under the key ReadsKey. Without the setting the key gives the request's main context.
        var reads = configuration.GetConnectionString(ReadsConnectionName);
        if (string.IsNullOrWhiteSpace(reads))
        {
            services.AddKeyedScoped<ThiDuaDbContext>(ReadsKey, (sp, _) => sp.GetRequiredService<ThiDuaDbContext>());
        }
        else
        {
            var readsConnection = provider == DatabaseProvider.Postgres ? reads : SqliteConnectionString(reads, environment.ContentRootPath);
            services.AddKeyedSingleton<DbContextOptions<ThiDuaDbContext>>(ReadsKey, (sp, _) =>
            {
                var options = new DbContextOptionsBuilder<ThiDuaDbContext>().UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
                Configure(options, provider, readsConnection, environment);
                return options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
            });
            // No audit actor: nothing is ever saved through this context (a standby refuses writes anyway).
            services.AddKeyedScoped<ThiDuaDbContext>(ReadsKey, (sp, key) =>
                new ThiDuaDbContext(sp.GetRequiredKeyedService<DbContextOptions<ThiDuaDbContext>>(key), null, sp.GetService<TimeProvider>()));
        }

        // Keys that protect cookies and bearer tokens live in the database: every instance can read them (DESIGN.md).
        services.AddDataProtection().SetApplicationName("ThiDua").PersistKeysToDbContext<ThiDuaDbContext>();
        services.AddScoped<ProvinceSeeder>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<DemoAssessmentSeeder>();
        services.AddScoped<TargetSeeder>();
        services.AddScoped<MovementSeeder>();
        services.AddScoped<CalendarSeeder>();
        services.AddScoped<RewardRuleSeeder>();
        services.AddScoped<DemoMovementSeeder>();
        services.AddScoped<DemoTaskSeeder>();
        services.AddScoped<DemoInspectionSeeder>();
        services.AddScoped<DemoInitiativeSeeder>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>The connection string name of the optional read replica (PostgreSQL hot standby) for public reads.</summary>
    public const string ReadsConnectionName = "ThiDuaReads";

    /// <summary>The service key of the context that reads public, already published data: <c>[FromKeyedServices(DatabaseSetup.ReadsKey)] ThiDuaDbContext</c>.</summary>
    public const string ReadsKey = "reads";

    private static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, IHostEnvironment environment)
    {
        // A failing command or query is an exception that reaches ProblemDetailsExceptionHandler, which logs it
        // once with the request's trace id; EF's own error lines would log it three times, with its SQL.
        options.ConfigureWarnings(w =>
        {
            w.Log(
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug));
            // A query that loads two collections in one SQL statement multiplies their rows (a nomination's steps
            // × criteria × documents): it must say AsSplitQuery (or AsSingleQuery, on purpose). Outside
            // Production such a query fails, so the test suite finds it; a server only logs the warning.
            if (!environment.IsProduction())
            {
                w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.MultipleCollectionIncludeWarning);
            }
        });
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(Migrations.Postgres.DesignTimeFactory).Assembly.GetName().Name));
                break;
            default:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(Migrations.Sqlite.DesignTimeFactory).Assembly.GetName().Name));
                break;
        }
    }

    /// <summary>A relative SQLite path is taken from the content root, and its folder is created.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }

    /// <summary>Applies the provider's migrations and the idempotent seeds; run once at start, before requests are served.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            // The first start's console says what it is doing (issue 15): in Vietnamese, at Information, shown by default.
            logger.LogInformation("Đang tạo cơ sở dữ liệu / áp dụng {Count} migration ({Provider})…", pending.Count, ProviderName(db));
            await db.Database.MigrateAsync(cancellationToken);
        }
        await SearchColumns.BackfillAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ProvinceSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<TargetSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<MovementSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RewardRuleSeeder>().SeedAsync(cancellationToken);
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (configuration.GetValue<bool>("Seed:DemoData"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoAssessmentSeeder>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoTaskSeeder>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoMovementSeeder>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoInspectionSeeder>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoInitiativeSeeder>().SeedAsync(cancellationToken);
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Cơ sở dữ liệu đã sẵn sàng ({Provider}).", ProviderName(db));
        }
    }

    private static string ProviderName(ThiDuaDbContext db) => db.Database.IsSqlite() ? "SQLite" : "PostgreSQL";
}
