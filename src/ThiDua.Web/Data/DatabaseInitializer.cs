namespace ThiDua.Web.Data;

/// <summary>
/// Migrates and seeds before the server accepts requests: <see cref="StartingAsync"/> runs ahead of every hosted
/// service's start, Kestrel's included, and also when the host is started by WebApplicationFactory in tests.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.MigrateAndSeedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
