using ThiDua.Web.Data;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>Dumps the database to one file and loads it back: SQLite through its online backup API, PostgreSQL with pg_dump and pg_restore.</summary>
public interface IDatabaseArchive
{
    /// <summary>Writes a consistent copy of the database to <paramref name="path"/> while the app may keep writing.</summary>
    Task DumpAsync(string path, CancellationToken cancellationToken);

    /// <summary>True when any table of the database holds a row (the migrations history included).</summary>
    Task<bool> HasDataAsync(CancellationToken cancellationToken);

    /// <summary>Loads a dump made by <see cref="DumpAsync"/>; <paramref name="replace"/> allows replacing existing data.</summary>
    Task RestoreAsync(string path, bool replace, CancellationToken cancellationToken);
}

public static class DatabaseArchive
{
    public static IDatabaseArchive For(DataLocation location) => location.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresArchive(location.ConnectionString),
        _ => new SqliteArchive(location.ConnectionString),
    };
}
