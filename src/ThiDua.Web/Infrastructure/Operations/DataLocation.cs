using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>A refusal or failure of backup or restore, with a message for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>Where one installation keeps its data: the database (provider and connection string) and the files folder.</summary>
public sealed record DataLocation(DatabaseProvider Provider, string ConnectionString, string FilesRoot)
{
    /// <summary>The location the app itself would use, from the same configuration (Database__Provider, ConnectionStrings__*, Storage__Path).</summary>
    public static DataLocation From(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connectionString = db.Database.GetConnectionString()
            ?? throw new BackupException("No connection string is configured.");
        var filesRoot = FolderFileStore.RootOf(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        return new DataLocation(provider, connectionString, filesRoot);
    }
}
