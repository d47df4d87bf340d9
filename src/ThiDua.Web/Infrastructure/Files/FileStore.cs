using ThiDua.Data.Files;

namespace ThiDua.Web.Infrastructure.Files;

/// <summary>Where file bytes live. Keys come from the content's SHA-256, never from a user's file name.</summary>
public interface IFileStore
{
    Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken);
    Task<Stream> OpenAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A folder outside the web root (Storage:Path), the default: <c>ab/cd/abcd…</c> by hash.</summary>
public sealed class FolderFileStore(IConfiguration configuration, IHostEnvironment environment) : IFileStore
{
    private readonly string _root = RootOf(configuration, environment);

    /// <summary>The folder itself; backup and restore read and fill it (Infrastructure/Operations).</summary>
    public static string RootOf(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Storage:Path"] ?? "data/files"));

    public async Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return; // same hash, same bytes
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream> OpenAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    private string PathOf(string key)
    {
        if (key.Length != 64 || !key.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("A storage key is a SHA-256 in hex.", nameof(key));
        }
        return Path.Combine(_root, key[..2], key[2..4], key);
    }
}

/// <summary>The database (Storage:Kind = Database): every instance sharing PostgreSQL sees every file.</summary>
public sealed class DatabaseFileStore(ThiDuaDbContext db) : IFileStore
{
    public async Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        if (!await db.FileBlobs.AnyAsync(b => b.Sha256 == key, cancellationToken))
        {
            db.FileBlobs.Add(new FileBlob { Sha256 = key, Content = content });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<Stream> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var content = await db.FileBlobs.Where(b => b.Sha256 == key).Select(b => b.Content).FirstAsync(cancellationToken);
        return new MemoryStream(content, writable: false);
    }
}

public static class FileSetup
{
    /// <summary>Storage:Kind = Folder (default, Storage:Path) or Database (for several instances over PostgreSQL).</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.Equals(configuration["Storage:Kind"], "Database", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<IFileStore, DatabaseFileStore>();
        }
        else
        {
            services.AddSingleton<IFileStore, FolderFileStore>();
        }
        services.AddScoped<FileService>();
        return services;
    }
}
