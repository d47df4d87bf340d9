using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Infrastructure;

/// <summary>
/// Every test gets its own database, copied from a template that was migrated and seeded once per provider and
/// test run: SQLite through the backup API, PostgreSQL with <c>CREATE DATABASE … TEMPLATE</c>.
/// </summary>
public static class TestDatabases
{
    public static readonly string? PostgresConnectionString =
        Environment.GetEnvironmentVariable("THIDUA_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "thidua-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<string>>> Templates = new();

    /// <summary>
    /// Copies of the SQLite template are made one at a time: every open of the unpooled template re-reads its WAL
    /// index, and two opening at once fail with SQLITE_BUSY_RECOVERY (261) — "database is locked".
    /// </summary>
    private static readonly Lock SqliteCopyLock = new();

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<string>>(() => CreateTemplateAsync(p))).Value;
        return provider == DatabaseProvider.Sqlite ? CopySqlite(template) : await CopyPostgresAsync(template);
    }

    /// <summary>An empty database, for tests of migration and first-start seeding.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        var name = $"thidua_e_{RunId}_{Guid.NewGuid():N}"[..40];
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, name + ".db");
            return new TestDatabase(provider, $"Data Source={path};Pooling=False", () => DeleteSqlite(path));
        }
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(provider, PostgresDatabase(name), () => DropPostgresAsync(name));
    }

    private static async Task<string> CreateTemplateAsync(DatabaseProvider provider)
    {
        await using var empty = await CreateEmptyAsync(provider);
        empty.KeepOnDispose = true;
        await using (var app = new ThiDuaApp(empty))
        {
            // Starting the host migrates and seeds the template (province, accounts, demo data).
            _ = app.Services;
        }
        if (provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }
        return empty.ConnectionString;
    }

    private static TestDatabase CopySqlite(string templateConnectionString)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        lock (SqliteCopyLock)
        {
            using var source = new SqliteConnection(templateConnectionString);
            using var target = new SqliteConnection($"Data Source={path};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", () => DeleteSqlite(path));
    }

    private static async Task<TestDatabase> CopyPostgresAsync(string templateConnectionString)
    {
        var template = new NpgsqlConnectionStringBuilder(templateConnectionString).Database!;
        var name = $"thidua_t_{RunId}_{Guid.NewGuid():N}"[..40];
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(DatabaseProvider.Postgres, PostgresDatabase(name), () => DropPostgresAsync(name));
    }

    private static string PostgresDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ConnectionString;

    private static async Task ExecuteAdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresConnectionString
            ?? throw new InvalidOperationException("THIDUA_TEST_POSTGRES is not set.")) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropPostgresAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static Task DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS temp cleaner.
            }
        }
        return Task.CompletedTask;
    }
}

public sealed class TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;
    public bool KeepOnDispose { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (!KeepOnDispose)
        {
            await drop();
        }
    }
}
