using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Operations;

/// <summary>
/// The real app as its own process (<c>dotnet ThiDua.Web.dll</c>) on a free local port, over a test database. Its
/// output is drained into a short buffer (kept for failure messages) so that it never blocks on a full pipe, and the
/// process is killed on dispose whatever happened in the test.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the app wrote, for assertion messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static async Task<AppProcess> StartAsync(TestDatabase database, string filesRoot)
    {
        var port = FreePort();
        var app = new AppProcess(new Process { StartInfo = StartInfo(database, filesRoot, port) }, new Uri($"http://127.0.0.1:{port}"));
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var body = await response.JsonAsync();
        return (string)body["accessToken"]!;
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no disposal — as a power cut would be for the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was healthy:{Environment.NewLine}{Output}");
            }
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app was not healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static ProcessStartInfo StartInfo(TestDatabase database, string filesRoot, int port)
    {
        var web = WebAssemblyPath();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { web, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment[$"ConnectionStrings__{database.Provider}"] = database.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ConnectionString
            : database.ConnectionString;
        start.Environment["Storage__Path"] = filesRoot;
        start.Environment["THIDUA_ADMIN_PASSWORD"] = ThiDuaApp.Password;
        // The database is a copy of the seeded test template: nothing to seed, no reminders, only warnings logged.
        start.Environment["Seed__DemoData"] = "false";
        start.Environment["Reminders__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    /// <summary>The web project's own build output (with its runtimeconfig and appsettings), of the tests' configuration.</summary>
    private static string WebAssemblyPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "ThiDua.Web", "bin", configuration, framework, "ThiDua.Web.dll");
            if (File.Exists(Path.Combine(folder.FullName, "ThiDua.slnx")) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        var beside = Path.Combine(output.FullName, "ThiDua.Web.dll");
        return File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new FileNotFoundException("ThiDua.Web.dll with its runtimeconfig was not found; build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
