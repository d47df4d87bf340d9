using System.Threading.Channels;

namespace ThiDua.Web.Features.Assessment;

/// <summary>
/// Wakes <see cref="ResultsRefreshService"/> of this instance right after a change of results' inputs made here (an
/// appraisal finalised, a publication, lineage changed), so it need not wait for its next tick. Other instances notice
/// the change on their own tick: the key, not this signal, is what says a cohort is stale (ADR 025).
/// </summary>
public sealed class ResultsSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a nudge or for <paramref name="interval"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await _channel.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed without a nudge.
        }
    }
}

public sealed class ResultsOptions
{
    public const string Section = "Results";

    /// <summary>Whether this instance runs the background service (tests turn it off and compute through the reads).</summary>
    public bool BackgroundEnabled { get; set; } = true;

    /// <summary>How often the background service checks every framework's inputs, in seconds.</summary>
    public double RefreshSeconds { get; set; } = 5;
}

/// <summary>
/// Keeps every framework's stored results current (ADR 025): on each tick, or when nudged, it compares each
/// framework's stored inputs key with the current one (a few aggregate queries) and recomputes only what changed,
/// claiming the computation so that several instances compute each cohort once. Results:BackgroundEnabled turns it off.
/// </summary>
public sealed class ResultsRefreshService(IServiceScopeFactory scopes, ResultsSignal signal, Microsoft.Extensions.Options.IOptions<ResultsOptions> options,
    ILogger<ResultsRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundEnabled)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.RefreshSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var computed = await scope.ServiceProvider.GetRequiredService<ResultsService>().RefreshAllAsync(stoppingToken);
                if (computed > 0)
                {
                    logger.LogInformation("Computed and stored the results of {Count} frameworks", computed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Refreshing the stored results failed; it runs again in {Interval}", interval);
            }
            await signal.WaitAsync(interval, stoppingToken);
        }
    }
}
