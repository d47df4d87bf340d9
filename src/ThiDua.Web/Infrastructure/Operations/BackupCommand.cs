using System.IO.Compression;
using System.Reflection;

namespace ThiDua.Web.Infrastructure.Operations;

public sealed record BackupResult(string Path, BackupManifest Manifest, long Bytes);

/// <summary>
/// <c>backup &lt;file&gt;</c>: one zip with <c>manifest.json</c>, the database (<c>database.sqlite</c> or
/// <c>database.pgdump</c>) and the files folder under <c>files/</c>. The app may keep running meanwhile.
/// </summary>
public sealed class BackupCommand(DataLocation location, TimeProvider? clock = null)
{
    public async Task<BackupResult> RunAsync(string file, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        if (File.Exists(path) && !overwrite)
        {
            throw new BackupException($"{path} already exists; choose another name or add --force to overwrite it.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under another name and moved at the end: a failed backup never leaves a file that looks whole.
        var partial = path + ".partial";
        var work = Directory.CreateTempSubdirectory("thidua-backup-");
        try
        {
            var databaseDump = Path.Combine(work.FullName, BackupManifest.DatabaseEntryName(location.Provider));
            await DatabaseArchive.For(location).DumpAsync(databaseDump, cancellationToken);
            BackupManifest manifest;
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write))
            await using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
            {
                var database = await AddAsync(zip, databaseDump, BackupManifest.DatabaseEntryName(location.Provider), cancellationToken);
                // The files are copied after the database on purpose: a stored file is never changed or deleted once
                // written (its name is its SHA-256, ADR 005) and is written before the row that refers to it, so every
                // file the database snapshot knows is already here; files uploaded meanwhile are merely extra.
                var files = await AddFilesAsync(zip, cancellationToken);
                manifest = new BackupManifest(BackupManifest.CurrentFormat, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
                    location.Provider, AppVersion(), database, files);
                await WriteManifestAsync(zip, manifest, cancellationToken);
            }
            File.Move(partial, path, overwrite);
            return new BackupResult(path, manifest, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    private async Task<List<BackupEntry>> AddFilesAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entries = new List<BackupEntry>();
        foreach (var relative in StorePaths.List(location.FilesRoot))
        {
            var stored = await AddAsync(zip, Path.Combine(location.FilesRoot, relative), BackupManifest.FilesFolder + relative, cancellationToken);
            entries.Add(stored with { Path = relative });
        }
        return entries;
    }

    private static async Task<BackupEntry> AddAsync(ZipArchive zip, string source, string entryName, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(source);
        await using var entry = await zip.CreateEntry(entryName, CompressionLevel.Fastest).OpenAsync(cancellationToken);
        var (sha256, size) = await HashingCopy.CopyAsync(input, entry, cancellationToken);
        return new BackupEntry(entryName, size, sha256);
    }

    private static async Task WriteManifestAsync(ZipArchive zip, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(cancellationToken);
        await using var writer = new StreamWriter(entry);
        await writer.WriteAsync(manifest.ToJson().AsMemory(), cancellationToken);
    }

    private static string AppVersion() =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
