using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>
/// PostgreSQL with its own tools: <c>pg_dump --format=custom</c> takes one consistent snapshot while the app keeps
/// writing; <c>pg_restore --single-transaction</c> loads it all or nothing. The tools (Debian's postgresql-client) must
/// be of the server's major version or newer. The connection goes to them through PG* variables, never the command line.
/// </summary>
public sealed class PostgresArchive(string connectionString) : IDatabaseArchive
{
    private readonly NpgsqlConnectionStringBuilder _settings = new(connectionString);

    public Task DumpAsync(string path, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--file={path}"], cancellationToken);

    public async Task<bool> HasDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new BackupException($"The database \"{_settings.Database}\" does not exist; create it empty first (CREATE DATABASE).");
        }
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table})", connection);
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                return true;
            }
        }
        return false;
    }

    public Task RestoreAsync(string path, bool replace, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={_settings.Database}"];
        if (replace)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }
        arguments.Add(path);
        return RunAsync("pg_restore", arguments, cancellationToken);
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(tool, arguments) };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new BackupException($"{tool} was not found. Install PostgreSQL's client tools (Debian: apt-get install postgresql-client), of the server's version or newer.");
        }
        // Both pipes are drained while the tool runs, so a chatty tool never blocks on a full pipe.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await output;
        var message = (await errors).Trim();
        if (process.ExitCode != 0)
        {
            var hint = message.Contains("version mismatch", StringComparison.OrdinalIgnoreCase)
                ? " Install the client tools of the server's version or newer." : "";
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {message}{hint}");
        }
    }

    private ProcessStartInfo StartInfo(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        SetIfPresent(start, "PGHOST", _settings.Host);
        SetIfPresent(start, "PGPORT", _settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SetIfPresent(start, "PGUSER", _settings.Username);
        SetIfPresent(start, "PGPASSWORD", _settings.Password);
        SetIfPresent(start, "PGDATABASE", _settings.Database);
        SetIfPresent(start, "PGSSLMODE", SslMode());
        return start;
    }

    private string? SslMode() => _settings.SslMode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => null,
    };

    private static void SetIfPresent(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }
}
