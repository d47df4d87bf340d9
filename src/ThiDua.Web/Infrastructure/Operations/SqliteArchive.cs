using Microsoft.Data.Sqlite;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>
/// SQLite through its online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): the copy is
/// one consistent snapshot although the app keeps writing (WAL), and a restore goes through SQLite's own pager, so
/// the target's WAL and its readers stay coherent — copying the .db file over a WAL database would not.
/// </summary>
public sealed class SqliteArchive(string connectionString) : IDatabaseArchive
{
    private readonly string _path = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public async Task DumpAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            throw new BackupException($"There is no SQLite database at {_path}.");
        }
        await using var source = await OpenAsync(Configured(), SqliteOpenMode.ReadWrite, cancellationToken);
        await using var target = await OpenAsync(FileAt(path), SqliteOpenMode.ReadWriteCreate, cancellationToken);
        source.BackupDatabase(target);
        // The copy is one self-contained file: no -wal beside it inside the zip.
        await ExecuteAsync(target, "PRAGMA journal_mode=DELETE;", cancellationToken);
    }

    public async Task<bool> HasDataAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path) || new FileInfo(_path).Length == 0)
        {
            return false;
        }
        await using var connection = await OpenAsync(Configured(), SqliteOpenMode.ReadWrite, cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var any = connection.CreateCommand();
            any.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\")";
            if (Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                return true;
            }
        }
        return false;
    }

    public async Task RestoreAsync(string path, bool replace, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(FileAt(path), SqliteOpenMode.ReadOnly, cancellationToken);
        await using var target = await OpenAsync(Configured(), SqliteOpenMode.ReadWriteCreate, cancellationToken);
        // The backup API replaces every page of the target in one step, under SQLite's exclusive lock.
        source.BackupDatabase(target);
    }

    private SqliteConnectionStringBuilder Configured() => new(connectionString);

    private static SqliteConnectionStringBuilder FileAt(string path) => new() { DataSource = path };

    /// <summary>Unpooled, so that no connection of a backup or restore outlives it and holds the file.</summary>
    private static async Task<SqliteConnection> OpenAsync(SqliteConnectionStringBuilder builder, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        builder.Mode = mode;
        builder.Pooling = false;
        var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
