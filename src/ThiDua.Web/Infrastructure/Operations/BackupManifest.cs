using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Web.Data;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>One stored item of a backup: its path (inside the zip, or relative to the files folder), size and SHA-256.</summary>
public sealed record BackupEntry(string Path, long Size, string Sha256);

/// <summary>
/// <c>manifest.json</c> of a backup zip: what made it, when, from which database, and the hash of every item, so that a
/// restore can check the whole backup before it changes anything.
/// </summary>
public sealed record BackupManifest(int FormatVersion, DateTime CreatedAt, DatabaseProvider Provider, string AppVersion, BackupEntry Database, IReadOnlyList<BackupEntry> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string FilesFolder = "files/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A manifest is read by people too: "1.0.0+abc", not "1.0.0\u002Babc".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string DatabaseEntryName(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? "database.pgdump" : "database.sqlite";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BackupManifest Parse(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json) ?? throw new BackupException("The backup's manifest.json is empty.");
            return manifest with { Files = manifest.Files ?? [] };
        }
        catch (JsonException e)
        {
            throw new BackupException($"The backup's manifest.json cannot be read: {e.Message}");
        }
    }

    /// <summary>Refuses a manifest this version cannot restore into <paramref name="target"/>, or one naming an unsafe path.</summary>
    public void EnsureRestorableInto(DatabaseProvider target)
    {
        if (FormatVersion != CurrentFormat)
        {
            throw new BackupException($"The backup has format {FormatVersion}; this version of ThiDua restores format {CurrentFormat}.");
        }
        if (Provider != target)
        {
            throw new BackupException($"The backup is of a {Provider} database; the configured database is {target}.");
        }
        if (Database is null || Database.Path != DatabaseEntryName(Provider) || !IsSha256(Database.Sha256))
        {
            throw new BackupException("The backup's manifest does not describe its database.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            if (!StorePaths.IsSafe(file.Path) || !IsSha256(file.Sha256) || file.Size < 0 || !seen.Add(file.Path))
            {
                throw new BackupException($"The backup's manifest names an unsafe or invalid file \"{file.Path}\"; nothing was restored.");
            }
        }
    }

    private static bool IsSha256(string? value) => value is { Length: 64 } && value.All(Uri.IsHexDigit);
}
