using ThiDua.Data.Documents;
using ThiDua.Web.Infrastructure.Documents;
using ThiDua.Web.Infrastructure.Files;
using ThiDua.Web.Infrastructure.Signing;

namespace ThiDua.Web.Features.Documents;

/// <summary>
/// Renders the PDF of a queued document from its DOCX, signs it when it is to be signed, stores it and marks the
/// document issued. A job is claimed by one conditional update, so two requests or two app instances never render the
/// same document twice; a claim that outlives its time (a crash) is taken again; a failure is kept with its reason and
/// retried a few times by <see cref="DocumentQueueService"/>.
/// </summary>
public sealed class DocumentJobRunner(IServiceScopeFactory scopes, IPdfConverter converter, IDocumentSigner signer,
    Microsoft.Extensions.Options.IOptions<DocumentOptions> options, TimeProvider clock, ILogger<DocumentJobRunner> logger)
{
    public const int MaxAttempts = 3;
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(10);
    private static readonly IReadOnlySet<string> PdfOnly = new HashSet<string> { FileTypes.Pdf };
    /// <summary>This process, as a claim names it (the column holds 128 characters).</summary>
    private static readonly string Instance = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 128);

    /// <summary>Runs the job of <paramref name="documentId"/> if it is free; otherwise waits (up to <paramref name="limit"/>) for whoever runs it.</summary>
    public async Task RunPendingForAsync(Guid documentId, TimeSpan limit, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var jobId = await db.DocumentJobs.Where(j => j.DocumentId == documentId).OrderByDescending(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (jobId is int id && await TryClaimAsync(db, id, cancellationToken))
            {
                await RunAsync(scope.ServiceProvider, id, cancellationToken);
                return;
            }
        }
        // Someone else is rendering it: wait for the document to leave "pending", within the limit.
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var state = await db.Documents.Where(d => d.Id == documentId).Select(d => d.State).FirstOrDefaultAsync(cancellationToken);
            if (state != OfficialDocumentState.Pending)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Every job that is waiting, whose claim ran out, or that failed and may be tried again; returns how many ran.</summary>
    public async Task<int> RunWaitingAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var retryBefore = now.AddMinutes(-5);
            // A failure is worth retrying only when LibreOffice is there (a missing one fails the same way every time).
            var mayRetry = converter.Unavailable is null;
            var candidates = await db.DocumentJobs.AsNoTracking()
                .Where(j => j.State == DocumentJobState.Pending
                    || (j.State == DocumentJobState.Running && j.ClaimedUntil < now)
                    || (j.State == DocumentJobState.Failed && j.Attempts < MaxAttempts && mayRetry && j.FinishedAt < retryBefore))
                .OrderBy(j => j.Id).Select(j => j.Id).Take(10).ToListAsync(cancellationToken);
            var claimed = false;
            foreach (var id in candidates)
            {
                if (await TryClaimAsync(db, id, cancellationToken))
                {
                    claimed = true;
                    await RunAsync(scope.ServiceProvider, id, cancellationToken);
                    ran++;
                    break;
                }
            }
            if (!claimed)
            {
                return ran;
            }
        }
        return ran;
    }

    private async Task<bool> TryClaimAsync(ThiDuaDbContext db, int jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retryBefore = now.AddMinutes(-5);
        var until = now + ClaimTime;
        var claimed = await db.DocumentJobs
            .Where(j => j.Id == jobId && (j.State == DocumentJobState.Pending
                || (j.State == DocumentJobState.Running && j.ClaimedUntil < now)
                || (j.State == DocumentJobState.Failed && j.Attempts < MaxAttempts && j.FinishedAt < retryBefore)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, DocumentJobState.Running)
                .SetProperty(j => j.ClaimedBy, Instance)
                .SetProperty(j => j.ClaimedUntil, until)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
        return claimed == 1;
    }

    private async Task RunAsync(IServiceProvider services, int jobId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ThiDuaDbContext>();
        var job = await db.DocumentJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        var document = await db.Documents.FirstAsync(d => d.Id == job.DocumentId, cancellationToken);
        try
        {
            var source = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == document.SourceDocumentId, cancellationToken);
            var files = services.GetRequiredService<FileService>();
            var docx = await files.ContentAsync(source.FileId!.Value, cancellationToken);
            var pdf = await converter.ConvertDocxAsync(docx, cancellationToken);
            var signedAt = clock.GetUtcNow();
            if (document.Signed)
            {
                // A document drafted without a named signer (a ranking, a report whose unit has no leader account) is
                // signed in the name the certificate carries.
                var signerName = string.IsNullOrWhiteSpace(document.SignerName) ? signer.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false) : document.SignerName;
                pdf = await signer.SignPdfAsync(pdf, new PdfSignatureRequest(signerName, document.SignerTitle,
                    $"Ban hành {document.Title}", options.Value.Place, signedAt), cancellationToken);
            }
            var stored = await files.SaveAsync(pdf, FileNames.For(document.Title), PdfOnly, cancellationToken);
            document.FileId = stored.Id;
            document.Sha256 = stored.Sha256;
            document.State = OfficialDocumentState.Issued;
            document.SignedAt = document.Signed ? signedAt.UtcDateTime : null;
            document.IssuedAt = signedAt.UtcDateTime;
            document.Error = null;
            job.State = DocumentJobState.Done;
            job.Error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reason is kept for the person who asked (a missing LibreOffice, a time limit, a token that refused);
            // the unexpected is logged in full.
            var message = e is DocumentRenderException ? e.Message : $"Lỗi khi tạo hoặc ký bản PDF ({e.GetType().Name}); quản trị viên xem nhật ký máy chủ.";
            if (e is not DocumentRenderException)
            {
                logger.LogError(e, "Rendering document {DocumentId} failed", document.Id);
            }
            document.State = OfficialDocumentState.Failed;
            document.Error = message.Length > 1000 ? message[..1000] : message;
            job.State = DocumentJobState.Failed;
            job.Error = document.Error;
        }
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        job.ClaimedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>
/// The queue's worker: at start and then every few seconds (real time — the app's clock may be frozen in tests) it runs
/// the jobs left waiting, by a restart or by a request that stopped waiting. Documents:QueueEnabled turns it off.
/// </summary>
public sealed class DocumentQueueService(DocumentJobRunner runner, Microsoft.Extensions.Options.IOptions<DocumentOptions> options, ILogger<DocumentQueueService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.QueueEnabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        do
        {
            try
            {
                var ran = await runner.RunWaitingAsync(stoppingToken);
                if (ran > 0)
                {
                    logger.LogInformation("Rendered {Count} queued documents", ran);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The document queue failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
