using ThiDua.Web.Data;

namespace ThiDua.Web.Infrastructure.Operations;

/// <summary>
/// <c>dotnet ThiDua.Web.dll backup &lt;file&gt; [--force]</c> and <c>restore &lt;file&gt; [--force]</c>. The app's
/// configuration and services are built exactly as for the web server (so Database__Provider, ConnectionStrings__* and
/// Storage__Path apply), but the host is never started: no server, no hosted service, no migration or seeding.
/// </summary>
public static class OperationsCommand
{
    private const string Usage = "Usage: backup <file> [--force]  |  restore <file> [--force]   (--force: overwrite the file / replace a database that holds data)";

    public static bool Matches(string[] args) => args is ["backup" or "restore", ..];

    /// <summary>Runs the command and returns the process exit code: 0 when done, 1 with a message on standard error otherwise.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var command, var file, ..] || file.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 1;
        }
        var force = args.Skip(2).Contains("--force");
        var hostArgs = args.Skip(2).Where(a => a != "--force").ToArray();
        try
        {
            await using var app = Build(hostArgs);
            var location = DataLocation.From(app.Services);
            var clock = app.Services.GetRequiredService<TimeProvider>();
            Console.WriteLine(command == "backup"
                ? Describe(await new BackupCommand(location, clock).RunAsync(file, overwrite: force))
                : Describe(await new RestoreCommand(location).RunAsync(file, force), file, location.Provider));
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"{command} failed: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            // Any other fault (a file system or database error) is still one line and a non-zero exit, not a stack trace.
            await Console.Error.WriteLineAsync($"{command} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static WebApplication Build(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.AddThiDua();
        return builder.Build();
    }

    private static string Describe(BackupResult result) =>
        $"Backup written: {result.Path} ({result.Manifest.Provider}, {result.Manifest.Files.Count} files, {result.Bytes / 1024.0 / 1024.0:0.0} MB).";

    private static string Describe(RestoreResult result, string file, DatabaseProvider provider) =>
        $"Restored {Path.GetFullPath(file)} (made {result.Manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC) into the {provider} database; "
        + $"{result.FilesWritten} files written, {result.FilesAlreadyPresent} already present.";
}
