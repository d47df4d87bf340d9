using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ThiDua.Web.Data;

/// <summary>
/// Inserts many rows of one entity type without EF's change tracker: a million tracked entities take minutes and
/// gigabytes. Table and column names, quoting and value conversions (enums stored as text…) come from the EF model,
/// so the SQL matches what the migrations created on either provider. SQLite gets one prepared parameterised INSERT
/// in a transaction per batch; PostgreSQL gets binary COPY. No audit entries are written: only the national
/// dataset (<see cref="Seed.NationalSeeder"/>) uses it.
/// </summary>
public static class BulkInsert
{
    private const int SqliteBatch = 20_000;

    /// <summary>Writes <paramref name="rows"/> (values in the order of <paramref name="properties"/>, as the entity holds them) and returns how many.</summary>
    public static async Task<long> WriteAsync<TEntity>(ThiDuaDbContext db, string[] properties, IEnumerable<object?[]> rows,
        Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var sql = ((Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider>)db).Instance.GetRequiredService<ISqlGenerationHelper>();
        var columns = properties.Select(name =>
        {
            var property = entityType.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} is not in the model.");
            var mapping = property.GetRelationalTypeMapping();
            var converter = property.GetValueConverter() ?? mapping.Converter;
            return new Column(sql.DelimitIdentifier(property.GetColumnName(store)!), converter, mapping.StoreType);
        }).ToArray();
        var target = sql.DelimitIdentifier(table, schema);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, target, columns, rows, progress, cancellationToken)
                : await InsertAsync(connection, target, columns, rows, progress, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(string Name, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, string StoreType)
    {
        public object? ToProvider(object? value) => value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);

        /// <summary>The PostgreSQL type name without its facets: "character varying(64)" → "character varying".</summary>
        public string DataTypeName => StoreType.Split('(')[0].Trim();
    }

    private static async Task<long> InsertAsync(DbConnection connection, string table, Column[] columns, IEnumerable<object?[]> rows,
        Action<long>? progress, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

        long count = 0;
        DbTransaction? transaction = null;
        try
        {
            foreach (var row in rows)
            {
                if (transaction is null)
                {
                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    command.Transaction = transaction;
                    command.Prepare();
                }
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].ToProvider(row[i]) ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (++count % SqliteBatch == 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
                if (count % 1000 == 0)
                {
                    progress?.Invoke(count);
                }
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
        progress?.Invoke(count);
        return count;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, Column[] columns, IEnumerable<object?[]> rows,
        Action<long>? progress, CancellationToken cancellationToken)
    {
        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Length; i++)
                {
                    if (columns[i].ToProvider(row[i]) is { } value)
                    {
                        await importer.WriteAsync(value, columns[i].DataTypeName, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
                if (++count % 1000 == 0)
                {
                    progress?.Invoke(count);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        progress?.Invoke(count);
        return count;
    }
}
