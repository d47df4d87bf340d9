using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ThiDua.Web.Data;

/// <summary>
/// Migrates and seeds before the server accepts requests: <see cref="StartingAsync"/> runs ahead of every hosted
/// service's start, Kestrel's included, and also when the host is started by WebApplicationFactory in tests.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.MigrateAndSeedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Once the server listens, the address to open (a newcomer's first minute, issue 15).</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            var url = addresses.Select(Browsable).OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0).First();
            logger.LogInformation("ThiDua đã sẵn sàng: mở {Url} trong trình duyệt", url);
        }
        return Task.CompletedTask;
    }

    /// <summary>http://[::]:5080 or http://0.0.0.0:5080 is not an address a browser opens: localhost is.</summary>
    public static string Browsable(string address) =>
        address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
