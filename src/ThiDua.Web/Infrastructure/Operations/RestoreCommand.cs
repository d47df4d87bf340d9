using System.IO.Compression;

namespace ThiDua.Web.Infrastructure.Operations;

public sealed record RestoreResult(BackupManifest Manifest, int FilesWritten, int FilesAlreadyPresent);

/// <summary>
/// <c>restore &lt;file&gt; [--force]</c>: checks the manifest and the SHA-256 of every item first, refuses a database
/// that already holds data unless forced, loads the database, then writes the files that are missing.
/// </summary>
public sealed class RestoreCommand(DataLocation location)
{
    public async Task<RestoreResult> RunAsync(string file, bool force = false, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new BackupException($"There is no backup file at {path}.");
        }
        await using var zip = await OpenAsync(path, cancellationToken);
        var manifest = await ReadManifestAsync(zip, cancellationToken);
        manifest.EnsureRestorableInto(location.Provider);
        await VerifyAsync(zip, manifest, cancellationToken);

        var database = DatabaseArchive.For(location);
        var replace = await database.HasDataAsync(cancellationToken);
        if (replace && !force)
        {
            throw new BackupException("The target database already holds data; nothing was restored. Add --force to replace it.");
        }
        await RestoreDatabaseAsync(zip, manifest.Database, database, replace, cancellationToken);
        var (written, present) = await RestoreFilesAsync(zip, manifest.Files, cancellationToken);
        return new RestoreResult(manifest, written, present);
    }

    private static async Task<ZipArchive> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        try
        {
            return await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException)
        {
            await stream.DisposeAsync();
            throw new BackupException($"{path} is not a ThiDua backup (not a zip file).");
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupException("The backup has no manifest.json.");
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        return BackupManifest.Parse(await reader.ReadToEndAsync(cancellationToken));
    }

    /// <summary>Every item is read and hashed before anything is changed: a damaged backup changes nothing.</summary>
    private static async Task VerifyAsync(ZipArchive zip, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await VerifyEntryAsync(zip, manifest.Database.Path, manifest.Database, cancellationToken);
        foreach (var file in manifest.Files)
        {
            await VerifyEntryAsync(zip, BackupManifest.FilesFolder + file.Path, file, cancellationToken);
        }
    }

    private static async Task VerifyEntryAsync(ZipArchive zip, string entryName, BackupEntry expected, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await OpenEntryAsync(zip, entryName, cancellationToken);
            var (sha256, size) = await HashingCopy.HashAsync(stream, cancellationToken);
            EnsureSame(entryName, expected, sha256, size);
        }
        catch (InvalidDataException)
        {
            throw Damaged(entryName);
        }
    }

    private static async Task RestoreDatabaseAsync(ZipArchive zip, BackupEntry entry, IDatabaseArchive database, bool replace, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("thidua-restore-");
        try
        {
            var dump = Path.Combine(work.FullName, entry.Path);
            await ExtractAsync(zip, entry.Path, entry, dump, cancellationToken);
            await database.RestoreAsync(dump, replace, cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<(int Written, int Present)> RestoreFilesAsync(ZipArchive zip, IReadOnlyList<BackupEntry> files, CancellationToken cancellationToken)
    {
        int written = 0, present = 0;
        foreach (var file in files)
        {
            var target = StorePaths.Resolve(location.FilesRoot, file.Path);
            if (File.Exists(target) && string.Equals((await HashingCopy.HashFileAsync(target, cancellationToken)).Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                present++;
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await ExtractAsync(zip, BackupManifest.FilesFolder + file.Path, file, temporary, cancellationToken);
            File.Move(temporary, target, overwrite: true);
            var (sha256, size) = await HashingCopy.HashFileAsync(target, cancellationToken);
            EnsureSame(target, file, sha256, size);
            written++;
        }
        return (written, present);
    }

    /// <summary>Copies an entry to a file and checks it again on the way: the zip may have changed since it was verified.</summary>
    private static async Task ExtractAsync(ZipArchive zip, string entryName, BackupEntry expected, string destination, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = await OpenEntryAsync(zip, entryName, cancellationToken);
            await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
            var (sha256, size) = await HashingCopy.CopyAsync(source, output, cancellationToken);
            EnsureSame(entryName, expected, sha256, size);
        }
        catch
        {
            File.Delete(destination);
            throw;
        }
    }

    private static async Task<Stream> OpenEntryAsync(ZipArchive zip, string entryName, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(entryName) ?? throw new BackupException($"The backup lacks {entryName}, which its manifest lists; nothing was restored.");
        return await entry.OpenAsync(cancellationToken);
    }

    private static void EnsureSame(string name, BackupEntry expected, string sha256, long size)
    {
        if (!string.Equals(sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase) || size != expected.Size)
        {
            throw Damaged(name);
        }
    }

    private static BackupException Damaged(string name) =>
        new($"{name} does not match the backup's manifest (SHA-256 or size differs): the backup is damaged and was not restored.");
}
