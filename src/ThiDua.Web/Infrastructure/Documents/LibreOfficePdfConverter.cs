using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>Settings of the <c>Documents</c> section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The LibreOffice executable (<c>soffice</c>); empty: <c>soffice</c> or <c>libreoffice</c> found on PATH.</summary>
    public string? LibreOfficePath { get; set; }

    /// <summary>How long one conversion may run before its process tree is killed.</summary>
    public int ConversionTimeoutSeconds { get; set; } = 120;

    /// <summary>How long a request that issues a document waits for its PDF before answering with it still pending.</summary>
    public int WaitSeconds { get; set; } = 120;

    /// <summary>The request renders its own document's PDF (true), or leaves it to the queue (false: tests that are not about documents).</summary>
    public bool RenderInline { get; set; } = true;

    /// <summary>The queue's worker runs in this instance.</summary>
    public bool QueueEnabled { get; set; } = true;

    /// <summary>Where documents are signed, in the signature dictionary.</summary>
    public string Place { get; set; } = "Quảng Ninh";
}

/// <summary>
/// DOCX → PDF by LibreOffice headless (ADR 020). One conversion at a time: a LibreOffice profile cannot be shared by two
/// running instances, and a second instance on the same profile would hand its work to the first and exit. The profile
/// is private to this process (a temporary directory), so the server's own LibreOffice settings never change a PDF.
/// Files are named by GUIDs, never by what a user typed, and deleted after each conversion.
/// </summary>
public sealed class LibreOfficePdfConverter : IPdfConverter, IDisposable
{
    public const string NotInstalled =
        "Chưa cài LibreOffice: cài gói libreoffice-writer-nogui (Debian) để tạo bản PDF; bản Word (DOCX) vẫn tải được.";

    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly string? _executable;
    private readonly TimeSpan _timeout;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "thidua-pdf", Guid.NewGuid().ToString("N"));
    private readonly ILogger<LibreOfficePdfConverter> _logger;

    public LibreOfficePdfConverter(IOptions<DocumentOptions> options, ILogger<LibreOfficePdfConverter> logger)
    {
        _logger = logger;
        var settings = options.Value;
        _timeout = TimeSpan.FromSeconds(settings.ConversionTimeoutSeconds > 0 ? settings.ConversionTimeoutSeconds : 120);
        _executable = string.IsNullOrWhiteSpace(settings.LibreOfficePath)
            ? FindOnPath("soffice") ?? FindOnPath("libreoffice")
            : File.Exists(settings.LibreOfficePath) ? settings.LibreOfficePath : null;
        if (_executable is null)
        {
            logger.LogWarning("LibreOffice not found ({Path}); PDF versions of documents are unavailable.", settings.LibreOfficePath ?? "PATH");
        }
    }

    public string? Unavailable => _executable is null ? NotInstalled : null;

    public async Task<byte[]> ConvertDocxAsync(byte[] docx, CancellationToken cancellationToken = default)
    {
        if (_executable is null)
        {
            throw new DocumentRenderException(NotInstalled);
        }
        await _one.WaitAsync(cancellationToken);
        var work = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            var name = Guid.NewGuid().ToString("N");
            var input = Path.Combine(work, $"{name}.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            await RunAsync(input, work, cancellationToken);
            var output = Path.Combine(work, $"{name}.pdf");
            return File.Exists(output)
                ? await File.ReadAllBytesAsync(output, cancellationToken)
                : throw new DocumentRenderException("LibreOffice không tạo được bản PDF của văn bản; xem nhật ký máy chủ.");
        }
        finally
        {
            TryDelete(work);
            _one.Release();
        }
    }

    private async Task RunAsync(string input, string outputDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--norestore", "--nolockcheck",
            $"-env:UserInstallation={new Uri(Path.Combine(_root, "profile") + "/").AbsoluteUri}",
            "--convert-to", "pdf", "--outdir", outputDirectory, input,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DocumentRenderException($"Không chạy được LibreOffice ({_executable}): {ex.Message}", ex);
        }
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // LibreOffice starts child processes (oosplash → soffice.bin): the whole tree goes, or it keeps the profile locked.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new DocumentRenderException($"Chuyển văn bản sang PDF quá thời gian cho phép ({_timeout.TotalSeconds:0} giây); LibreOffice đã bị dừng. Thử lại sau.");
        }
        if (process.ExitCode != 0)
        {
            _logger.LogWarning("LibreOffice exited with {Code}: {Out} {Error}", process.ExitCode, await stdout, await stderr);
            throw new DocumentRenderException($"LibreOffice không chuyển được văn bản sang PDF (mã thoát {process.ExitCode}).");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException ex)
        {
            _logger.LogWarning(ex, "Could not delete {Directory}", directory);
        }
    }

    public void Dispose()
    {
        TryDelete(_root);
        _one.Dispose();
    }
}
