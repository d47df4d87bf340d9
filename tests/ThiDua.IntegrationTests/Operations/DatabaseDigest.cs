using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ThiDua.Data;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Operations;

/// <summary>
/// What a database holds, table by table: the row count and a SHA-256 over every value of every row in primary-key
/// order. Two databases with equal digests hold the same data. The tables come from the EF model, plus the migrations history.
/// </summary>
public static class DatabaseDigest
{
    public static ThiDuaDbContext Open(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ThiDuaDbContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }
        return new ThiDuaDbContext(options.Options);
    }

    public static async Task<SortedDictionary<string, string>> OfAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = Open(provider, connectionString);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var digest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (table, keys) in Tables(db.Model))
        {
            digest[table] = await TableAsync(connection, table, keys);
        }
        return digest;
    }

    private static IEnumerable<(string Table, List<string> Keys)> Tables(IModel model)
    {
        var mapped = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null)
            .GroupBy(e => e.GetTableName()!)
            .Select(g => (g.Key, Keys(g.First(), g.Key)));
        return mapped.Append(("__EFMigrationsHistory", ["MigrationId"]));
    }

    private static List<string> Keys(IEntityType entity, string table)
    {
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        return entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToList();
    }

    private static async Task<string> TableAsync(DbConnection connection, string table, IReadOnlyList<string> keys)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", keys.Select(k => $"\"{k}\""))}";
        await using var reader = await command.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(reader.GetName(i) + "=" + Format(reader.GetValue(i)) + "\u001f"));
            }
            hash.AppendData("\u001e"u8);
            rows++;
        }
        return $"{rows} rows, {Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    private static string Format(object value) => value switch
    {
        DBNull => "(null)",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Every file under <paramref name="root"/> by relative path, with its SHA-256.</summary>
    public static SortedDictionary<string, string> OfFiles(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(root, path)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            }
        }
        return files;
    }
}
