using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Operations;

namespace ThiDua.IntegrationTests.Operations;

/// <summary>A database and an empty files folder to restore into; both are removed at the end of the test.</summary>
public sealed class RestoreTarget(TestDatabase database, string filesRoot) : IAsyncDisposable
{
    public TestDatabase Database { get; } = database;
    public string FilesRoot { get; } = filesRoot;
    public DataLocation Location => new(Database.Provider, Database.ConnectionString, FilesRoot);

    /// <summary>A new, empty database (no tables) and files folder.</summary>
    public static async Task<RestoreTarget> EmptyAsync(DatabaseProvider provider) =>
        new(await TestDatabases.CreateEmptyAsync(provider), NewFolder());

    /// <summary>A database that already holds the seeded province, accounts and demo data.</summary>
    public static async Task<RestoreTarget> SeededAsync(DatabaseProvider provider) =>
        new(await TestDatabases.CreateAsync(provider), NewFolder());

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "thidua-tests", "operations", Guid.NewGuid().ToString("N"));

    public Task<SortedDictionary<string, string>> TablesAsync() => DatabaseDigest.OfAsync(Database.Provider, Database.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }
}
