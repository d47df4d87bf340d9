using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Operations;

namespace ThiDua.IntegrationTests.Operations;

public class BackupRestoreTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\nbiên bản họp hội đồng\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    [Theory, Providers]
    public async Task ARestoreIntoAnEmptyDatabaseBringsBackEveryRowAndEveryFile(DatabaseProvider provider)
    {
        await using var source = await ThiDuaApp.StartAsync(provider);
        var pdfId = await UploadAsync(source, Pdf, "bien-ban.pdf");
        await UploadAsync(source, Png, "anh.png");
        var sourceLocation = DataLocation.From(source.Services);
        var backup = await BackUpAsync(sourceLocation, source);
        var sourceTables = await DatabaseDigest.OfAsync(provider, source.Database.ConnectionString);

        await using var target = await RestoreTarget.EmptyAsync(provider);
        var result = await new RestoreCommand(target.Location).RunAsync(backup.Path);

        Assert.Equal(2, result.FilesWritten);
        Assert.Equal(sourceTables, await target.TablesAsync());
        Assert.Equal(DatabaseDigest.OfFiles(sourceLocation.FilesRoot), DatabaseDigest.OfFiles(target.FilesRoot));
        Assert.True(sourceTables["Units"].StartsWith("288 rows", StringComparison.Ordinal), sourceTables["Units"]);

        // The restored installation runs: its audit chain holds, the upload reads back, a new write gets a new key.
        await using var restored = new ThiDuaApp(target.Database, settings: new Dictionary<string, string> { ["Storage:Path"] = target.FilesRoot });
        using var admin = await restored.ClientAsync("admin");
        Assert.True((bool)(await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync())["valid"]!);
        Assert.Equal(Pdf, await admin.GetByteArrayAsync($"/api/v1/files/{pdfId}"));
        await (await admin.PostJsonAsync("/api/v1/units", new { code = "SAU-KHOI-PHUC", name = "Đơn vị sau khôi phục", type = "enterprise", validFrom = "2026-01-01" }))
            .JsonAsync(HttpStatusCode.Created);
        File.Delete(backup.Path);
    }

    [Theory, Providers]
    public async Task ARestoreIntoADatabaseThatHoldsDataNeedsForce(DatabaseProvider provider)
    {
        await using var source = await ThiDuaApp.StartAsync(provider);
        await UploadAsync(source, Pdf, "bien-ban.pdf");
        var backup = await BackUpAsync(DataLocation.From(source.Services), source);
        var sourceTables = await DatabaseDigest.OfAsync(provider, source.Database.ConnectionString);
        await using var target = await RestoreTarget.SeededAsync(provider);
        var before = await target.TablesAsync();
        Assert.NotEqual(sourceTables, before);

        var refusal = await Assert.ThrowsAsync<BackupException>(() => new RestoreCommand(target.Location).RunAsync(backup.Path));
        Assert.Contains("--force", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await target.TablesAsync());
        Assert.Empty(DatabaseDigest.OfFiles(target.FilesRoot));

        await new RestoreCommand(target.Location).RunAsync(backup.Path, force: true);
        Assert.Equal(sourceTables, await target.TablesAsync());
        Assert.Single(DatabaseDigest.OfFiles(target.FilesRoot));
        File.Delete(backup.Path);
    }

    [Theory, Providers]
    public async Task ABackupWithAChangedByteIsRefusedAndNothingIsTouched(DatabaseProvider provider)
    {
        await using var source = await ThiDuaApp.StartAsync(provider);
        await UploadAsync(source, Pdf, "bien-ban.pdf");
        var backup = await BackUpAsync(DataLocation.From(source.Services), source);
        var entry = BackupManifest.FilesFolder + backup.Manifest.Files.Single().Path;
        Rewrite(backup.Path, entry, bytes => bytes[^3] ^= 0x01);

        await using var target = await RestoreTarget.EmptyAsync(provider);
        var refusal = await Assert.ThrowsAsync<BackupException>(() => new RestoreCommand(target.Location).RunAsync(backup.Path));

        Assert.Contains(entry, refusal.Message, StringComparison.Ordinal);
        Assert.False(await DatabaseArchive.For(target.Location).HasDataAsync(CancellationToken.None));
        Assert.False(Directory.Exists(target.FilesRoot));
        File.Delete(backup.Path);
    }

    [Theory, Providers]
    public async Task AManifestPathOutsideTheFilesFolderIsRefused(DatabaseProvider provider)
    {
        await using var source = await ThiDuaApp.StartAsync(provider);
        var backup = await BackUpAsync(DataLocation.From(source.Services), source);
        await using var target = await RestoreTarget.EmptyAsync(provider);
        var evil = "kẻ xấu"u8.ToArray();
        var entry = new BackupEntry("", evil.Length, Convert.ToHexStringLower(SHA256.HashData(evil)));

        foreach (var path in new[] { "../evil", "ab/../../evil", "/tmp/evil", "ab\\..\\..\\evil", "C:evil", "ab//evil", "./evil" })
        {
            var manifest = backup.Manifest with { Files = [entry with { Path = path }] };
            Rewrite(backup.Path, BackupManifest.EntryName, _ => { }, manifest.ToJson());
            AddEntry(backup.Path, BackupManifest.FilesFolder + path, evil);

            var refusal = await Assert.ThrowsAsync<BackupException>(() => new RestoreCommand(target.Location).RunAsync(backup.Path));

            Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
        }
        Assert.False(await DatabaseArchive.For(target.Location).HasDataAsync(CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(target.FilesRoot, "..", "evil")));
        Assert.False(Directory.Exists(target.FilesRoot));
        File.Delete(backup.Path);
    }

    [Fact]
    public async Task TheCommandLineBacksUpRestoresAndAnswersOneOnEveryRefusal()
    {
        await using var source = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        await using var target = await RestoreTarget.EmptyAsync(DatabaseProvider.Sqlite);
        var backup = Path.Combine(Path.GetTempPath(), "thidua-tests", $"backup-{Guid.NewGuid():N}.zip");
        string[] Settings(string connectionString, string files) =>
            ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite={connectionString}", $"--Storage:Path={files}"];

        Assert.Equal(0, await OperationsCommand.RunAsync(["backup", backup, .. Settings(source.ConnectionString, RestoreTarget.NewFolder())]));
        Assert.Equal(1, await OperationsCommand.RunAsync(["backup", backup, .. Settings(source.ConnectionString, RestoreTarget.NewFolder())]));
        Assert.Equal(1, await OperationsCommand.RunAsync(["restore", backup + ".missing", .. Settings(target.Database.ConnectionString, target.FilesRoot)]));
        Assert.Equal(1, await OperationsCommand.RunAsync(["restore"]));
        Assert.Equal(0, await OperationsCommand.RunAsync(["restore", backup, .. Settings(target.Database.ConnectionString, target.FilesRoot)]));
        Assert.Equal(1, await OperationsCommand.RunAsync(["restore", backup, .. Settings(target.Database.ConnectionString, target.FilesRoot)]));
        Assert.Equal(0, await OperationsCommand.RunAsync(["restore", backup, "--force", .. Settings(target.Database.ConnectionString, target.FilesRoot)]));
        Assert.Equal(await DatabaseDigest.OfAsync(DatabaseProvider.Sqlite, source.ConnectionString), await target.TablesAsync());
        File.Delete(backup);
    }

    private static async Task<Guid> UploadAsync(ThiDuaApp app, byte[] bytes, string name)
    {
        using var reporter = await app.ClientAsync("soyte.baocao");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", name);
        var stored = await (await reporter.PostAsync("/api/v1/files", content)).JsonAsync(HttpStatusCode.Created);
        return Guid.Parse((string)stored["id"]!);
    }

    private static Task<BackupResult> BackUpAsync(DataLocation location, ThiDuaApp app) =>
        new BackupCommand(location, app.Clock).RunAsync(Path.Combine(Path.GetTempPath(), "thidua-tests", $"backup-{Guid.NewGuid():N}.zip"));

    /// <summary>Replaces one entry of the zip: its bytes changed by <paramref name="change"/>, or by new text.</summary>
    private static void Rewrite(string zipPath, string entryName, Action<byte[]> change, string? text = null)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        byte[] bytes;
        using (var stream = entry.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        change(bytes);
        entry.Delete();
        using var output = zip.CreateEntry(entryName).Open();
        output.Write(text is null ? bytes : System.Text.Encoding.UTF8.GetBytes(text));
    }

    private static void AddEntry(string zipPath, string entryName, byte[] bytes)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(entryName)?.Delete();
        using var output = zip.CreateEntry(entryName).Open();
        output.Write(bytes);
    }
}
